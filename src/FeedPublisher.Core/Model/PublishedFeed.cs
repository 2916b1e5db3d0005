namespace FeedPublisher.Core.Model;

/// <summary>
/// A feed as people see it listed: its group, its document and how many items it shows. A feed
/// whose files could stay as they were carries a document without entries (<see cref="Kept"/>);
/// its item count and dates still come from the store.
/// </summary>
public sealed record PublishedFeed(FeedGroup Group, FeedDocument Feed, int Items, bool Kept = false)
{
    public PublishedFeed(FeedGroup group, FeedDocument feed)
        : this(group, feed, feed.Entries.Count)
    {
    }
}
