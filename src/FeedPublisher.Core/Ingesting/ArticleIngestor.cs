using System.Security.Cryptography;
using FeedPublisher.Core.Extraction;
using FeedPublisher.Core.Reading;
using FeedPublisher.Core.Storing;
using Microsoft.Extensions.Logging;

namespace FeedPublisher.Core.Ingesting;

/// <summary>
/// One pass over the articles folder into the store. Unchanged files cost a stat (length and
/// mtime), touched ones a hash; only new or edited files are read and extracted. A file that
/// fails is reported and skipped; the rest of the pass goes on. All changes land in one
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

    public async Task<IngestReport> IngestAsync(CancellationToken cancellationToken, IProgress<IngestProgress>? progress = null)
    {
        var root = Path.GetFullPath(settings.ArticlesDirectory);
        var known = await store.GetKnownFilesAsync(cancellationToken);
        var files = ArticleFiles(root).Select(info => (Info: info, RelativePath: Path.GetRelativePath(root, info.FullName).Replace('\\', '/'))).ToList();
        var claims = new IdentityClaims(known.Values, files.Select(f => f.RelativePath));
        var saved = new List<StoredArticle>();
        var touched = new List<ArticleFile>();
        var problems = new List<ArticleProblem>();
        int added = 0, updated = 0, unchanged = 0;

        foreach (var (index, (info, relativePath)) in files.Index())
        {
            cancellationToken.ThrowIfCancellationRequested();
            progress?.Report(new IngestProgress(index, files.Count));
            var shownPath = Path.Combine(settings.ArticlesDirectory, relativePath);
            var previous = known.GetValueOrDefault(relativePath);
            var lastWrite = new DateTimeOffset(info.LastWriteTimeUtc, TimeSpan.Zero);
            if (previous is not null && previous.File.Length == info.Length && previous.File.LastWriteTime == lastWrite)
            {
                unchanged++;
                continue;
            }

            try
            {
                var bytes = ReadBounded(info);
                var file = new ArticleFile(relativePath, info.Length, lastWrite, Convert.ToHexStringLower(SHA256.HashData(bytes)));
                if (previous is not null && previous.File.ContentHash == file.ContentHash)
                {
                    touched.Add(file);
                    unchanged++;
                    continue;
                }

                var reader = _readers[info.Extension];
                var decoded = ArticleTextDecoder.Decode(bytes, sniffHtmlCharset: reader is HtmlArticleReader);
                if (decoded.Warning is not null)
                {
                    problems.Add(Report(new ArticleProblem(shownPath, decoded.Warning, Rejected: false)));
                }

                var draft = reader.Read(new ArticleSource(relativePath, decoded.Text));
                var id = ArticleIdentity.Resolve(draft.Metadata, relativePath);
                claims.Claim(id, relativePath);
                var article = extractor.Extract(draft, id, lastWrite, claims.FirstPublished(id));
                saved.Add(new StoredArticle(article, file));
                _ = previous is null ? added++ : updated++;
            }
            catch (Exception e) when (e is ArticleRejectedException or IOException or UnauthorizedAccessException)
            {
                problems.Add(Report(new ArticleProblem(shownPath, e.Message, Rejected: true)));
            }
            catch (Exception e) when (e is not (OperationCanceledException or OutOfMemoryException))
            {
                // A bug of ours on one odd file must not stop the other files from publishing.
                problems.Add(Report(new ArticleProblem(shownPath, $"could not be read ({e.GetType().Name}: {e.Message})", Rejected: true)));
            }
        }

        progress?.Report(new IngestProgress(files.Count, files.Count));
        var seen = files.Select(f => f.RelativePath).ToHashSet(StringComparer.Ordinal);
        var removed = known.Keys.Where(path => !seen.Contains(path)).Order(StringComparer.Ordinal).ToList();
        var changes = new StoreChanges(saved, touched, removed);
        if (!changes.IsEmpty)
        {
            await store.ApplyAsync(changes, cancellationToken);
        }

        return new IngestReport(files.Count, added, updated, unchanged, removed.Count, problems);
    }

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
}
