namespace FeedPublisher.Core.Publishing;

/// <summary>How many items a feed shows.</summary>
public sealed record PublishSettings(int MaxItems)
{
    public const int DefaultMaxItems = 50;
}
