namespace FeedPublisher.Configuration;

/// <summary>Section "Schedule": when <c>run</c> publishes, besides once at start.</summary>
public sealed class ScheduleOptions
{
    public const string Section = "Schedule";

    /// <summary>A Quartz cron expression (seconds first), in UTC. The default is every minute.</summary>
    public string Publish { get; set; } = "0 * * * * ?";

    /// <summary>Publish soon after article files change, besides the schedule.</summary>
    public bool WatchArticles { get; set; } = true;

    /// <summary>Quiet time after a change before the watcher publishes; a burst of changes makes one publish.</summary>
    public int DebounceMilliseconds { get; set; } = 500;
}
