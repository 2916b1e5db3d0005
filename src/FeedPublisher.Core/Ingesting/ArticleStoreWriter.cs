using FeedPublisher.Core.Diagnostics;
using FeedPublisher.Core.Storing;

namespace FeedPublisher.Core.Ingesting;

/// <summary>
/// Hands an ingest's changes to the store a chunk at a time, each while the next chunk is read:
/// the store writes on one thread, reading keeps both cores busy, and memory holds two chunks at
/// most. For a first ingest (more new files than one chunk) the chunks go into one store batch
/// (<see cref="IStoreBatch"/>), indexed once at the end; a pass cut short then keeps none of them.
/// </summary>
internal sealed class ArticleStoreWriter : IAsyncDisposable
{
    private readonly IArticleStore _store;
    private readonly IStoreBatch? _batch;
    private readonly StageTimings _timings;
    private readonly CancellationToken _cancellationToken;
    private Task _storing = Task.CompletedTask;

    private ArticleStoreWriter(IArticleStore store, IStoreBatch? batch, StageTimings timings, CancellationToken cancellationToken) =>
        (_store, _batch, _timings, _cancellationToken) = (store, batch, timings, cancellationToken);

    /// <param name="bulk">Whether the changes are mostly new articles, more than one chunk of them.</param>
    public static async Task<ArticleStoreWriter> BeginAsync(IArticleStore store, bool bulk, StageTimings timings, CancellationToken cancellationToken)
    {
        var batch = bulk ? await timings.TimeAsync(StageTimings.Store, () => store.BeginBatchAsync(cancellationToken)) : null;
        return new ArticleStoreWriter(store, batch, timings, cancellationToken);
    }

    /// <summary>Waits for the chunk before to be stored, then starts storing this one and returns.</summary>
    public async Task WriteAsync(StoreChanges changes)
    {
        await _storing;
        _storing = ApplyAsync(changes);
    }

    /// <summary>Waits for the last chunk, and makes a batch visible.</summary>
    public async Task CompleteAsync()
    {
        await _storing;
        if (_batch is not null)
        {
            await _timings.TimeAsync(StageTimings.Store, async () =>
            {
                await _batch.CompleteAsync(_cancellationToken);
                return 0;
            });
        }
    }

    public async ValueTask DisposeAsync()
    {
        // Never disposed under a chunk still being stored; its error, if any, is the one thrown already.
        await _storing.ContinueWith(_ => { }, TaskScheduler.Default);
        if (_batch is not null)
        {
            await _batch.DisposeAsync();
        }
    }

    /// <summary>Changes outside the chunks (files that are gone), applied at once and counted in the store's version.</summary>
    public static async Task ApplyNowAsync(IArticleStore store, StoreChanges changes, StageTimings timings, CancellationToken cancellationToken)
    {
        if (!changes.IsEmpty)
        {
            await timings.TimeAsync(StageTimings.Store, async () =>
            {
                await store.ApplyAsync(changes, cancellationToken);
                return 0;
            });
        }
    }

    private async Task ApplyAsync(StoreChanges changes)
    {
        await Task.Yield(); // the caller goes on reading the next chunk meanwhile
        if (changes.IsEmpty)
        {
            return;
        }

        await _timings.TimeAsync(StageTimings.Store, async () =>
        {
            await (_batch is null ? _store.ApplyAsync(changes, _cancellationToken) : _batch.ApplyAsync(changes, _cancellationToken));
            return 0;
        });
    }
}
