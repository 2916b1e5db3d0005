namespace FeedPublisher.Core.Storing;

/// <summary>The batch of a store with no bulk path: every change is applied (and committed) as it comes.</summary>
public sealed class ChangeByChangeBatch(IArticleStore store) : IStoreBatch
{
    public Task ApplyAsync(StoreChanges changes, CancellationToken cancellationToken) => store.ApplyAsync(changes, cancellationToken);

    public Task CompleteAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
