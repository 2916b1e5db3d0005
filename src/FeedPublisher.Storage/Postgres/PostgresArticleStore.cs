using System.Globalization;
using FeedPublisher.Core.Model;
using FeedPublisher.Core.Storing;
using Npgsql;

namespace FeedPublisher.Storage.Postgres;

/// <summary>
/// The shared store: a PostgreSQL database that several FeedPublisher processes (a cluster of
/// nodes) can read and write at once. It behaves as <see cref="Sqlite.SqliteArticleStore"/> does,
/// to the byte of every version string and feed. Writes take the writers' advisory lock, so
/// applying the same changes from two nodes at once is safe and gives the same rows as applying
/// them once; reads take no lock. Connections are pooled by the Npgsql data source.
/// </summary>
public sealed class PostgresArticleStore : IArticleStore, IDisposable, IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;

    private readonly string? _derivation;

    private readonly TimeProvider _clock;

    private PostgresArticleStore(NpgsqlDataSource dataSource, string? derivation, TimeProvider clock) =>
        (_dataSource, _derivation, _clock) = (dataSource, derivation, clock);

    /// <summary>
    /// Connects and migrates the database to the latest schema. A server that cannot be reached or
    /// refuses us throws <see cref="StoreUnavailableException"/>, which names it without the password.
    /// </summary>
    /// <param name="derivation">
    /// The hash of the extraction settings in force: articles derived with others are read back
    /// pending, to be rendered again (<see cref="Article.DerivedWith"/>). Null reads them as stored.
    /// </param>
    /// <param name="clock">What "now" is for the feed queries (see <see cref="IArticleStore"/>); the system clock when null.</param>
    public static PostgresArticleStore Open(string connectionString, string? derivation = null, TimeProvider? clock = null)
    {
        if (!PostgresConnectionString.TryParse(connectionString, out var builder, out var error))
        {
            throw new ArgumentException($"Storage:ConnectionString is not a PostgreSQL connection string: {error}");
        }

        // Named in pg_stat_activity, so a DBA can tell our sessions apart.
        builder.ApplicationName ??= "feedpublisher";
        var dataSource = NpgsqlDataSource.Create(builder);
        try
        {
            using var connection = PostgresConnectionErrors.Open(dataSource, builder);
            PostgresMigrator.Migrate(connection);
            return new PostgresArticleStore(dataSource, derivation, clock ?? TimeProvider.System);
        }
        catch
        {
            dataSource.Dispose();
            throw;
        }
    }

    public async Task<IReadOnlyDictionary<string, FileStamp>> GetFileStampsAsync(CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand($"SELECT {StoredRows.FileStampColumns(_derivation)} FROM articles");
        BindDerivation(command);
        return await StoredRows.ReadFileStampsAsync(command, cancellationToken);
    }

    private void BindDerivation(NpgsqlCommand command)
    {
        if (_derivation is not null)
        {
            command.Parameters.Add(new NpgsqlParameter<string>("derivation", _derivation));
        }
    }

    public async Task<IReadOnlyDictionary<string, KnownFile>> GetKnownFilesAsync(CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand($"SELECT {StoredRows.KnownFileColumns(_derivation)} FROM articles");
        BindDerivation(command);
        return await StoredRows.ReadKnownFilesAsync(command, cancellationToken);
    }

    public async Task<IReadOnlyDictionary<string, KnownFile>> GetKnownFilesAsync(IReadOnlyCollection<string> paths, IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand(
            $"""
            SELECT {StoredRows.KnownFileColumns(_derivation)} FROM articles WHERE source_path = ANY(@paths) OR id = ANY(@ids)
            UNION SELECT {StoredRows.KnownFileColumns(_derivation)} FROM unnest(@paths) AS named(path) CROSS JOIN articles
                WHERE source_path >= named.path || '//' AND source_path < named.path || '/0'
            """);
        BindDerivation(command);
        command.Parameters.Add(new NpgsqlParameter<string[]>("paths", [.. paths]));
        command.Parameters.Add(new NpgsqlParameter<string[]>("ids", [.. ids]));
        return await StoredRows.ReadKnownFilesAsync(command, cancellationToken);
    }

    public async Task ApplyAsync(StoreChanges changes, CancellationToken cancellationToken)
    {
        if (changes.IsEmpty)
        {
            return;
        }

        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // One writer at a time. Under READ COMMITTED every statement after this one sees what the
        // writer before us committed, so max(seq), the taken slugs and the version are current.
        await ExecuteAsync(connection, transaction, $"SELECT pg_advisory_xact_lock({PostgresLocks.Writers})", cancellationToken);
        await PostgresArticleWriter.RemoveAsync(connection, transaction, changes.RemovedPaths, cancellationToken);
        await PostgresArticleWriter.UpsertAsync(connection, transaction, changes.Saved, cancellationToken);
        await PostgresArticleWriter.TouchAsync(connection, transaction, changes.Touched, cancellationToken);
        if (changes.Saved.Count > 0 || changes.RemovedPaths.Count > 0)
        {
            await ExecuteAsync(connection, transaction, "UPDATE store_meta SET value = value + 1 WHERE key = 'version'", cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<Article>> GetLatestAsync(ArticleQuery query, int count, CancellationToken cancellationToken)
    {
        await using var command = PostgresArticleQueries.Latest(_dataSource, query, count, StoredRows.ArticleColumns, Now());
        return await StoredRows.ReadArticlesAsync(command, count, cancellationToken);
    }

    public async Task<IReadOnlyList<ArticleVersion>> GetLatestVersionsAsync(ArticleQuery query, int count, CancellationToken cancellationToken)
    {
        await using var command = PostgresArticleQueries.Latest(_dataSource, query, count, StoredRows.VersionColumns, Now());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var versions = new List<ArticleVersion>(count);
        while (await reader.ReadAsync(cancellationToken))
        {
            versions.Add(StoredRows.ReadVersion(reader));
        }

        return versions;
    }

    public async Task<IReadOnlyList<FeedTerm>> GetTermsAsync(TermKind kind, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand($"""
            SELECT t.slug, t.name FROM terms t
            WHERE t.kind = @kind AND EXISTS (SELECT 1 FROM article_terms a JOIN articles x ON x.id = a.article_id
                                             WHERE a.kind = t.kind AND a.slug = t.slug AND {StoredRows.Due("x")})
            ORDER BY t.slug
            """);
        command.Parameters.Add(new NpgsqlParameter<string>("kind", PostgresTermKinds.Name(kind)));
        command.Parameters.Add(new NpgsqlParameter<long>("now", Now()));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var terms = new List<FeedTerm>();
        while (await reader.ReadAsync(cancellationToken))
        {
            terms.Add(new FeedTerm(kind, reader.GetString(0), reader.GetString(1)));
        }

        return terms;
    }

    public async Task<int> CountAsync(CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand("SELECT count(*) FROM articles");
        return checked((int)(long)(await command.ExecuteScalarAsync(cancellationToken))!);
    }

    public async Task<PublicationSchedule> GetScheduleAsync(CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand(StoredRows.ScheduleQuery);
        command.Parameters.Add(new NpgsqlParameter<long>("now", Now()));
        return await StoredRows.ReadScheduleAsync(command, cancellationToken);
    }

    public async Task<long> GetVersionAsync(CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand("SELECT value FROM store_meta WHERE key = 'version'");
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public async Task<IReadOnlyList<ArchivePage>> GetArchivePagesAsync(int pageSize, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand(PostgresArticleQueries.ArchivePages);
        command.Parameters.Add(new NpgsqlParameter<long>("size", pageSize));
        command.Parameters.Add(new NpgsqlParameter<long>("now", Now()));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var pages = new List<ArchivePage>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var number = checked((int)reader.GetInt64(0));
            var articles = checked((int)reader.GetInt64(1));
            pages.Add(new ArchivePage(number, articles, string.Create(CultureInfo.InvariantCulture, $"{articles}-{reader.GetInt64(2)}-{reader.GetInt64(3)}"),
                Complete: (long)number * pageSize <= reader.GetInt64(4)));
        }

        return pages;
    }

    public async Task<IReadOnlyList<Article>> GetArchivePageAsync(int page, int pageSize, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand(PostgresArticleQueries.ArchivePage);
        command.Parameters.Add(new NpgsqlParameter<long>("first", (long)(page - 1) * pageSize));
        command.Parameters.Add(new NpgsqlParameter<long>("last", (long)page * pageSize));
        command.Parameters.Add(new NpgsqlParameter<long>("now", Now()));
        return await StoredRows.ReadArticlesAsync(command, pageSize, cancellationToken);
    }

    public async Task<IReadOnlyList<PageVersion>> GetPageVersionsAsync(long afterSeq, int count, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand(PostgresArticleQueries.PageVersions);
        command.Parameters.Add(new NpgsqlParameter<long>("after", afterSeq));
        command.Parameters.Add(new NpgsqlParameter<int>("count", count));
        command.Parameters.Add(new NpgsqlParameter<long>("now", Now()));
        return await StoredRows.ReadPageVersionsAsync(command, count, cancellationToken);
    }

    public async Task<PageChanges?> GetPageChangesAsync(long sinceVersion, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        // One snapshot for both results: another node's write cannot fall between them.
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);
        await using var command = new NpgsqlCommand(string.Join(";\n", StoredRows.PageChangesQueries("@since")), connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<long>("since", sinceVersion));
        command.Parameters.Add(new NpgsqlParameter<long>("now", Now()));
        return await StoredRows.ReadPageChangesAsync(command, cancellationToken);
    }

    public async Task<IReadOnlyList<Article>> GetArticlesAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand($"SELECT {StoredRows.ArticleColumns} FROM articles WHERE id = ANY(@ids)");
        command.Parameters.Add(new NpgsqlParameter<string[]>("ids", [.. ids]));
        return await StoredRows.ReadArticlesAsync(command, ids.Count, cancellationToken);
    }

    /// <summary>The cut-off of the feed queries, in the stored unit (Unix ms).</summary>
    private long Now() => _clock.GetUtcNow().ToUnixTimeMilliseconds();

    public void Dispose() => _dataSource.Dispose();

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
