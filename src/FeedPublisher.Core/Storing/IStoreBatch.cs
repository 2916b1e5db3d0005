namespace FeedPublisher.Core.Storing;

/// <summary>
/// Many changes given to the store one after another (an ingest's chunks), which the store may
/// hold in one transaction and index once at the end: what a first ingest of a large archive
/// needs. Nothing need be visible before <see cref="CompleteAsync"/>; disposed without it, the
/// store may keep none of the changes (the next ingest then finds the files new again).
/// </summary>
public interface IStoreBatch : IAsyncDisposable
{
    /// <summary>Like <see cref="IArticleStore.ApplyAsync"/>, including the version count; calls must not overlap.</summary>
    Task ApplyAsync(StoreChanges changes, CancellationToken cancellationToken);

    Task CompleteAsync(CancellationToken cancellationToken);
}
