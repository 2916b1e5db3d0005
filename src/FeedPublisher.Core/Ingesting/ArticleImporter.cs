using System.Security.Cryptography;
using System.Text;
using FeedPublisher.Core.Extraction;
using FeedPublisher.Core.Model;
using FeedPublisher.Core.Reading;
using FeedPublisher.Core.Storing;
using Microsoft.Extensions.Logging;

namespace FeedPublisher.Core.Ingesting;

/// <summary>
/// Articles handed over by another system (a CMS) rather than dropped into the articles folder:
/// <c>feedpublisher import</c>. Each file, in any article format, is read, rendered in full (no
/// file will be there to render its body from later) and stored like an ingested article, under a
/// source path no file can have (<see cref="SourcePrefix"/> + id), so that the folder walk neither
/// re-reads nor removes it. Importing the same bytes again changes nothing; new bytes update the
/// article and keep its publication date; an id that a file in the articles folder holds is refused.
/// A draft or expired article (<see cref="PublicationRules"/>, as for the folder) is reported as not
/// published and not stored; if it was imported before, it is removed.
/// A file that is a feed (<see cref="FeedDocuments"/>: RSS, Atom, JSON Feed, a WordPress export),
/// told by its content, is a whole site: each item is an article whose id keeps the item's GUID
/// (<see cref="ArticleIdentity.ForFeedGuid"/>), so that the feeds publish it under the same GUID
/// as the old site did; an item that cannot be used is reported with its index and GUID.
/// </summary>
public sealed class ArticleImporter(IArticleStore store, ArticleFileReader files, ArticleExtractor extractor, TimeProvider time, ILogger<ArticleImporter> logger)
{
    /// <summary>Relative paths never start with '@/', so no article file can collide with an import.</summary>
    public const string SourcePrefix = "@/import/";

    public static bool IsImported(string sourcePath) => sourcePath.StartsWith(SourcePrefix, StringComparison.Ordinal);

    /// <param name="paths">Article files, or folders whose article files are all imported.</param>
    public async Task<ImportReport> ImportAsync(IReadOnlyList<string> paths, CancellationToken cancellationToken)
    {
        var given = paths.SelectMany(Expand).ToList();
        var problems = new List<ArticleProblem>();
        var read = new List<(string Path, string Id, ArticleDraft Draft, string Hash, long Length)>();
        var skipped = 0;
        foreach (var path in given)
        {
            try
            {
                read.AddRange(Read(path, problems, ref skipped));
            }
            catch (Exception e) when (e is ArticleRejectedException or IOException or UnauthorizedAccessException)
            {
                problems.Add(IngestLog.Report(logger, new ArticleProblem(path, e.Message, Rejected: true)));
            }
        }

        var known = await store.GetKnownFilesAsync([], read.Select(r => r.Id).ToList(), cancellationToken);
        var byId = known.Values.ToDictionary(k => k.ArticleId, StringComparer.Ordinal);
        var saved = new List<StoredArticle>();
        var (added, updated, unchanged) = (0, 0, 0);
        var withheld = new List<WithheldFile>();
        var removed = new List<string>();
        var now = time.GetUtcNow();
        foreach (var (path, id, draft, hash, length) in read)
        {
            var previous = byId.GetValueOrDefault(id);
            // Before the checks below: a draft is not stored, so it claims no id and is never "unchanged"
            // (the same bytes whose expiry has now passed must still leave the feeds).
            if (PublicationRules.Withheld(draft.Metadata, now) is { } reason)
            {
                withheld.Add(new WithheldFile(path, reason));
                IngestLog.ReportWithheld(logger, path, reason);
                if (previous is not null && IsImported(previous.File.RelativePath) && !removed.Contains(previous.File.RelativePath))
                {
                    removed.Add(previous.File.RelativePath);
                }

                continue;
            }

            if (previous is not null && !IsImported(previous.File.RelativePath))
            {
                problems.Add(IngestLog.Report(logger, new ArticleProblem(path, $"its id '{id}' is already the id of {previous.File.RelativePath} in the articles folder", Rejected: true)));
                continue;
            }

            if (saved.Any(s => s.Article.Id == id))
            {
                problems.Add(IngestLog.Report(logger, new ArticleProblem(path, $"another file of this import has the id '{id}' too; the first one is kept", Rejected: true)));
                continue;
            }

            if (previous?.File.ContentHash == hash)
            {
                unchanged++;
                continue;
            }

            try
            {
                var article = extractor.Extract(draft, id, now, previous?.Published);
                saved.Add(new StoredArticle(article, new ArticleFile(SourcePrefix + id, length, now, hash)));
                if (previous is null)
                {
                    added++;
                }
                else
                {
                    updated++;
                }
            }
            catch (ArticleRejectedException e)
            {
                problems.Add(IngestLog.Report(logger, new ArticleProblem(path, e.Message, Rejected: true)));
            }
        }

        await store.ApplyAsync(new StoreChanges(saved, [], removed), cancellationToken);
        return new ImportReport(given.Count, added, updated, unchanged, removed.Count, problems)
        {
            Withheld = withheld,
            SkippedItems = skipped,
            UnknownKeys = IngestLog.ReportUnknownKeys(logger, read.Select(r => (r.Path, r.Draft.Metadata.UnknownKeys))),
        };
    }

    /// <summary>Removes imported articles by id; ids of files in the articles folder are left to that folder.</summary>
    public async Task<ImportReport> RemoveAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        var known = await store.GetKnownFilesAsync([], ids, cancellationToken);
        var imported = known.Keys.Where(IsImported).Order(StringComparer.Ordinal).ToList();
        var problems = ids.Where(id => !known.Values.Any(k => k.ArticleId == id && IsImported(k.File.RelativePath)))
            .Select(id => IngestLog.Report(logger, new ArticleProblem(id, "no imported article has this id", Rejected: true))).ToList();
        await store.ApplyAsync(new StoreChanges([], [], imported), cancellationToken);
        return new ImportReport(ids.Count, 0, 0, 0, imported.Count, problems);
    }

    /// <summary>
    /// Reads a file as ingest reads one (the same limit, decoding and reader), wherever it is; or,
    /// when its content is a feed, each of its items. A feed may be larger than an article, so the
    /// file is read up to a feed's limit and held to the article limit once it is known not to be one.
    /// </summary>
    private List<(string Path, string Id, ArticleDraft Draft, string Hash, long Length)> Read(string path, List<ArticleProblem> problems, ref int skipped)
    {
        var info = new FileInfo(path);
        var bytes = files.ReadBytes(info, Math.Max(files.MaxBytes, FeedDocuments.MaxBytes), "the limit of a feed");
        if (FeedDocuments.Detect(bytes) is { } kind)
        {
            var feed = FeedDocuments.Read(bytes, kind);
            skipped += feed.Skipped;
            return ReadItems(path, feed, problems);
        }

        if (!files.Reads(info.Extension))
        {
            throw new ArticleRejectedException($"no reader for files named *{info.Extension} (.txt, .md, .html, .json), and not a feed (RSS 2.0, Atom 1.0, JSON Feed, a WordPress export)");
        }

        if (bytes.Length > files.MaxBytes)
        {
            throw new ArticleRejectedException($"the file is {bytes.Length:N0} bytes, over the limit of {files.MaxBytes:N0} (Articles:MaxBytes)");
        }

        var (reader, source) = files.Decode(info.Name, bytes, out var warning);
        if (warning is not null)
        {
            problems.Add(IngestLog.Report(logger, new ArticleProblem(path, warning, Rejected: false)));
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
        if (info.Extension.Equals(".json", StringComparison.OrdinalIgnoreCase) && FeedDocuments.SingleJsonFeedItem(bytes) is { } item)
        {
            // One JSON Feed item: kept under its id, as an item of a whole feed is.
            var itemDraft = item.Draft ?? throw new ArticleRejectedException(item.Refused ?? "it cannot be read");
            return [(path, ArticleIdentity.ForFeedGuid(item.Identity!), itemDraft, hash, bytes.Length)];
        }

        var draft = reader.Read(source);
        var id = ArticleIdentity.Resolve(draft.Metadata, info.Name);
        return [(path, id, draft, hash, bytes.Length)];
    }

    /// <summary>A feed's usable items, each hashed by its own text (an edit to one item updates that article only).</summary>
    private List<(string Path, string Id, ArticleDraft Draft, string Hash, long Length)> ReadItems(string path, FeedRead feed, List<ArticleProblem> problems)
    {
        var items = new List<(string Path, string Id, ArticleDraft Draft, string Hash, long Length)>();
        foreach (var item in feed.Items)
        {
            var where = $"{path} {item.Where}";
            try
            {
                var draft = item.Draft ?? throw new ArticleRejectedException(item.Refused ?? "it cannot be read");
                var bytes = Encoding.UTF8.GetBytes(item.Text);
                items.Add((where, ArticleIdentity.ForFeedGuid(item.Identity!), draft, Convert.ToHexStringLower(SHA256.HashData(bytes)), bytes.Length));
            }
            catch (ArticleRejectedException e)
            {
                problems.Add(IngestLog.Report(logger, new ArticleProblem(where, e.Message, Rejected: true)));
            }
        }

        return items;
    }

    private IEnumerable<string> Expand(string path) =>
        Directory.Exists(path)
            ? Directory.EnumerateFiles(path, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.Hidden | FileAttributes.System })
                .Where(f => files.Reads(Path.GetExtension(f))).Order(StringComparer.Ordinal)
            : [path];
}
