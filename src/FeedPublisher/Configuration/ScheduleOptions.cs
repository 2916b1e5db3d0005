namespace FeedPublisher.Configuration;

/// <summary>Section "Schedule": when <c>run</c> publishes, besides once at start.</summary>
public sealed class ScheduleOptions
{
    public const string Section = "Schedule";

    /// <summary>A Quartz cron expression (seconds first), in UTC. The default is every minute.</summary>
    public string Publish { get; set; } = "0 * * * * ?";
}
