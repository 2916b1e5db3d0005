using FeedPublisher.Core.Building;
using FeedPublisher.Core.Diagnostics;
using FeedPublisher.Core.Ingesting;
using FeedPublisher.Core.Model;
using FeedPublisher.Core.Storing;
using FeedPublisher.Core.Writing;
using Microsoft.Extensions.Logging;

namespace FeedPublisher.Core.Publishing;

/// <summary>
/// One publish: ingest what changed, plan the feeds, ask the store for exactly what each shows,
/// render every format (and the OPML and index page), and put the files in place together. The
/// CLI, the scheduled job and the file watcher all call this, never two at once in a process, and
/// never two at once on one feed directory across processes.
/// </summary>
public sealed class FeedPublishingService(
    ArticleIngestor ingestor,
    IArticleStore store,
    FeedPlanner planner,
    ArchivePlanner archive,
    ArticlePages articlePages,
    FeedBuilder builder,
    IEnumerable<IFeedWriter> writers,
    FeedDirectory directory,
    PublishState state,
    PublishSettings settings,
    SiteInfo site,
    PublishShape shape,
    WebSubNotifier webSub,
    PublishStatus status,
    TimeProvider time,
    ILogger<FeedPublishingService> logger) : IDisposable
{
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);
    /// <summary>
    /// Feeds built, rendered and staged together: enough files (three formats each) to keep every
    /// core busy, few enough that their documents stay a few MB.
    /// </summary>
    private const int FeedsPerBatch = 4;

    private readonly List<IFeedWriter> _writers = writers.ToList();

    /// <param name="progress">Told how far the ingest is, for a progress display on a terminal.</param>
    public async Task<PublishReport> PublishAsync(CancellationToken cancellationToken, IProgress<IngestProgress>? progress = null)
    {
        await _oneAtATime.WaitAsync(cancellationToken);
        try
        {
            using var exclusive = await new DirectoryLock(directory.Root, settings.LockWait, logger).AcquireAsync(cancellationToken);
            var report = await PublishOnceAsync(cancellationToken, progress);
            status.Succeeded(time.GetUtcNow(), report);
            return report;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            status.Failed(time.GetUtcNow(), e);
            throw;
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    private async Task<PublishReport> PublishOnceAsync(CancellationToken cancellationToken, IProgress<IngestProgress>? progress)
    {
        var started = time.GetTimestamp();
        var timings = new StageTimings();
        // A publish killed on the way (in this process or on another node) is finished first: the
        // shortcut below compares with what is on disk, which must be one whole publish. Before
        // the ingest, so that its staged files hold no disk space for the length of one.
        directory.Recover();
        var ingest = await ingestor.IngestAsync(cancellationToken, progress, timings);
        // The rest of the publish would otherwise run inline in the ingest's completion, on its
        // stack, which keeps the ingest's state (the folder walk, the identity index: ~30 MB at
        // 100,000 files) reachable until the publish ends. Yielding unwinds it.
        await Task.Yield();
        var key = await timings.TimeAsync(StageTimings.Store, () => PublishKey.ReadAsync(store, shape.Hash, cancellationToken));
        if (state.ReadKey() == key && directory.IsIntact())
        {
            // Same articles, same settings as the files on disk: they would come out byte for byte the same.
            var unchanged = new PublishReport(ingest, await store.CountAsync(cancellationToken), 0, 0, directory.Current(), time.GetElapsedTime(started)) { Stages = timings.Totals };
            PublishLog.NothingChanged(logger, (long)unchanged.Elapsed.TotalMilliseconds, ingest.Files, unchanged.ArticlesInStore);
            return unchanged;
        }

        var budget = new BudgetNotes();
        var written = await timings.TimeAsync(StageTimings.Write, () => WriteAsync(key, budget, timings, cancellationToken));
        var published = written.Files;
        budget.Log(logger, settings.MaxBytes);

        if (settings.WebSubHub is { } hub)
        {
            var changed = published.Where(f => f.Outcome == FileOutcome.Written && IsFeedFile(f.RelativePath))
                .Select(f => new Uri(site.Root, f.RelativePath)).ToList();
            await webSub.NotifyAsync(hub, changed, cancellationToken);
        }

        var report = new PublishReport(ingest, await store.CountAsync(cancellationToken), written.FeedItems, written.Feeds, published, time.GetElapsedTime(started))
        {
            Stages = timings.Totals,
            Pages = written.Pages,
        };
        PublishLog.Published(logger, (long)report.Elapsed.TotalMilliseconds, ingest.Files, ingest.Added, ingest.Updated,
            ingest.Removed, ingest.Rejected, report.ArticlesInStore, report.Feeds, report.Written, published.Count, timings);
        return report;
    }

    public void Dispose() => _oneAtATime.Dispose();

    /// <summary>
    /// Every feed of the publish, without loading what its files show: a feed whose articles are
    /// as they were is outlined (its files stay); the main feed is built in full, since the index
    /// page lists its entries and the archive plan needs it; every other feed is built when its
    /// batch is written (<see cref="WriteAsync"/>).
    /// </summary>
    private async Task<List<PlannedFeed>> PlanFeedsAsync(FeedFingerprints previous, FeedFingerprints fingerprints, FeedBuilder builder, CancellationToken cancellationToken)
    {
        var specs = await planner.PlanAsync(cancellationToken);
        var feeds = new List<PlannedFeed>(specs.Count);
        var versionLists = await store.GetLatestVersionsAsync([.. specs.Select(spec => (spec.Query, spec.MaxItems))], cancellationToken);
        for (var i = 0; i < specs.Count; i++)
        {
            var (spec, versions) = (specs[i], versionLists[i]);
            var fingerprint = FeedFingerprints.Of(spec, versions);
            fingerprints.Feeds[spec.Folder] = fingerprint;
            var kept = spec.Group != FeedGroup.Main && previous.Feeds.GetValueOrDefault(spec.Folder) == fingerprint
                && _writers.All(w => directory.Holds(FilePath(spec.Folder, w.FileName), settings.Gzip));
            feeds.Add(new PlannedFeed(spec, kept ? Outline(spec, versions, builder) : spec.Group == FeedGroup.Main ? await BuildAsync(spec, builder, cancellationToken) : null));
        }

        return feeds;
    }

    private async Task<PublishedFeed> BuildAsync(FeedSpec spec, FeedBuilder builder, CancellationToken cancellationToken)
    {
        var articles = await store.GetLatestAsync(spec.Query, spec.MaxItems, cancellationToken);
        return new PublishedFeed(spec.Group, builder.Build(spec.Folder, spec.Title, spec.Description, articles, spec.FullContent));
    }

    /// <summary>A feed whose files stay: its document without entries, updated as the full build would say.</summary>
    private static PublishedFeed Outline(FeedSpec spec, IReadOnlyList<ArticleVersion> versions, FeedBuilder builder)
    {
        var updated = versions.Count == 0 ? DateTimeOffset.UnixEpoch : versions.Max(v => v.Updated);
        var outline = builder.Build(spec.Folder, spec.Title, spec.Description, [], spec.FullContent) with { Updated = updated };
        return new PublishedFeed(spec.Group, outline, versions.Count, Kept: true);
    }

    private static string FilePath(string folder, string fileName) => folder.Length == 0 ? fileName : $"{folder}/{fileName}";

    /// <summary>
    /// The write stage: every file of the new set is rendered and staged in bounded batches (the
    /// article pages first, a chunk at a time, which settles the links the feeds carry; then the
    /// feeds a few at a time, built just before and outlined once their files are staged; then
    /// the archive a few pages at a time; then the OPML, index page and publish records), then the
    /// feed directory moves them all into place at once. A publish holds the documents of one
    /// batch, not of every feed: a cold publish of 10,000 articles held 71 feeds' 3,550 entries.
    /// </summary>
    private async Task<WrittenSet> WriteAsync(PublishKey key, BudgetNotes budget, StageTimings timings, CancellationToken cancellationToken)
    {
        var published = new List<PublishedFile>();
        var (feedItems, feedCount) = (0, 0);
        ArticlePagesReport? pages = null;
        await directory.PublishAsync(async staging =>
        {
            pages = await timings.TimeWithinAsync(StageTimings.Write, StageTimings.Pages, () => articlePages.StageAsync(staging, key, cancellationToken));
            // The feeds' files hold the pages' links: a path assigned to tell two pages apart is part of what they show.
            var linked = builder.With(pages.Links);
            var output = shape.Hash + pages.Links.Fingerprint();
            var fingerprints = new FeedFingerprints(output, []);
            var feeds = await timings.TimeWithinAsync(StageTimings.Write, StageTimings.Build,
                () => PlanFeedsAsync(state.ReadFeedFingerprints(output), fingerprints, linked, cancellationToken));
            (feedItems, feedCount) = (feeds[0].Ready!.Feed.Entries.Count, feeds.Count);
            // The archive pages need the main feed's title and links, not its entries.
            var main = feeds[0].Ready!.Feed with { Entries = [] };
            var plan = await archive.PlanAsync(main, pages.Links, cancellationToken);
            for (var first = 0; first < feeds.Count; first += FeedsPerBatch)
            {
                var batch = Enumerable.Range(first, Math.Min(FeedsPerBatch, feeds.Count - first)).ToList();
                foreach (var i in batch.Where(i => feeds[i].Ready is null))
                {
                    feeds[i] = feeds[i] with { Ready = await timings.TimeWithinAsync(StageTimings.Write, StageTimings.Build, () => BuildAsync(feeds[i].Spec, linked, cancellationToken)) };
                }

                published.AddRange(RenderedBatch.Stage(staging,
                    [.. batch.SelectMany(i => FeedFiles(feeds[i].Ready!, feeds[i].Spec.Group == FeedGroup.Main ? plan.MainFeedLinks : null, budget))], settings.Gzip));
                // Listed later, by title and item count: their entries can go (the main feed's once the index page has them).
                foreach (var i in batch.Where(i => i > 0))
                {
                    feeds[i] = feeds[i].Outlined();
                }
            }

            var listed = feeds.Select(f => f.Ready!).ToList();
            // Rendered now, staged last (moved into place after the feeds and pages they list).
            FeedFile[] listings =
            [
                new(OpmlWriter.FileName, OpmlWriter.Render(site, listed), settings.Gzip),
                new(IndexPageWriter.FileName, IndexPageWriter.Render(site, listed), settings.Gzip),
            ];
            feeds.Clear();
            listed.Clear();
            published.AddRange(await archive.StageAsync(plan, main, pages.Links, staging, budget, cancellationToken));
            published.AddRange(staging.Stage(listings));
            // The records of what was published come last, after every file they describe.
            published.Add(PublishState.StageFeedFingerprints(staging, fingerprints));
            published.Add(PublishState.StageKey(staging, key));
        });
        articlePages.Published();
        return new WrittenSet(published, feedItems, feedCount, pages!);
    }

    /// <summary>What the write stage put in place: every listed file, the main feed's items, the feeds, the article pages.</summary>
    private sealed record WrittenSet(IReadOnlyList<PublishedFile> Files, int FeedItems, int Feeds, ArticlePagesReport Pages);

    /// <summary>The feed's files in every format, rendered when they are staged.</summary>
    /// <param name="links">Per file name, a link that only that format carries (the main feed's prev-archive).</param>
    private IEnumerable<FileToRender> FeedFiles(PublishedFeed feed, IReadOnlyDictionary<string, FeedLink>? links, BudgetNotes budget)
    {
        foreach (var writer in _writers)
        {
            var path = FilePath(feed.Feed.Folder, writer.FileName);
            if (feed.Kept)
            {
                yield return FileToRender.Keep(path);
                continue;
            }

            var document = links?.GetValueOrDefault(writer.FileName) is { } link ? feed.Feed with { Links = [link] } : feed.Feed;
            yield return new FileToRender(path, () =>
            {
                var rendered = FeedRenderer.Render(writer, document, settings.MaxBytes);
                budget.Add(document.Folder, writer.FileName, rendered, settings.MaxBytes);
                if (rendered.Dropped > 0)
                {
                    PublishLog.Trimmed(logger, path, rendered.Dropped, settings.MaxBytes);
                }

                return rendered.Bytes;
            });
        }
    }

    private bool IsFeedFile(string path) => _writers.Any(w => path.EndsWith(w.FileName, StringComparison.Ordinal));
}
