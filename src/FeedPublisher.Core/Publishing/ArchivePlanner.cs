using FeedPublisher.Core.Building;
using FeedPublisher.Core.Ingesting;
using FeedPublisher.Core.Model;
using FeedPublisher.Core.Storing;
using FeedPublisher.Core.Writing;

namespace FeedPublisher.Core.Publishing;

/// <summary>
/// RFC 5005 archived feeds for the main feed, so a reader can walk its whole history. Articles are
/// paged in the order they entered the store, so a complete page never gains an article and its
/// URL always holds the same entries. Each publish renders only the pages whose fingerprint
/// changed (an article in them edited or removed) or whose files are missing; the rest are kept
/// as they are, which keeps a publish proportional to what changed, not to the archive's size.
/// Pages are planned first from their fingerprints alone (<see cref="PlanAsync"/>), then loaded,
/// rendered and staged a few at a time (<see cref="StageAsync"/>): a first publish of a large
/// archive holds a batch of pages, never the whole archive.
/// </summary>
public sealed class ArchivePlanner(IArticleStore store, FeedBuilder builder, FeedDirectory directory, PublishState state, PublishSettings settings, PublishShape shape)
{
    public const string Folder = "archive";

    /// <summary>
    /// Articles loaded per batch of pages (10 pages of 50): enough pages to keep every core busy
    /// rendering, few enough that two batches' articles and documents stay a few MB.
    /// </summary>
    private const int ArticlesPerBatch = 500;

    internal static readonly IFeedWriter[] Writers = [.. FeedFormats.All.Where(f => f.HasArchive).Select(f => f.Writer)];

    /// <summary>Which pages there are, which must be rendered, and the links the main feed's RSS and Atom get to the newest page; no article is loaded.</summary>
    /// <param name="links">The publish's links: the entries link to the article pages, so a path assigned to one is part of its archive page.</param>
    public async Task<ArchivePlan> PlanAsync(FeedDocument main, ArticleLinks links, CancellationToken cancellationToken)
    {
        if (settings.ArchivePageSize is not { } size)
        {
            return ArchivePlan.None;
        }

        var complete = (await store.GetArchivePagesAsync(size, cancellationToken)).Where(p => p.Complete).ToList();
        // A page's links to its neighbours are part of what it holds: the newest page gains its
        // next-archive link once, when the page after it completes. The byte budget and its rule
        // decide which entries are shortened, so they are part of it too, as is every other setting (the shape's hash).
        var pages = complete.Select((p, i) => p with
        {
            Fingerprint = $"{p.Fingerprint}/{(i > 0 ? complete[i - 1].Number : 0)}/{(i < complete.Count - 1 ? complete[i + 1].Number : 0)}/{settings.MaxBytes}/{FeedRenderer.Revision}/{shape.Hash}{links.Fingerprint()}",
        }).ToList();
        var known = state.ReadArchiveFingerprints();
        var kept = pages.Select(page => known.GetValueOrDefault(page.Number.ToString(System.Globalization.CultureInfo.InvariantCulture)) == page.Fingerprint
            && Writers.All(w => directory.Holds(PathOf(page, w), settings.Gzip))).ToList();
        var newest = pages.Count > 0 ? pages[^1].Number : (int?)null;
        var mainLinks = Writers.Where(_ => newest is not null).ToDictionary(
            w => w.FileName, w => new FeedLink("prev-archive", main.UrlOf($"{Folder}/{newest}/{w.FileName}")));
        return new ArchivePlan(size, pages, kept, mainLinks);
    }

    /// <summary>
    /// Stages every page of the plan, a batch of pages at a time: the pages to render are loaded,
    /// rendered and staged, and let go. The next batch is loaded while one is rendered, so that
    /// no core waits on the store: a publish holds at most two batches' articles. Then the pages'
    /// fingerprints.
    /// </summary>
    /// <returns>What staging did to each file, in page order.</returns>
    public async Task<IReadOnlyList<PublishedFile>> StageAsync(
        ArchivePlan plan, FeedDocument main, ArticleLinks links, FeedStaging staging, BudgetNotes budget, CancellationToken cancellationToken)
    {
        var linked = builder.With(links);
        if (plan.PageSize == 0)
        {
            return [];
        }

        var results = new List<PublishedFile>();
        var pagesPerBatch = Math.Max(1, ArticlesPerBatch / plan.PageSize);
        var batches = Enumerable.Range(0, plan.Pages.Count).Chunk(pagesPerBatch).ToList();
        var next = batches.Count > 0 ? LoadAsync(plan, batches[0], cancellationToken) : null;
        try
        {
            for (var b = 0; b < batches.Count; b++)
            {
                var articles = await next!;
                // The store's calls complete synchronously: on a thread of its own, the load overlaps the rendering.
                var following = b + 1 < batches.Count ? batches[b + 1] : null;
                next = following is null ? null : Task.Run(() => LoadAsync(plan, following, cancellationToken), cancellationToken);
                var files = new List<FileToRender>();
                foreach (var i in batches[b])
                {
                    // Built once for every format (the entries' content with its sources is the bulk of
                    // the work), by whichever rendering thread needs it first.
                    var page = articles.TryGetValue(i, out var pageArticles)
                        ? new Lazy<FeedDocument>(() => PageDocument(linked, plan, i, main, pageArticles))
                        : null;
                    files.AddRange(Writers.Select(writer => page is null
                        ? FileToRender.Keep(PathOf(plan.Pages[i], writer))
                        : PageFile(plan, i, writer, main, page, budget)));
                }

                results.AddRange(RenderedBatch.Stage(staging, files, settings.Gzip));
            }
        }
        catch when (next is not null)
        {
            // A publish that fails lets the load under way finish before it gives the store back.
            await next.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            throw;
        }

        var fingerprints = plan.Pages.ToDictionary(p => p.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), p => p.Fingerprint);
        results.Add(PublishState.StageArchiveFingerprints(staging, fingerprints));
        return results;
    }

    /// <summary>The articles of the batch's pages that are rendered (not kept), by page index.</summary>
    private async Task<Dictionary<int, IReadOnlyList<Article>>> LoadAsync(ArchivePlan plan, int[] batch, CancellationToken cancellationToken)
    {
        var articles = new Dictionary<int, IReadOnlyList<Article>>();
        foreach (var i in batch.Where(i => !plan.Kept[i]))
        {
            articles[i] = await store.GetArchivePageAsync(plan.Pages[i].Number, plan.PageSize, cancellationToken);
        }

        return articles;
    }

    /// <summary>One page's document, its links left to each format (<see cref="PageFile"/>).</summary>
    private static FeedDocument PageDocument(FeedBuilder builder, ArchivePlan plan, int i, FeedDocument main, IReadOnlyList<Article> articles) =>
        builder.Build(main.Folder, $"{main.Title} (archive {plan.Pages[i].Number})", main.Description, articles) with
        {
            Id = main.Id,
            Folder = $"{Folder}/{plan.Pages[i].Number}",
            IsArchive = true,
        };

    /// <summary>One page in one format, rendered when staged.</summary>
    private FileToRender PageFile(ArchivePlan plan, int i, IFeedWriter writer, FeedDocument main, Lazy<FeedDocument> page, BudgetNotes budget)
    {
        var pages = plan.Pages;
        var links = new List<FeedLink> { new("current", main.UrlOf(writer.FileName)) };
        if (i > 0)
        {
            links.Add(new FeedLink("prev-archive", main.UrlOf($"{Folder}/{pages[i - 1].Number}/{writer.FileName}")));
        }

        if (i < pages.Count - 1)
        {
            links.Add(new FeedLink("next-archive", main.UrlOf($"{Folder}/{pages[i + 1].Number}/{writer.FileName}")));
        }

        return new FileToRender(PathOf(pages[i], writer), () =>
        {
            var document = page.Value with { Links = links };
            // A complete page keeps its entries whatever their size: too large ones are shortened, none is dropped.
            var rendered = FeedRenderer.Render(writer, document, settings.MaxBytes, keepEveryEntry: true);
            budget.Add(document.Folder, writer.FileName, rendered, settings.MaxBytes);
            return rendered.Bytes;
        });
    }

    private static string PathOf(ArchivePage page, IFeedWriter writer) => $"{Folder}/{page.Number}/{writer.FileName}";
}
