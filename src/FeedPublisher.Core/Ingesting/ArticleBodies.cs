using FeedPublisher.Core.Extraction;
using FeedPublisher.Core.Model;
using FeedPublisher.Core.Storing;
using Microsoft.Extensions.Logging;

namespace FeedPublisher.Core.Ingesting;

/// <summary>
/// Completes the articles feeds are about to show: bodies still pending since ingest, or derived
/// with other extraction settings than today's (the store hands those back pending too, see
/// <see cref="Article.DerivedWith"/>), are read from their files and rendered (on every core), and
/// kept in the store so that no body is rendered twice. An article whose body turns out unusable (no text, a Markdown that cannot be read, a file
/// gone) leaves the store and is reported like a file rejected at ingest, and the feeds ask again,
/// so each still gets its count of articles.
/// </summary>
public sealed class ArticleBodies(IArticleStore store, ArticleFileReader files, ArticleExtractor extractor, IngestSettings settings, ILogger<ArticleBodies> logger)
{
    private const int MaxRounds = 100;

    /// <param name="query">The store query whose articles are wanted, run again after a rejection.</param>
    /// <param name="problems">Collects the articles rejected (and file warnings) on the way.</param>
    public async Task<IReadOnlyList<Article>> CompleteAsync(
        Func<CancellationToken, Task<IReadOnlyList<Article>>> query, ICollection<ArticleProblem> problems, CancellationToken cancellationToken) =>
        (await CompleteAsync([query], problems, cancellationToken))[0];

    /// <summary>
    /// The articles of several queries (one per feed), their pending bodies rendered together: an
    /// article in several feeds is rendered once, and both cores stay busy across feeds instead of
    /// waiting at the end of each feed's few articles.
    /// </summary>
    /// <returns>Per query, its articles in its order.</returns>
    public async Task<IReadOnlyList<IReadOnlyList<Article>>> CompleteAsync(
        IReadOnlyList<Func<CancellationToken, Task<IReadOnlyList<Article>>>> queries, ICollection<ArticleProblem> problems, CancellationToken cancellationToken)
    {
        // Each round removes the articles it rejects, so the next round sees others; the bound only
        // guards against a store that would not remove them.
        for (var round = 0; round < MaxRounds; round++)
        {
            var lists = new List<IReadOnlyList<Article>>(queries.Count);
            foreach (var query in queries)
            {
                lists.Add(await query(cancellationToken));
            }

            var pending = lists.SelectMany(list => list).Where(a => a.Pending is not null).DistinctBy(a => a.Id, StringComparer.Ordinal).ToList();
            if (pending.Count == 0)
            {
                return lists;
            }

            var rendered = new Result[pending.Count];
            Parallel.For(0, pending.Count, new ParallelOptions { CancellationToken = cancellationToken }, i => rendered[i] = Render(pending[i]));
            await store.SaveBodiesAsync(rendered.Where(r => r.Article is not null)
                .Select(r => RenderedBody.Of(r.Article!, r.Source.ContentHash)).ToList(), cancellationToken);
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
                var byId = rendered.ToDictionary(r => r.Article!.Id, r => r.Article!, StringComparer.Ordinal);
                return lists.Select(list => (IReadOnlyList<Article>)list.Select(a => byId.GetValueOrDefault(a.Id) ?? a).ToList()).ToList();
            }

            await store.ApplyAsync(new StoreChanges([], [], rejected), cancellationToken);
        }

        throw new InvalidOperationException($"articles whose bodies cannot be rendered are still in the store after {MaxRounds} attempts to remove them");
    }

    private Result Render(Article article)
    {
        var pending = article.Pending!;
        var result = new Result(pending);
        var path = Path.Combine(settings.ArticlesDirectory, pending.SourcePath);
        try
        {
            var bytes = files.ReadArticleBytes(files.Locate(pending.SourcePath).FullName);
            var (reader, source) = files.Decode(pending.SourcePath, bytes, out var warning);
            if (warning is not null)
            {
                result.Problems.Add(new ArticleProblem(path, warning, Rejected: false));
            }

            // The header too: an article stored with other extraction settings (a shorter summary,
            // another base URL) comes back pending, and nothing it holds from them may stay.
            var draft = reader.Read(source);
            result.Article = extractor.WithBody(extractor.Rederive(article, draft.Metadata), draft);
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
