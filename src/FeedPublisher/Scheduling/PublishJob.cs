using FeedPublisher.Configuration;
using FeedPublisher.Core.Ingesting;
using FeedPublisher.Core.Publishing;
using Microsoft.Extensions.Logging;
using Quartz;

namespace FeedPublisher.Scheduling;

/// <summary>
/// The scheduled publish. Quartz never runs two at once, in a cluster on any two nodes either; a
/// failure is logged and the next trigger tries again.
/// </summary>
[DisallowConcurrentExecution]
public sealed partial class PublishJob(FeedPublishingService publisher, ChangedArticles changes, FeedPublisherSettings settings, NextDueTrigger due, TimeProvider time, ILogger<PublishJob> logger) : IJob
{
    public static readonly JobKey Key = new("publish");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var node = context.Scheduler.SchedulerInstanceId;
        if (context.MergedJobDataMap.GetString(ArticleWatcher.TriggeredByWatcher) != node)
        {
            // Only this node's own watcher knows which files changed. The scheduled runs, and in a
            // cluster a publish another node's watcher started or one taken over from a node that
            // died, walk the whole folder.
            changes.AddEverything();
        }

        if (settings.Schedule.Clustered)
        {
            // Which node publishes, and when it starts, is news in a cluster: the log tells the
            // nodes' turns apart, and which one took over from a node that died.
            if (context.Recovering)
            {
                TakingOver(logger, node);
            }
            else
            {
                Starting(logger, node);
            }
        }

        var started = time.GetUtcNow();
        try
        {
            // Not the scheduler's token: on SIGTERM a publish that has started runs to its end,
            // so the feed directory is never left between two states.
            await publisher.PublishAsync(CancellationToken.None);
        }
        catch (FeedDirectoryFullException e)
        {
            // One line that names the disk and what to do, not a stack trace.
            DiskFull(logger, e.Message);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            PublishFailed(logger, e);
        }

        try
        {
            // After a failed publish too: what is due next is the store's to say, not the feeds'.
            await due.ScheduleAsync(context.Scheduler, started, CancellationToken.None);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            SchedulingFailed(logger, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not schedule the publish of the next scheduled article; the next publish will try again")]
    private static partial void SchedulingFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Publish started on node {Node}")]
    private static partial void Starting(ILogger logger, string node);

    [LoggerMessage(Level = LogLevel.Information, Message = "Publish started on node {Node}, taking over the publish of a node that stopped checking in")]
    private static partial void TakingOver(ILogger logger, string node);

    [LoggerMessage(Level = LogLevel.Error, Message = "Publish failed: {Reason}; the next scheduled run will try again")]
    private static partial void DiskFull(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Publish failed; the next scheduled run will try again")]
    private static partial void PublishFailed(ILogger logger, Exception exception);
}
