using FeedPublisher.Core.Model;
using FeedPublisher.Core.Storing;

namespace FeedPublisher.Core.Publishing;

/// <summary>
/// The archive's pages as <see cref="ArchivePlanner.PlanAsync"/> found them, before any article is
/// loaded: each complete page with its fingerprint, whether its files stay as they are, and the
/// links the main feed's RSS and Atom get to the newest page. A few dozen bytes per page.
/// </summary>
public sealed record ArchivePlan(int PageSize, IReadOnlyList<ArchivePage> Pages, IReadOnlyList<bool> Kept, IReadOnlyDictionary<string, FeedLink> MainFeedLinks)
{
    /// <summary>No archive (Feeds:ArchivePageSize 0).</summary>
    public static ArchivePlan None { get; } = new(0, [], [], new Dictionary<string, FeedLink>());
}
