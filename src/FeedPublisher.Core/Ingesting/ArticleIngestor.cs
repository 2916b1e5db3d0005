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
/// that fails is reported and skipped; the rest of the pass goes on. Changes are stored a chunk
/// at a time (each chunk one transaction); a pass cut short is completed by the next one.
/// </summary>
public sealed class ArticleIngestor(
    IArticleStore store,
    IEnumerable<IArticleReader> readers,
    ArticleExtractor extractor,
    IngestSettings settings,
    ILogger<ArticleIngestor> logger)
{
    /// <summary>Files per chunk: enough to keep both cores busy, few enough to bound memory.</summary>
    private const int ChunkSize = 2000;

    private readonly Dictionary<string, IArticleReader> _readers = readers
        .SelectMany(r => r.Extensions.Select(e => KeyValuePair.Create(e, r)))
        .ToDictionary(StringComparer.OrdinalIgnoreCase);

    public async Task<IngestReport> IngestAsync(CancellationToken cancellationToken, IProgress<IngestProgress>? progress = null, StageTimings? timings = null)
    {
        timings ??= new StageTimings();
        var root = Path.GetFullPath(settings.ArticlesDirectory);
        var known = await timings.TimeAsync(StageTimings.Store, () => store.GetKnownFilesAsync(cancellationToken));
        var files = timings.Time(StageTimings.Read, () => ArticleFiles(root).Select(info => new Candidate(info, Path.GetRelativePath(root, info.FullName).Replace('\\', '/'))).ToList());

        // Files go through in chunks: read and parse in parallel, settle identities in path order,
        // extract in parallel, store; memory holds one chunk of articles, never the whole archive.
        var claims = new IdentityClaims(known.Values, files.Select(f => f.RelativePath));
        var problems = new List<ArticleProblem>();
        var done = 0;
        foreach (var chunk in files.Chunk(ChunkSize))
        {
            timings.Time(StageTimings.Read, () => Parallel.ForEach(chunk, new ParallelOptions { CancellationToken = cancellationToken }, file =>
            {
                Read(file, known.GetValueOrDefault(file.RelativePath));
                progress?.Report(new IngestProgress(Interlocked.Increment(ref done), files.Count));
            }));

            foreach (var file in chunk.Where(f => f.Draft is not null))
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

            timings.Time(StageTimings.Extract, () => Parallel.ForEach(chunk.Where(f => f.Draft is not null), new ParallelOptions { CancellationToken = cancellationToken }, Extract));
            problems.AddRange(chunk.SelectMany(f => f.Problems.Select(p => Report(new ArticleProblem(Path.Combine(settings.ArticlesDirectory, f.RelativePath), p.Message, p.Rejected)))));
            var changes = new StoreChanges(
                chunk.Where(f => f.Article is not null).Select(f => new StoredArticle(f.Article!, f.File!)).ToList(),
                chunk.Where(f => f.Touched).Select(f => f.File!).ToList(),
                []);
            await ApplyAsync(changes, timings, cancellationToken);
            foreach (var file in chunk)
            {
                file.Release();
            }
        }

        var seen = files.Select(f => f.RelativePath).ToHashSet(StringComparer.Ordinal);
        var removed = known.Keys.Where(path => !seen.Contains(path)).Order(StringComparer.Ordinal).ToList();
        await ApplyAsync(new StoreChanges([], [], removed), timings, cancellationToken);

        return new IngestReport(files.Count, files.Count(f => f.Saved && !f.Known), files.Count(f => f.Saved && f.Known),
            files.Count(f => f.Unchanged || f.Touched), removed.Count, problems);
    }

    private async Task ApplyAsync(StoreChanges changes, StageTimings timings, CancellationToken cancellationToken)
    {
        if (!changes.IsEmpty)
        {
            await timings.TimeAsync(StageTimings.Store, async () =>
            {
                await store.ApplyAsync(changes, cancellationToken);
                return 0;
            });
        }
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

        /// <summary>Whether the article went to the store; true after <see cref="Release"/> too.</summary>
        public bool Saved { get; private set; }

        /// <summary>Drops the parsed article once stored, so only one chunk is ever in memory.</summary>
        public void Release()
        {
            Saved = Article is not null;
            Draft = null;
            Article = null;
        }

        public void Reject(string reason)
        {
            Problems.Add((reason, true));
            Draft = null;
            Article = null;
        }
    }
}
