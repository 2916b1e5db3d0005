namespace FeedPublisher.IntegrationTests.Support;

/// <summary>A clock that stands still until a test moves it: for scheduled and expiring articles.</summary>
public sealed class ManualClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
