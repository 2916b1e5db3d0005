using FeedPublisher.Core.Model;

namespace FeedPublisher.Core.Publishing;

/// <summary>
/// A feed of a publish: its spec, and its document once built (<see cref="Ready"/>), or null
/// while it waits for its batch to be written. A feed whose files stay is ready at once, as an outline.
/// </summary>
internal sealed record PlannedFeed(FeedSpec Spec, PublishedFeed? Ready)
{
    /// <summary>The feed as listings show it, once its files are staged: its entries let go, its item count kept.</summary>
    public PlannedFeed Outlined() => Ready is null ? this : this with { Ready = Ready with { Feed = Ready.Feed with { Entries = [] } } };
}
