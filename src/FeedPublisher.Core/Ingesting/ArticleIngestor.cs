using System.Security.Cryptography;
using FeedPublisher.Core.Diagnostics;
using FeedPublisher.Core.Extraction;
using FeedPublisher.Core.Reading;
using FeedPublisher.Core.Storing;
using Microsoft.Extensions.Logging;

namespace FeedPublisher.Core.Ingesting;

/// <summary>
/// One pass over the articles folder into the store. Unchanged files cost a stat (length and
/// mtime), touched ones a hash; only new or edited files are read and extracted, on every core.
/// Identities are settled in path order, so the outcome never depends on thread timing. A file
/// that fails is reported and skipped; the rest of the pass goes on. All changes land in one
/// transaction.
/// </summary>
public sealed class ArticleIngestor(
    IArticleStore store,
    IEnumerable<IArticleReader> readers,
    ArticleExtractor extractor,
    IngestSettings settings,
    ILogger<ArticleIngestor> logger)
{
    private readonly Dictionary<string, IArticleReader> _readers = readers
        .SelectMany(r => r.Extensions.Select(e => KeyValuePair.Create(e, r)))
        .ToDictionary(StringComparer.OrdinalIgnoreCase);

    public async Task<IngestReport> IngestAsync(CancellationToken cancellationToken, IProgress<IngestProgress>? progress = null, StageTimings? timings = null)
    {
        timings ??= new StageTimings();
        var root = Path.GetFullPath(settings.ArticlesDirectory);
        var known = await timings.TimeAsync(StageTimings.Store, () => store.GetKnownFilesAsync(cancellationToken));
        var files = timings.Time(StageTimings.Read, () => ArticleFiles(root).Select(info => new Candidate(info, Path.GetRelativePath(root, info.FullName).Replace('\\', '/'))).ToList());

        // Read and parse every new or changed file, in parallel: pure work per file.
        var done = 0;
        timings.Time(StageTimings.Read, () => Parallel.ForEach(files, new ParallelOptions { CancellationToken = cancellationToken }, file =>
        {
            Read(file, known.GetValueOrDefault(file.RelativePath));
            progress?.Report(new IngestProgress(Interlocked.Increment(ref done), files.Count));
        }));

        // Settle identities in path order: which file owns which id must not depend on timing.
        var claims = new IdentityClaims(known.Values, files.Select(f => f.RelativePath));
        foreach (var file in files.Where(f => f.Draft is not null))
        {
            try
            {
                file.Id = ArticleIdentity.Resolve(file.Draft!.Metadata, file.RelativePath);
                claims.Claim(file.Id, file.RelativePath);
                file.FirstPublished = claims.FirstPublished(file.Id);
            }
            catch (ArticleRejectedException e)
            {
                file.Reject(e.Message);
            }
        }

        timings.Time(StageTimings.Extract, () => Parallel.ForEach(files.Where(f => f.Draft is not null), new ParallelOptions { CancellationToken = cancellationToken }, Extract));

        var problems = files.SelectMany(f => f.Problems.Select(p => Report(new ArticleProblem(Path.Combine(settings.ArticlesDirectory, f.RelativePath), p.Message, p.Rejected)))).ToList();
        var saved = files.Where(f => f.Article is not null).Select(f => new StoredArticle(f.Article!, f.File!)).ToList();
        var seen = files.Select(f => f.RelativePath).ToHashSet(StringComparer.Ordinal);
        var removed = known.Keys.Where(path => !seen.Contains(path)).Order(StringComparer.Ordinal).ToList();
        var changes = new StoreChanges(saved, files.Where(f => f.Touched).Select(f => f.File!).ToList(), removed);
        if (!changes.IsEmpty)
        {
            await timings.TimeAsync(StageTimings.Store, async () =>
            {
                await store.ApplyAsync(changes, cancellationToken);
                return 0;
            });
        }

        return new IngestReport(files.Count, files.Count(f => f.Article is not null && !f.Known), files.Count(f => f.Article is not null && f.Known),
            files.Count(f => f.Unchanged || f.Touched), removed.Count, problems);
    }

    /// <summary>Skips an unchanged file by its length and mtime, a touched one by its hash; reads and parses the rest.</summary>
    private void Read(Candidate file, KnownFile? previous)
    {
        var lastWrite = new DateTimeOffset(file.Info.LastWriteTimeUtc, TimeSpan.Zero);
        file.Known = previous is not null;
        if (previous is not null && previous.File.Length == file.Info.Length && previous.File.LastWriteTime == lastWrite)
        {
            file.Unchanged = true;
            return;
        }

        try
        {
            var bytes = ReadBounded(file.Info);
            file.File = new ArticleFile(file.RelativePath, file.Info.Length, lastWrite, Convert.ToHexStringLower(SHA256.HashData(bytes)));
            if (previous is not null && previous.File.ContentHash == file.File.ContentHash)
            {
                file.Touched = true;
                return;
            }

            var reader = _readers[file.Info.Extension];
            var decoded = ArticleTextDecoder.Decode(bytes, sniffHtmlCharset: reader is HtmlArticleReader);
            if (decoded.Warning is not null)
            {
                file.Problems.Add((decoded.Warning, false));
            }

            file.Draft = reader.Read(new ArticleSource(file.RelativePath, decoded.Text));
        }
        catch (Exception e) when (e is not (OperationCanceledException or OutOfMemoryException))
        {
            file.Reject(Describe(e));
        }
    }

    private void Extract(Candidate file)
    {
        try
        {
            file.Article = extractor.Extract(file.Draft!, file.Id!, file.File!.LastWriteTime, file.FirstPublished);
        }
        catch (Exception e) when (e is not (OperationCanceledException or OutOfMemoryException))
        {
            file.Reject(Describe(e));
        }
    }

    /// <summary>Our own rejections and I/O errors speak for themselves; anything else is a bug of ours on one odd file.</summary>
    private static string Describe(Exception e) =>
        e is ArticleRejectedException or IOException or UnauthorizedAccessException ? e.Message : $"could not be read ({e.GetType().Name}: {e.Message})";

    /// <summary>Supported files below the root in a stable order; dotfiles and dot-folders are skipped.</summary>
    private IEnumerable<FileInfo> ArticleFiles(string root)
    {
        if (!Directory.Exists(root))
        {
            throw new DirectoryNotFoundException($"the articles folder {root} does not exist");
        }

        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.Hidden | FileAttributes.System };
        return new DirectoryInfo(root).EnumerateFiles("*", options)
            .Where(f => _readers.ContainsKey(f.Extension))
            .OrderBy(f => f.FullName, StringComparer.Ordinal);
    }

    private byte[] ReadBounded(FileInfo info)
    {
        if (info.Length > settings.MaxBytes)
        {
            throw new ArticleRejectedException($"the file is {info.Length:N0} bytes, over the limit of {settings.MaxBytes:N0} (Articles:MaxBytes)");
        }

        return File.ReadAllBytes(info.FullName);
    }

    private ArticleProblem Report(ArticleProblem problem)
    {
        if (problem.Rejected)
        {
            IngestLog.Rejected(logger, problem.Path, problem.Message);
        }
        else
        {
            IngestLog.Warning(logger, problem.Path, problem.Message);
        }

        return problem;
    }

    /// <summary>One article file on its way through the pass; each is touched by one thread at a time.</summary>
    private sealed class Candidate(FileInfo info, string relativePath)
    {
        public FileInfo Info { get; } = info;
        public string RelativePath { get; } = relativePath;
        public bool Known { get; set; }
        public bool Unchanged { get; set; }
        public bool Touched { get; set; }
        public ArticleFile? File { get; set; }
        public ArticleDraft? Draft { get; set; }
        public string? Id { get; set; }
        public DateTimeOffset? FirstPublished { get; set; }
        public Model.Article? Article { get; set; }
        public List<(string Message, bool Rejected)> Problems { get; } = [];

        public void Reject(string reason)
        {
            Problems.Add((reason, true));
            Draft = null;
            Article = null;
        }
    }
}
