using FeedPublisher.Core.Building;
using FeedPublisher.Core.Ingesting;
using FeedPublisher.Core.Storing;
using FeedPublisher.Core.Writing;
using Microsoft.Extensions.Logging;

namespace FeedPublisher.Core.Publishing;

/// <summary>
/// One publish: ingest what changed, ask the store for what the feeds show, render every format,
/// and put the files in place. The CLI, the scheduled job and the file watcher all call this, and
/// never two publishes run at once in a process.
/// </summary>
public sealed class FeedPublishingService(
    ArticleIngestor ingestor,
    IArticleStore store,
    FeedBuilder builder,
    IEnumerable<IFeedWriter> writers,
    FeedDirectory directory,
    PublishSettings settings,
    TimeProvider time,
    ILogger<FeedPublishingService> logger) : IDisposable
{
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);
    private readonly IReadOnlyList<IFeedWriter> _writers = writers.ToList();

    public async Task<PublishReport> PublishAsync(CancellationToken cancellationToken)
    {
        await _oneAtATime.WaitAsync(cancellationToken);
        try
        {
            var started = time.GetTimestamp();
            var ingest = await ingestor.IngestAsync(cancellationToken);
            var latest = await store.GetLatestAsync(settings.MaxItems, cancellationToken);
            var feed = builder.BuildMain(latest);
            var files = _writers
                .Select(writer => (writer.FileName, Bytes: writer.Render(feed)))
                .Select(f => new PublishedFile(f.FileName, f.Bytes.Length, directory.WriteIfChanged(f.FileName, f.Bytes)))
                .ToList();

            var report = new PublishReport(ingest, await store.CountAsync(cancellationToken), feed.Entries.Count, files, time.GetElapsedTime(started));
            PublishLog.Published(logger, (long)report.Elapsed.TotalMilliseconds, ingest.Files, ingest.Added, ingest.Updated,
                ingest.Removed, ingest.Rejected, report.ArticlesInStore, report.FeedItems, report.Written, files.Count);
            return report;
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    public void Dispose() => _oneAtATime.Dispose();
}
