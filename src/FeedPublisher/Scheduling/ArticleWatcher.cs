using FeedPublisher.Configuration;
using FeedPublisher.Core.Ingesting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;

namespace FeedPublisher.Scheduling;

/// <summary>
/// Publishes soon after article files change. Changes are debounced: the publish starts once the
/// folder has been quiet for Schedule:DebounceMilliseconds, and at the latest a little over a
/// second after the first change, so a thousand files copied in make a handful of publishes, not
/// a thousand. The publish is the scheduler's job, so it never overlaps a scheduled one. The
/// watcher tells ingest which files changed (<see cref="ChangedArticles"/>), so that a publish it
/// starts looks at those files alone; scheduled publishes still walk the whole folder. In a
/// cluster it only starts publishes, which walk the whole folder (see <see cref="ExecuteAsync"/>).
/// </summary>
public sealed partial class ArticleWatcher(FeedPublisherSettings settings, ChangedArticles changes, ISchedulerFactory schedulers, ILogger<ArticleWatcher> logger) : BackgroundService
{
    /// <summary>Set in the job data of the publishes the watcher starts: the scheduler instance id of its node.</summary>
    public const string TriggeredByWatcher = "watcher";

    private static readonly TimeSpan MaxDelay = TimeSpan.FromMilliseconds(1500);

    private readonly SemaphoreSlim _changed = new(0);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var root = Path.GetFullPath(settings.Articles.Directory);
        using var watcher = new FileSystemWatcher(root)
        {
            IncludeSubdirectories = true,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
            InternalBufferSize = 64 * 1024,
        };
        watcher.Created += (_, e) => Signal(root, e.FullPath);
        watcher.Changed += (_, e) => Signal(root, e.FullPath);
        watcher.Deleted += (_, e) => Signal(root, e.FullPath);
        watcher.Renamed += (_, e) =>
        {
            Signal(root, e.OldFullPath);
            Signal(root, e.FullPath);
        };
        watcher.Error += (_, e) =>
        {
            WatchError(logger, e.GetException().Message);
            changes.AddEverything();
            _changed.Release();
        };
        watcher.EnableRaisingEvents = true;
        if (!settings.Schedule.Clustered)
        {
            // Only a single node narrows ingest to what its watcher saw. In a cluster the publish
            // this watcher starts may run on another node, which never saw these paths, and a
            // publish here may have been started by another node's watcher; on a shared folder
            // (NFS) a node is not even told of files that other machines write. There every
            // publish walks the whole folder.
            changes.StartTracking();
        }

        var quiet = TimeSpan.FromMilliseconds(settings.Schedule.DebounceMilliseconds);
        var scheduler = await schedulers.GetScheduler(stoppingToken);
        var node = await scheduler.GetSchedulerInstanceId(stoppingToken);

        while (!stoppingToken.IsCancellationRequested)
        {
            await _changed.WaitAsync(stoppingToken);
            var first = DateTime.UtcNow;
            while (DateTime.UtcNow - first < MaxDelay && await _changed.WaitAsync(quiet, stoppingToken))
            {
                // Another change within the quiet time: keep gathering, up to MaxDelay.
            }

            Drain();
            ChangesSeen(logger);
            await scheduler.TriggerJob(PublishJob.Key, new JobDataMap { [TriggeredByWatcher] = node }, stoppingToken);
        }
    }

    public override void Dispose()
    {
        _changed.Dispose();
        base.Dispose();
    }

    private void Signal(string root, string fullPath)
    {
        // Only the platform's separator is one: on Linux a backslash is part of a file's name.
        var relative = Path.GetRelativePath(root, fullPath);
        changes.Add(Path.DirectorySeparatorChar == '/' ? relative : relative.Replace(Path.DirectorySeparatorChar, '/'));
        _changed.Release();
    }

    private void Drain()
    {
        while (_changed.CurrentCount > 0 && _changed.Wait(0))
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Article files changed; publishing")]
    private static partial void ChangesSeen(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The article watcher lost events ({Reason}); publishing to catch up")]
    private static partial void WatchError(ILogger logger, string reason);
}
