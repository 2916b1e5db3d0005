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

    /// <summary>
    /// Several <c>run</c> processes share one schedule kept in the PostgreSQL store's database
    /// (Quartz's clustered ADO.NET job store): one publish at a time across all of them, and a
    /// node that dies has its publish taken over by another. Needs Storage:Provider=Postgres.
    /// </summary>
    public bool Clustered { get; set; }
}
