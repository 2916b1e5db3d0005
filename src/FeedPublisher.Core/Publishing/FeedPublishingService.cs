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
        var key = await timings.TimeAsync(StageTimings.Store, () => PublishKey.ReadAsync(store, shape.Hash, cancellationToken));
        if (state.ReadKey() == key && directory.IsIntact())
        {
            // Same articles, same settings as the files on disk: they would come out byte for byte the same.
            var unchanged = new PublishReport(ingest, await store.CountAsync(cancellationToken), 0, 0, directory.Current(), time.GetElapsedTime(started)) { Stages = timings.Totals };
            PublishLog.NothingChanged(logger, (long)unchanged.Elapsed.TotalMilliseconds, ingest.Files, unchanged.ArticlesInStore);
            return unchanged;
        }

        var previous = state.ReadFeedFingerprints(shape.Hash);
        var fingerprints = new FeedFingerprints(shape.Hash, []);
        var feeds = await timings.TimeAsync(StageTimings.Build, () => BuildAsync(previous, fingerprints, cancellationToken));

        var budget = new BudgetNotes();
        var (feedItems, feedCount) = (feeds[0].Feed.Entries.Count, feeds.Count);
        var published = await timings.TimeAsync(StageTimings.Write, () => WriteAsync(feeds, fingerprints, key, budget, cancellationToken));
        budget.Log(logger, settings.MaxBytes);

        if (settings.WebSubHub is { } hub)
        {
            var changed = published.Where(f => f.Outcome == FileOutcome.Written && IsFeedFile(f.RelativePath))
                .Select(f => new Uri(site.Root, f.RelativePath)).ToList();
            await webSub.NotifyAsync(hub, changed, cancellationToken);
        }

        var report = new PublishReport(ingest, await store.CountAsync(cancellationToken), feedItems, feedCount, published, time.GetElapsedTime(started))
        {
            Stages = timings.Totals,
        };
        PublishLog.Published(logger, (long)report.Elapsed.TotalMilliseconds, ingest.Files, ingest.Added, ingest.Updated,
            ingest.Removed, ingest.Rejected, report.ArticlesInStore, report.Feeds, report.Written, published.Count, timings);
        return report;
    }

    public void Dispose() => _oneAtATime.Dispose();

    /// <summary>
    /// Every feed's document: in full when its articles changed (or for the main feed, which the
    /// index page shows), else a document without entries whose files stay as they are.
    /// </summary>
    private async Task<List<PublishedFeed>> BuildAsync(FeedFingerprints previous, FeedFingerprints fingerprints, CancellationToken cancellationToken)
    {
        var specs = await planner.PlanAsync(cancellationToken);
        var feeds = new PublishedFeed?[specs.Count];
        var versionLists = await store.GetLatestVersionsAsync([.. specs.Select(spec => (spec.Query, spec.MaxItems))], cancellationToken);
        for (var i = 0; i < specs.Count; i++)
        {
            var (spec, versions) = (specs[i], versionLists[i]);
            var fingerprint = FeedFingerprints.Of(spec, versions);
            fingerprints.Feeds[spec.Folder] = fingerprint;
            if (spec.Group != FeedGroup.Main && previous.Feeds.GetValueOrDefault(spec.Folder) == fingerprint
                && _writers.All(w => directory.Holds(FilePath(spec.Folder, w.FileName), settings.Gzip)))
            {
                feeds[i] = Outline(spec, versions);
            }
        }

        for (var i = 0; i < specs.Count; i++)
        {
            if (feeds[i] is null)
            {
                var spec = specs[i];
                var articles = await store.GetLatestAsync(spec.Query, spec.MaxItems, cancellationToken);
                feeds[i] = new PublishedFeed(spec.Group, builder.Build(spec.Folder, spec.Title, spec.Description, articles, spec.FullContent));
            }
        }

        return [.. feeds.Select(feed => feed!)];
    }

    /// <summary>A feed whose files stay: its document without entries, updated as the full build would say.</summary>
    private PublishedFeed Outline(FeedSpec spec, IReadOnlyList<ArticleVersion> versions)
    {
        var updated = versions.Count == 0 ? DateTimeOffset.UnixEpoch : versions.Max(v => v.Updated);
        var outline = builder.Build(spec.Folder, spec.Title, spec.Description, [], spec.FullContent) with { Updated = updated };
        return new PublishedFeed(spec.Group, outline, versions.Count, Kept: true);
    }

    private static string FilePath(string folder, string fileName) => folder.Length == 0 ? fileName : $"{folder}/{fileName}";

    /// <summary>
    /// The write stage: every file of the new set is rendered and staged in bounded batches (the
    /// feeds, then the archive a few pages at a time, then the OPML, index page and publish
    /// records), then the feed directory moves them all into place at once. The feeds are
    /// emptied once their files are staged, so that their documents are let go.
    /// </summary>
    private async Task<IReadOnlyList<PublishedFile>> WriteAsync(
        List<PublishedFeed> feeds, FeedFingerprints fingerprints, PublishKey key, BudgetNotes budget, CancellationToken cancellationToken)
    {
        // The archive pages need the main feed's title and links, not its entries.
        var main = feeds[0].Feed with { Entries = [] };
        var plan = await archive.PlanAsync(main, cancellationToken);
        // Rendered now, staged last (moved into place after the feeds they list): then the feeds'
        // documents can go once their files are staged, before the archive is loaded.
        FeedFile[] listings =
        [
            new(OpmlWriter.FileName, OpmlWriter.Render(site, feeds), settings.Gzip),
            new(IndexPageWriter.FileName, IndexPageWriter.Render(site, feeds), settings.Gzip),
        ];
        var published = new List<PublishedFile>();
        await directory.PublishAsync(async staging =>
        {
            published.AddRange(RenderedBatch.Stage(staging,
                [.. feeds.SelectMany(feed => FeedFiles(feed, feed.Group == FeedGroup.Main ? plan.MainFeedLinks : null, budget))], settings.Gzip));
            feeds.Clear();
            published.AddRange(await archive.StageAsync(plan, main, staging, budget, cancellationToken));
            published.AddRange(staging.Stage(listings));
            // The records of what was published come last, after every file they describe.
            published.Add(PublishState.StageFeedFingerprints(staging, fingerprints));
            published.Add(PublishState.StageKey(staging, key));
        });
        return published;
    }

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
