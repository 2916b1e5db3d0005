using Quartz;

namespace FeedPublisher.Serving;

/// <summary>How long a client may cache a feed: until the next scheduled publish could change it, from the cron schedule.</summary>
public static class CacheLifetime
{
    private static readonly TimeSpan Floor = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Ceiling = TimeSpan.FromHours(1);

    public static TimeSpan FromSchedule(string cron)
    {
        var expression = new CronExpression(cron, TimeZoneInfo.Utc);
        var reference = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var first = expression.GetNextValidTimeAfter(reference);
        var second = first is { } f ? expression.GetNextValidTimeAfter(f) : null;
        var interval = first is { } a && second is { } b ? b - a : Ceiling;
        return interval < Floor ? Floor : interval > Ceiling ? Ceiling : interval;
    }
}
