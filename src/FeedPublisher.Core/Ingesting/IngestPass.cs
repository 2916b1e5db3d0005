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
    public ReadChunk Read(IReadOnlyList<FoundFile> chunk, IReadOnlyDictionary<string, KnownFile> known, Action? onRead = null)
    {
        var reads = new FileRead[chunk.Count];
        timings.Time(StageTimings.Read, () => Parallel.For(0, chunk.Count, new ParallelOptions { CancellationToken = cancellationToken }, i =>
        {
            reads[i] = Read(chunk[i], known.GetValueOrDefault(chunk[i].RelativePath));
            onRead?.Invoke();
        }));
        return new ReadChunk(reads);
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

        var changes = new StoreChanges(
            [.. Enumerable.Range(0, reads.Length).Where(i => saved[i] is not null).Select(i => new StoredArticle(saved[i]!, reads[i].File!))],
            [.. reads.Where(r => r.Touched).Select(r => r.File!)],
            // A draft or an expired article that was published leaves the store, as if its file were gone.
            [.. reads.Where(r => r.Withheld is not null && r.Known).Select(r => r.Found.RelativePath)]);
        var outcomes = reads.Select((r, i) => new IngestedFile(r.Found.RelativePath, r.Known, r.Unchanged || r.Touched, saved[i] is not null, r.Problems, r.Withheld)).ToList();
        return (changes, outcomes);
    }

    /// <summary>Skips an unchanged file by its length and mtime, a touched one by its hash; reads and parses the rest.</summary>
    private FileRead Read(FoundFile found, KnownFile? previous)
    {
        var read = new FileRead(found, previous is not null);
        if (previous is not null && previous.Matches(found.Length, found.LastWriteTime))
        {
            read.Unchanged = true;
            return read;
        }

        try
        {
            var bytes = files.ReadArticleBytes(found.FullPath);
            read.File = new ArticleFile(found.RelativePath, found.Length, found.LastWriteTime, Convert.ToHexStringLower(SHA256.HashData(bytes)));
            if (previous is not null && previous.File.ContentHash == read.File.ContentHash)
            {
                if (!previous.Stale)
                {
                    read.Touched = true;
                    return read;
                }

                // The same text derived again with today's settings: not an edit, so its update date stays.
                read.KeepUpdated = previous.Updated;
            }

            var (reader, source) = files.Decode(found.RelativePath, bytes, out var warning);
            if (warning is not null)
            {
                read.Problems.Add(new IngestProblem(warning, Rejected: false));
            }

            read.Draft = reader.Read(source);
            read.Problems.AddRange(read.Draft.Metadata.Warnings.Select(w => new IngestProblem(w, Rejected: false)));
            read.Withhold(Withheld(read.Draft.Metadata));
        }
        catch (Exception e) when (e is not (OperationCanceledException or OutOfMemoryException))
        {
            read.Reject(e);
        }

        return read;
    }

    /// <summary>
    /// Why an article must not be published now: a draft (<c>draft: true</c>, <c>published: false</c>,
    /// <c>status: draft</c>) or an expiry date that has passed. Such a file is not stored, so every
    /// walk reads it again: the price of noticing at once when it is published. An article dated
    /// ahead, or expiring later, is stored: the store's feed queries keep it out until its date
    /// and from its expiry (<see cref="Storing.IArticleStore"/>).
    /// </summary>
    private string? Withheld(ArticleMetadata metadata) =>
        metadata.Draft is { } draft ? $"a draft ({draft})"
        : metadata.Expires is { } expiry && expiry.At <= now ? $"expired on {expiry.At.UtcDateTime:yyyy-MM-dd HH:mm} UTC ({expiry.Key})"
        : null;

    /// <summary>The file's identity, claimed on one thread and in path order; null when rejected.</summary>
    private static string? Claim(FileRead read, ArticleDraft draft, IdentityClaims claims)
    {
        try
        {
            var id = ArticleIdentity.Resolve(draft.Metadata, read.Found.RelativePath);
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
        internal ReadChunk(FileRead[] files) => Files = files;

        internal FileRead[] Files { get; }

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
                        ids.Add(ArticleIdentity.Resolve(draft.Metadata, file.Found.RelativePath));
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
        public bool Unchanged { get; set; }
        public bool Touched { get; set; }
        public ArticleFile? File { get; set; }
        public ArticleDraft? Draft { get; set; }

        /// <summary>Why the article is not published (a draft, expired); null for the others.</summary>
        public string? Withheld { get; private set; }

        /// <summary>Set when an unchanged file is derived again: the update date the store holds.</summary>
        public DateTimeOffset? KeepUpdated { get; set; }

        public List<IngestProblem> Problems { get; } = [];

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
            Draft = null;
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
internal sealed record IngestedFile(string RelativePath, bool Known, bool Unchanged, bool Saved, IReadOnlyList<IngestProblem> Problems, string? Withheld);
