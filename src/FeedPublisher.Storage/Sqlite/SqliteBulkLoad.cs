using FeedPublisher.Core.Storing;
using Microsoft.Data.Sqlite;

namespace FeedPublisher.Storage.Sqlite;

/// <summary>
/// An ingest's chunks in one transaction (<see cref="IStoreBatch"/>). Committing chunk by chunk
/// wrote the pages of the randomly ordered indexes to the WAL again with every chunk. Into an
/// empty store it goes further: the two indexes that rows reach in random order (articles by
/// publication date, term links by article) are dropped at the start and built once at the end,
/// and term links are written at the end in key order, so every write appends. Into a store that
/// already holds articles the indexes stay: rebuilding them would cost as much as the archive.
/// The store's content and version at the end are what chunk-by-chunk applies would have left.
/// </summary>
internal sealed class SqliteBulkLoad : IStoreBatch
{
    /// <summary>The page cache (negative: KiB) while the indexes are rebuilt (see <see cref="CompleteAsync"/>).</summary>
    private const int IndexCacheSize = -4096;

    /// <summary>The page cache (negative: KiB) while the rows are written, in random index order.</summary>
    private const int LoadCacheSize = -32768;

    private static readonly string[] RebuiltIndexes = ["articles_by_published", "article_terms_by_article"];

    private readonly SqliteConnection _connection;
    private readonly SqliteTransaction _transaction;
    private readonly SqliteTermWriter _terms;
    private readonly List<string> _rebuild;

    private SqliteBulkLoad(SqliteConnection connection, SqliteTransaction transaction, List<string> rebuild)
    {
        (_connection, _transaction, _rebuild) = (connection, transaction, rebuild);
        _terms = new SqliteTermWriter(connection, transaction, deferLinks: rebuild.Count > 0);
    }

    public static async Task<SqliteBulkLoad> BeginAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        try
        {
            // Immediate: the write lock is taken now, not part-way through the first chunk.
            var transaction = connection.BeginTransaction(deferred: false);
            await SqliteTermWriter.ExecuteAsync(connection, transaction, $"PRAGMA cache_size = {LoadCacheSize}", cancellationToken);
            var rebuild = new List<string>();
            if (await ScalarAsync(connection, transaction, "SELECT NOT EXISTS (SELECT 1 FROM articles)", cancellationToken) is 1L)
            {
                foreach (var index in RebuiltIndexes)
                {
                    // Rebuilt from its own definition, so this never drifts from the migrations.
                    rebuild.Add((string)(await ScalarAsync(connection, transaction, $"SELECT sql FROM sqlite_master WHERE type = 'index' AND name = '{index}'", cancellationToken))!);
                    await SqliteTermWriter.ExecuteAsync(connection, transaction, $"DROP INDEX {index}", cancellationToken);
                }
            }

            return new SqliteBulkLoad(connection, transaction, rebuild);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public Task ApplyAsync(StoreChanges changes, CancellationToken cancellationToken) =>
        SqliteArticleWriter.ApplyAsync(_connection, _transaction, _terms, changes, cancellationToken);

    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        _terms.Flush();
        // CREATE INDEX sorts in memory up to the page cache's size, and the process keeps what it
        // took: with 4 MB instead of 32 MB it peaks ~25 MB lower (100,000 headers), no slower.
        // Connect() sets the cache size again when the pool hands this connection out.
        await SqliteTermWriter.ExecuteAsync(_connection, _transaction, $"PRAGMA cache_size = {IndexCacheSize}", cancellationToken);
        foreach (var index in _rebuild)
        {
            await SqliteTermWriter.ExecuteAsync(_connection, _transaction, index, cancellationToken);
        }

        await _transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Without <see cref="CompleteAsync"/>, everything is rolled back, dropped indexes included.</summary>
    public async ValueTask DisposeAsync()
    {
        _terms.Dispose();
        await _transaction.DisposeAsync();
        // The connection goes back to the pool: without this it would keep the load's page cache
        // (up to 32 MB) for as long as the process runs.
        try
        {
            await using var shrink = _connection.CreateCommand();
            shrink.CommandText = "PRAGMA shrink_memory";
            await shrink.ExecuteNonQueryAsync();
        }
        catch (SqliteException)
        {
            // A connection that failed has nothing worth keeping; the error that matters is the caller's.
        }

        await _connection.DisposeAsync();
    }

    private static async Task<object?> ScalarAsync(SqliteConnection connection, SqliteTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(cancellationToken);
    }
}
