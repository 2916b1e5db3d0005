using System.Security.Cryptography;
using FeedPublisher.Core.Diagnostics;
using FeedPublisher.Core.Extraction;
using FeedPublisher.Core.Model;
using FeedPublisher.Core.Reading;
using FeedPublisher.Core.Storing;

namespace FeedPublisher.Core.Ingesting;

/// <summary>
/// Reads and extracts a chunk of files into what the store should change: an unchanged file costs
/// nothing (its stamp matched), a touched one a hash; the rest are read, parsed and extracted
/// whole (header and body together, once per file version) on every core. Identities are settled
/// in path order between the two parallel steps (<see cref="Read(IReadOnlyList{FoundFile}, IReadOnlyDictionary{string, KnownFile}, Action?)"/>
/// and <see cref="Extract(ReadChunk, Lazy{IdentityClaims})"/>), so the outcome never depends on
/// thread timing. A file that fails is rejected with its reason; the rest of the chunk goes on.
/// </summary>
internal sealed class IngestPass(ArticleFileReader files, ArticleExtractor extractor, DateTimeOffset now, StageTimings timings, CancellationToken cancellationToken)
{
    /// <summary>Reads a chunk on every core: the files that changed are parsed, the others only judged.</summary>
    /// <param name="known">What the store holds of these files (only the paths are looked up).</param>
    /// <param name="onRead">Told after each file is read (progress).</param>
    public ReadChunk Read(IReadOnlyList<FoundFile> chunk, KnownFiles known, Action? onRead = null)
    {
        var reads = new FileRead[chunk.Count];
        timings.Time(StageTimings.Read, () => Parallel.For(0, chunk.Count, new ParallelOptions { CancellationToken = cancellationToken }, i =>
        {
            reads[i] = Read(chunk[i], known);
            onRead?.Invoke();
        }));
        // A JSON Feed document goes on as its items, each an article of its own.
        return new ReadChunk([.. reads.SelectMany(read => read.Items ?? [read])], [.. reads.SelectMany(read => read.Vanished)]);
    }

    /// <summary>
    /// Settles the identities of a read chunk in path order, then extracts its articles on every
    /// core: what the store should change, and what became of each file.
    /// </summary>
    /// <param name="claims">The ids claimed so far in this ingest; built when first needed.</param>
    public (StoreChanges Changes, IReadOnlyList<IngestedFile> Outcomes) Extract(ReadChunk chunk, Lazy<IdentityClaims> claims)
    {
        var reads = chunk.Files;
        var saved = new Article?[reads.Length];
        timings.Time(StageTimings.Extract, () =>
        {
            // What the chunk's files no longer hold (items taken out, a file turned from one article
            // into a feed or back) gives up its id first, so that another file or item may take it.
            foreach (var path in chunk.Vanished)
            {
                claims.Value.Release(path);
            }

            var ids = new string?[reads.Length];
            for (var i = 0; i < reads.Length; i++)
            {
                if (reads[i].Draft is { } draft)
                {
                    ids[i] = Claim(reads[i], draft, claims.Value);
                }
            }

            Parallel.For(0, reads.Length, new ParallelOptions { CancellationToken = cancellationToken }, i =>
            {
                if (ids[i] is { } id)
                {
                    saved[i] = Extract(reads[i], id, claims.Value);
                }
            });
        });

        var files = StampsOfDocumentsWithRejections(reads, saved);
        var changes = new StoreChanges(
            [.. Enumerable.Range(0, reads.Length).Where(i => saved[i] is not null).Select(i => new StoredArticle(saved[i]!, files[i]!))],
            [.. Enumerable.Range(0, reads.Length).Where(i => reads[i].Touched).Select(i => files[i]!)],
            // A draft or an expired article that was published leaves the store, as if its file were
            // gone; so does an item no longer in its JSON Feed document.
            [.. reads.Where(r => r.Withheld is not null && r.Known).Select(r => r.Found.RelativePath), .. chunk.Vanished]);
        var outcomes = reads.Select((r, i) => new IngestedFile(r.Where, r.Known, r.Unchanged || r.Touched, saved[i] is not null, r.Problems, r.Withheld, r.UnknownKeys))
            .Concat(chunk.Vanished.Select(path => new IngestedFile(path, Known: true, Unchanged: false, Saved: false, [], null, []) { Removed = true })).ToList();
        return (changes, outcomes);
    }

    /// <summary>
    /// Skips an unchanged file by its length and mtime, a touched one by its hash; reads and parses
    /// the rest. A JSON Feed document is read as its items (<see cref="FileRead.Items"/>); what the
    /// store held of the file and is no longer in it (an item taken out, or the one article of a
    /// file that became a feed, or the other way round) is <see cref="FileRead.Vanished"/>.
    /// </summary>
    private FileRead Read(FoundFile found, KnownFiles known)
    {
        var previous = known.At(found.RelativePath);
        var items = known.ItemsOf(found.RelativePath);
        var read = new FileRead(found, previous is not null);
        if ((previous is not null || items.Count > 0) && (previous is null || previous.Matches(found.Length, found.LastWriteTime)) && items.All(item => item.Matches(found.Length, found.LastWriteTime)))
        {
            read.Unchanged = true;
            return read;
        }

        try
        {
            var bytes = files.ReadArticleBytes(found.FullPath);
            var json = found.RelativePath.EndsWith(".json", StringComparison.OrdinalIgnoreCase);
            if (json && FeedDocuments.Detect(bytes) == FeedDocumentKind.JsonFeed)
            {
                var feed = FeedDocuments.Read(bytes, FeedDocumentKind.JsonFeed);
                read.Items = [.. feed.Items.Select(item => ReadItem(found, item, known))];
                var ids = new HashSet<string>(StringComparer.Ordinal);
                foreach (var item in read.Items.Where(item => item.File is not null && !ids.Add(item.File.RelativePath)))
                {
                    item.Reject(new ArticleRejectedException($"another item of this document has the id '{item.Id}' too; the first one is kept"));
                }

                var kept = read.Items.Select(item => item.Found.RelativePath).ToHashSet(StringComparer.Ordinal);
                read.Vanished = [.. items.Select(item => item.File.RelativePath).Where(path => !kept.Contains(path)), .. previous is null ? [] : new[] { found.RelativePath }];
                return read;
            }

            read.File = new ArticleFile(found.RelativePath, found.Length, found.LastWriteTime, Convert.ToHexStringLower(SHA256.HashData(bytes)));
            if (read.TouchedOnly(previous))
            {
                return read;
            }

            // A file that was a JSON Feed and reads as one article now gives up its items; one that
            // reads as neither (half saved, say) is rejected below and keeps them, as an edited
            // file that fails keeps its last good version.
            var vanished = items.Select(item => item.File.RelativePath).ToArray();
            var (reader, source) = files.Decode(found.RelativePath, bytes, out var warning);
            if (warning is not null)
            {
                read.Problems.Add(new IngestProblem(warning, Rejected: false));
            }

            // One JSON Feed item on its own is an article too, under its id as a feed's item is.
            if (json && FeedDocuments.SingleJsonFeedItem(bytes) is { } single)
            {
                read.Take(single.Draft ?? throw new ArticleRejectedException(single.Refused ?? "it cannot be read"), now);
                read.Id = ArticleIdentity.ForFeedGuid(single.Identity!);
            }
            else
            {
                read.Take(reader.Read(source), now);
            }

            read.Vanished = vanished;
        }
        catch (Exception e) when (e is not (OperationCanceledException or OutOfMemoryException))
        {
            read.Reject(e);
        }

        return read;
    }

    /// <summary>
    /// One item of a JSON Feed document in the folder: stored at its own path
    /// (<see cref="FeedItemPaths"/>) with the document's stamp and the hash of its own text, so an
    /// edit to one item updates that article alone; its id keeps the item's id, as <c>import</c> does.
    /// </summary>
    private FileRead ReadItem(FoundFile document, FeedItem item, KnownFiles known)
    {
        var path = item.Identity is null ? null : FeedItemPaths.Of(document.RelativePath, item.Identity);
        var previous = path is null ? null : known.At(path);
        var read = new FileRead(document with { RelativePath = path ?? document.RelativePath }, previous is not null)
        {
            Where = $"{document.RelativePath} {item.Where}",
            Document = document.RelativePath,
        };
        try
        {
            var draft = item.Draft ?? throw new ArticleRejectedException(item.Refused ?? "it cannot be read");
            read.Id = ArticleIdentity.ForFeedGuid(item.Identity!);
            read.File = new ArticleFile(path!, document.Length, document.LastWriteTime, Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(item.Text))));
            if (!read.TouchedOnly(previous))
            {
                read.Take(draft, now);
            }
        }
        catch (Exception e) when (e is not (OperationCanceledException or OutOfMemoryException))
        {
            read.Reject(e);
        }

        return read;
    }

    /// <summary>
    /// The stamps to store for each read. A document with a rejected item is stored with a stamp no
    /// file has, so that the next ingest reads it again, as it reads a rejected file again (the
    /// rejection may be an id that another file gives up meanwhile); its other items are unchanged
    /// by their hash then, and cost nothing more.
    /// </summary>
    private static ArticleFile?[] StampsOfDocumentsWithRejections(FileRead[] reads, Article?[] saved)
    {
        var retried = reads.Where((r, i) => r.Document is not null && r.Problems.Any(p => p.Rejected)).Select(r => r.Document!).ToHashSet(StringComparer.Ordinal);
        return [.. reads.Select(r => r.File is { } file && r.Document is { } document && retried.Contains(document) ? file with { LastWriteTime = DateTimeOffset.MinValue } : r.File)];
    }

    /// <summary>The file's identity, claimed on one thread and in path order; null when rejected.</summary>
    private static string? Claim(FileRead read, ArticleDraft draft, IdentityClaims claims)
    {
        try
        {
            var id = read.Id ?? ArticleIdentity.Resolve(draft.Metadata, read.Found.RelativePath);
            claims.Claim(id, read.Found.RelativePath);
            return id;
        }
        catch (Exception e) when (e is not (OperationCanceledException or OutOfMemoryException))
        {
            read.Reject(e);
            return null;
        }
    }

    /// <summary>The whole article (claims are only read here, on every core); null when rejected.</summary>
    private Article? Extract(FileRead read, string id, IdentityClaims claims)
    {
        try
        {
            var article = extractor.Extract(read.Draft!, id, read.File!.LastWriteTime, claims.FirstPublished(id));
            return read.KeepUpdated is { } updated ? article with { Updated = updated } : article;
        }
        catch (Exception e) when (e is not (OperationCanceledException or OutOfMemoryException))
        {
            read.Reject(e);
            return null;
        }
    }

    /// <summary>Our own rejections and I/O errors speak for themselves; anything else is a bug of ours on one odd file.</summary>
    public static string Describe(Exception e) =>
        e is ArticleRejectedException or IOException or UnauthorizedAccessException ? e.Message : $"could not be read ({e.GetType().Name}: {e.Message})";

    /// <summary>A chunk of files read, before their identities are settled.</summary>
    public sealed class ReadChunk
    {
        internal ReadChunk(FileRead[] files, string[] vanished) => (Files, Vanished) = (files, vanished);

        internal FileRead[] Files { get; }

        /// <summary>Stored paths of the chunk's files that are no longer in them (items taken out of a JSON Feed document).</summary>
        internal string[] Vanished { get; }

        /// <summary>The ids the parsed files claim (those that resolve), to ask the store who owns them.</summary>
        public IReadOnlyList<string> ClaimedIds()
        {
            var ids = new List<string>();
            foreach (var file in Files)
            {
                if (file.Draft is { } draft)
                {
                    try
                    {
                        ids.Add(file.Id ?? ArticleIdentity.Resolve(draft.Metadata, file.Found.RelativePath));
                    }
                    catch (ArticleRejectedException)
                    {
                        // Rejected again, with its reason, when the claims are settled.
                    }
                }
            }

            return ids;
        }
    }

    /// <summary>One file on its way through the chunk; each is touched by one thread at a time.</summary>
    internal sealed class FileRead(FoundFile found, bool known)
    {
        public FoundFile Found { get; } = found;
        public bool Known { get; } = known;

        /// <summary>How the report names it: its path, or for an item its document, index and id.</summary>
        public string Where { get; init; } = found.RelativePath;

        /// <summary>For an item of a JSON Feed document, the document's path; null for a file of one article.</summary>
        public string? Document { get; init; }

        /// <summary>The id the article has whatever its metadata says (an item's, kept from its feed); null to resolve it.</summary>
        public string? Id { get; set; }

        /// <summary>For a JSON Feed document, its items, each read as a file of its own.</summary>
        public FileRead[]? Items { get; set; }

        /// <summary>Stored paths of this file no longer in it.</summary>
        public string[] Vanished { get; set; } = [];
        public bool Unchanged { get; set; }
        public bool Touched { get; set; }
        public ArticleFile? File { get; set; }
        public ArticleDraft? Draft { get; set; }

        /// <summary>Why the article is not published (a draft, expired); null for the others.</summary>
        public string? Withheld { get; private set; }

        /// <summary>Set when an unchanged file is derived again: the update date the store holds.</summary>
        public DateTimeOffset? KeepUpdated { get; set; }

        public List<IngestProblem> Problems { get; } = [];

        /// <summary>The file's keys that no reader knows: kept apart from its problems, as they are reported per key over the whole ingest.</summary>
        public IReadOnlyList<string> UnknownKeys { get; set; } = [];

        /// <summary>
        /// Compares the text read (<see cref="File"/>'s hash) with the stored version: true when
        /// it is the same and its article stands as derived (only the stamp is stored again); the
        /// same text derived with other settings is no edit, so it keeps its update date.
        /// </summary>
        public bool TouchedOnly(KnownFile? previous)
        {
            if (previous is null || previous.File.ContentHash != File!.ContentHash)
            {
                return false;
            }

            Touched = !previous.Stale;
            KeepUpdated = previous.Stale ? previous.Updated : null;
            return Touched;
        }

        /// <summary>
        /// The draft read, with its warnings and unknown keys; withheld when it is a draft or
        /// expired (such a file is not stored, so every walk reads it again: the price of noticing
        /// at once when it is published).
        /// </summary>
        public void Take(ArticleDraft draft, DateTimeOffset now)
        {
            Draft = draft;
            Problems.AddRange(draft.Metadata.Warnings.Select(w => new IngestProblem(w, Rejected: false)));
            UnknownKeys = draft.Metadata.UnknownKeys;
            Withhold(PublicationRules.Withheld(draft.Metadata, now));
        }

        /// <summary>Keeps the article out of the store and the feeds, without calling it an error.</summary>
        public void Withhold(string? reason)
        {
            if (reason is not null)
            {
                Withheld = reason;
                Draft = null;
            }
        }

        public void Reject(Exception e)
        {
            Problems.Add(new IngestProblem(Describe(e), Rejected: true));
            (Draft, Touched) = (null, false);
        }
    }
}

/// <summary>A problem with one file, before it is named by its path.</summary>
internal readonly record struct IngestProblem(string Message, bool Rejected);

/// <summary>What a pass did with one file: enough for the report, nothing of the article itself.</summary>
/// <param name="Known">The store held the file before.</param>
/// <param name="Unchanged">Skipped: its stamp or its hash was the store's.</param>
/// <param name="Saved">Its article goes to the store.</param>
/// <param name="Withheld">Why it is not published, when it is a draft or expired.</param>
/// <param name="UnknownKeys">Its front-matter or JSON keys that no reader knows.</param>
internal sealed record IngestedFile(string RelativePath, bool Known, bool Unchanged, bool Saved, IReadOnlyList<IngestProblem> Problems, string? Withheld, IReadOnlyList<string> UnknownKeys)
{
    /// <summary>An item taken out of its JSON Feed document: its article leaves the store.</summary>
    public bool Removed { get; init; }
}
