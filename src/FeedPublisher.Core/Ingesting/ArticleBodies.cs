using FeedPublisher.Core.Extraction;
using FeedPublisher.Core.Model;
using FeedPublisher.Core.Reading;
using FeedPublisher.Core.Storing;
using Microsoft.Extensions.Logging;

namespace FeedPublisher.Core.Ingesting;

/// <summary>
/// Completes the articles a feed is about to show: bodies still pending since ingest are read from
/// their files and rendered (on every core), and kept in the store so that no body is rendered
/// twice. An article whose body turns out unusable (no text, a Markdown that cannot be read, a file
/// gone) leaves the store and is reported like a file rejected at ingest, and the feed asks again,
/// so it still gets its count of articles.
/// </summary>
public sealed class ArticleBodies(IArticleStore store, ArticleFileReader files, ArticleExtractor extractor, IngestSettings settings, ILogger<ArticleBodies> logger)
{
    private const int MaxRounds = 100;

    /// <param name="query">The store query whose articles are wanted, run again after a rejection.</param>
    /// <param name="problems">Collects the articles rejected (and file warnings) on the way.</param>
    public async Task<IReadOnlyList<Article>> CompleteAsync(
        Func<CancellationToken, Task<IReadOnlyList<Article>>> query, ICollection<ArticleProblem> problems, CancellationToken cancellationToken)
    {
        // Each round removes the articles it rejects, so the next round sees others; the bound only
        // guards against a store that would not remove them.
        for (var round = 0; round < MaxRounds; round++)
        {
            var articles = await query(cancellationToken);
            if (!articles.Any(a => a.Pending is not null))
            {
                return articles;
            }

            var results = new Result?[articles.Count];
            Parallel.For(0, articles.Count, new ParallelOptions { CancellationToken = cancellationToken }, i => results[i] = Render(articles[i]));
            var rendered = results.OfType<Result>().ToList();
            await store.SaveBodiesAsync(rendered.Where(r => r.Article is not null)
                .Select(r => new RenderedBody(r.Article!.Id, r.Source.ContentHash, r.Article.Summary, r.Article.ContentHtml, r.Article.Sources)).ToList(), cancellationToken);
            lock (problems)
            {
                foreach (var problem in rendered.SelectMany(r => r.Problems))
                {
                    problems.Add(IngestLog.Report(logger, problem));
                }
            }

            var rejected = rendered.Where(r => r.Article is null).Select(r => r.Source.SourcePath).ToList();
            if (rejected.Count == 0)
            {
                return results.Select((r, i) => r?.Article ?? articles[i]).ToList();
            }

            await store.ApplyAsync(new StoreChanges([], [], rejected), cancellationToken);
        }

        throw new InvalidOperationException($"articles whose bodies cannot be rendered are still in the store after {MaxRounds} attempts to remove them");
    }

    /// <summary>Null for an article that was complete already.</summary>
    private Result? Render(Article article)
    {
        if (article.Pending is not { } pending)
        {
            return null;
        }

        var result = new Result(pending);
        var path = Path.Combine(settings.ArticlesDirectory, pending.SourcePath);
        try
        {
            var bytes = files.ReadBytes(files.Locate(pending.SourcePath));
            var (reader, source) = files.Decode(pending.SourcePath, bytes, out var warning);
            if (warning is not null)
            {
                result.Problems.Add(new ArticleProblem(path, warning, Rejected: false));
            }

            result.Article = extractor.WithBody(article, reader.Read(source));
        }
        catch (Exception e) when (e is not (OperationCanceledException or OutOfMemoryException))
        {
            result.Problems.Add(new ArticleProblem(path, e is FileNotFoundException or DirectoryNotFoundException ? "the file is gone" : ArticleIngestor.Describe(e), Rejected: true));
        }

        return result;
    }

    private sealed class Result(PendingBody source)
    {
        public PendingBody Source { get; } = source;
        public Article? Article { get; set; }
        public List<ArticleProblem> Problems { get; } = [];
    }
}
