using FeedPublisher.Core.Ingesting;
using FeedPublisher.Core.Publishing;
using Microsoft.Extensions.Logging;
using Quartz;

namespace FeedPublisher.Scheduling;

/// <summary>
/// The scheduled publish. Quartz never runs two at once; a failure is logged and the next
/// trigger tries again.
/// </summary>
[DisallowConcurrentExecution]
public sealed partial class PublishJob(FeedPublishingService publisher, ChangedArticles changes, ILogger<PublishJob> logger) : IJob
{
    public static readonly JobKey Key = new("publish");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        if (!context.MergedJobDataMap.ContainsKey(ArticleWatcher.TriggeredByWatcher))
        {
            changes.AddEverything(); // the scheduled runs walk the whole folder, whatever the watcher saw
        }

        try
        {
            // Not the scheduler's token: on SIGTERM a publish that has started runs to its end,
            // so the feed directory is never left between two states.
            await publisher.PublishAsync(CancellationToken.None);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            PublishFailed(logger, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Publish failed; the next scheduled run will try again")]
    private static partial void PublishFailed(ILogger logger, Exception exception);
}
