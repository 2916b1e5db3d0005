namespace FeedPublisher.Core.Storing;

/// <summary>
/// What changed for the article pages since a version of the store
/// (<see cref="IArticleStore.GetPageChangesAsync"/>): the articles saved since that have a page
/// (due, without a URL of their own), in the store's order, and the ids of those that had one and
/// may have it no more (removed, given a URL, dated ahead again). Only writes are told: an article
/// that came due or expired by the clock alone is not here (the publish key's
/// <see cref="PublicationSchedule.LastDue"/> tells that something did).
/// </summary>
public sealed record PageChanges(IReadOnlyList<PageVersion> Paged, IReadOnlyList<string> Unpaged);
