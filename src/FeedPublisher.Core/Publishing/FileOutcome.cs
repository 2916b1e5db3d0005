namespace FeedPublisher.Core.Publishing;

/// <summary>What publishing did to one file of the feed directory.</summary>
public enum FileOutcome
{
    Unchanged,
    Written,
}
