using FeedPublisher.Core.Model;
using FeedPublisher.Core.Storing;
using Microsoft.Data.Sqlite;

namespace FeedPublisher.Storage.Sqlite;

/// <summary>
/// The embedded store: one SQLite file in WAL mode, so the feed server and tools can read while a
/// publish writes. Connections are pooled by Microsoft.Data.Sqlite; each call opens its own.
/// </summary>
public sealed class SqliteArticleStore : IArticleStore
{
    private readonly string _connectionString;
    private readonly string? _derivation;
    private readonly TimeProvider _clock;

    private SqliteArticleStore(string connectionString, string? derivation, TimeProvider clock) =>
        (_connectionString, _derivation, _clock) = (connectionString, derivation, clock);

    /// <summary>Opens (creating if needed) the store at a file path or SQLite connection string, migrated to the latest schema.</summary>
    /// <param name="derivation">
    /// The hash of the extraction settings in force: articles derived with others are read back
    /// pending, to be rendered again (<see cref="Article.DerivedWith"/>). Null reads them as stored.
    /// </param>
    /// <param name="clock">What "now" is for the feed queries (see <see cref="IArticleStore"/>); the system clock when null.</param>
    public static SqliteArticleStore Open(string pathOrConnectionString, string? derivation = null, TimeProvider? clock = null)
    {
        var builder = pathOrConnectionString.Contains('=', StringComparison.Ordinal)
            ? new SqliteConnectionStringBuilder(pathOrConnectionString)
            : new SqliteConnectionStringBuilder { DataSource = pathOrConnectionString };
        builder.Mode = SqliteOpenMode.ReadWriteCreate;
        if (builder.DataSource is { Length: > 0 } file && file != ":memory:")
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(file));
            if (folder is not null)
            {
                Directory.CreateDirectory(folder);
            }
        }

        var store = new SqliteArticleStore(builder.ToString(), derivation, clock ?? TimeProvider.System);
        using var connection = store.Connect();
        Execute(connection, "PRAGMA journal_mode = WAL;");
        if (SqliteMigrator.Migrate(connection) < 3)
        {
            SqliteTermBackfill.Run(connection);
        }

        return store;
    }

    /// <remarks>
    /// Read straight from SQLite: at 100,000 articles the data reader's checks of every value were
    /// half of the time. The columns are never NULL, and the covering index answers alone.
    /// </remarks>
    public async Task<IReadOnlyDictionary<string, FileStamp>> GetFileStampsAsync(CancellationToken cancellationToken)
    {
        await using var connection = Connect();
        using var query = new SqliteStatement(connection, $"SELECT {StoredRows.FileStampColumns(_derivation)} FROM articles");
        if (_derivation is not null)
        {
            query.Bind(1, _derivation);
        }

        var stamps = new Dictionary<string, FileStamp>(StringComparer.Ordinal);
        while (query.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            stamps[query.Text(0)] = new FileStamp(query.Int64(1), new DateTimeOffset(query.Int64(2), TimeSpan.Zero), query.Int64(3) != 0);
        }

        return stamps;
    }

    private void BindDerivation(SqliteCommand command)
    {
        if (_derivation is not null)
        {
            command.Parameters.AddWithValue("@derivation", _derivation);
        }
    }

    public async Task<IReadOnlyDictionary<string, KnownFile>> GetKnownFilesAsync(CancellationToken cancellationToken)
    {
        await using var connection = Connect();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {StoredRows.KnownFileColumns(_derivation)} FROM articles";
        BindDerivation(command);
        return await StoredRows.ReadKnownFilesAsync(command, cancellationToken);
    }

    public async Task<IReadOnlyDictionary<string, KnownFile>> GetKnownFilesAsync(IReadOnlyCollection<string> paths, IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        await using var connection = Connect();
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT {StoredRows.KnownFileColumns(_derivation)} FROM articles WHERE source_path IN (SELECT value FROM json_each($paths))
            UNION SELECT {StoredRows.KnownFileColumns(_derivation)} FROM (SELECT value AS document FROM json_each($paths)) CROSS JOIN articles
                WHERE source_path >= document || '//' AND source_path < document || '/0'
            UNION SELECT {StoredRows.KnownFileColumns(_derivation)} FROM articles WHERE id IN (SELECT value FROM json_each($ids))
            """;
        BindDerivation(command);
        command.Parameters.AddWithValue("$paths", StoredJson.WriteNames([.. paths]));
        command.Parameters.AddWithValue("$ids", StoredJson.WriteNames([.. ids]));
        return await StoredRows.ReadKnownFilesAsync(command, cancellationToken);
    }


    public async Task ApplyAsync(StoreChanges changes, CancellationToken cancellationToken)
    {
        await using var connection = Connect();
        await using var transaction = connection.BeginTransaction();
        using (var terms = new SqliteTermWriter(connection, transaction))
        {
            await SqliteArticleWriter.ApplyAsync(connection, transaction, terms, changes, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<IStoreBatch> BeginBatchAsync(CancellationToken cancellationToken) => await SqliteBulkLoad.BeginAsync(Connect(), cancellationToken);

    public Task<IReadOnlyList<Article>> GetLatestAsync(int count, CancellationToken cancellationToken) =>
        GetLatestAsync(ArticleQuery.All, count, cancellationToken);

    public async Task<IReadOnlyList<Article>> GetLatestAsync(ArticleQuery query, int count, CancellationToken cancellationToken)
    {
        await using var connection = Connect();
        await using var command = LatestCommand(connection, query, count, StoredRows.ArticleColumns, Now());
        return await StoredRows.ReadArticlesAsync(command, count, cancellationToken);
    }

    public async Task<IReadOnlyList<ArticleVersion>> GetLatestVersionsAsync(ArticleQuery query, int count, CancellationToken cancellationToken) =>
        (await GetLatestVersionsAsync([(query, count)], cancellationToken))[0];

    /// <summary>
    /// One connection for all the feeds, and one command per SQL text: the feeds of every category
    /// (or author) differ only in their parameters, so the statement is prepared once (71 feeds at
    /// 100,000 articles: 30 ms with a connection and a statement each).
    /// </summary>
    public async Task<IReadOnlyList<IReadOnlyList<ArticleVersion>>> GetLatestVersionsAsync(IReadOnlyList<(ArticleQuery Query, int Count)> feeds, CancellationToken cancellationToken)
    {
        await using var connection = Connect();
        var commands = new Dictionary<string, SqliteCommand>(StringComparer.Ordinal);
        // One "now" for every feed of the publish, so no two feeds disagree on what is due.
        var now = Now();
        try
        {
            var all = new List<IReadOnlyList<ArticleVersion>>(feeds.Count);
            foreach (var (query, count) in feeds)
            {
                var sql = SqliteArticleQueries.Latest(query, StoredRows.VersionColumns);
                if (!commands.TryGetValue(sql, out var command))
                {
                    commands[sql] = command = LatestCommand(connection, sql);
                }

                SetLatestParameters(command, query, count, now);
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                var versions = new List<ArticleVersion>(count);
                while (await reader.ReadAsync(cancellationToken))
                {
                    versions.Add(StoredRows.ReadVersion(reader));
                }

                all.Add(versions);
            }

            return all;
        }
        finally
        {
            foreach (var command in commands.Values)
            {
                await command.DisposeAsync();
            }
        }
    }

    public async Task<IReadOnlyList<FeedTerm>> GetTermsAsync(TermKind kind, CancellationToken cancellationToken)
    {
        await using var connection = Connect();
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT t.slug, t.name FROM terms t
            WHERE t.kind = $kind AND EXISTS (SELECT 1 FROM article_terms a JOIN articles x ON x.id = a.article_id
                                             WHERE a.kind = t.kind AND a.slug = t.slug AND {StoredRows.Due("x")})
            ORDER BY t.slug
            """;
        command.Parameters.AddWithValue("$kind", SqliteTermWriter.KindName(kind));
        command.Parameters.AddWithValue("@now", Now());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var terms = new List<FeedTerm>();
        while (await reader.ReadAsync(cancellationToken))
        {
            terms.Add(new FeedTerm(kind, reader.GetString(0), reader.GetString(1)));
        }

        return terms;
    }

    /// <summary>
    /// Every archive page's size and fingerprint (parameters $size and @now), read off the index
    /// articles_archive_pages alone. Pages are cut from every stored article, so that one coming
    /// due never moves the others to another page; its size and fingerprint count the due ones.
    /// </summary>
    internal static readonly string ArchivePagesQuery = $"""
        SELECT (seq - 1) / $size + 1 AS page, sum(due), sum(due * updated), sum(due * seq), (SELECT max(seq) FROM articles)
        FROM (SELECT seq, updated, ({StoredRows.Due("articles")}) AS due FROM articles) GROUP BY page ORDER BY page
        """;

    public async Task<IReadOnlyList<ArchivePage>> GetArchivePagesAsync(int pageSize, CancellationToken cancellationToken)
    {
        await using var connection = Connect();
        await using var command = connection.CreateCommand();
        command.CommandText = ArchivePagesQuery;
        command.Parameters.AddWithValue("$size", pageSize);
        command.Parameters.AddWithValue("@now", Now());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var pages = new List<ArchivePage>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var number = reader.GetInt32(0);
            var lastSeq = reader.GetInt64(4);
            pages.Add(new ArchivePage(number, reader.GetInt32(1), $"{reader.GetInt32(1)}-{reader.GetInt64(2)}-{reader.GetInt64(3)}",
                Complete: (long)number * pageSize <= lastSeq));
        }

        return pages;
    }

    public async Task<IReadOnlyList<Article>> GetArchivePageAsync(int page, int pageSize, CancellationToken cancellationToken)
    {
        await using var connection = Connect();
        await using var command = connection.CreateCommand();
        // INDEXED BY: left alone, SQLite walks the whole published-date index to honour ORDER BY.
        command.CommandText = $"SELECT {StoredRows.ArticleColumns} FROM articles INDEXED BY articles_by_seq WHERE seq > $first AND seq <= $last AND {StoredRows.Due("articles")} ORDER BY published DESC, id";
        command.Parameters.AddWithValue("@now", Now());
        command.Parameters.AddWithValue("$first", (long)(page - 1) * pageSize);
        command.Parameters.AddWithValue("$last", (long)page * pageSize);
        return await StoredRows.ReadArticlesAsync(command, pageSize, cancellationToken);
    }


    public async Task<IReadOnlyList<PageVersion>> GetPageVersionsAsync(long afterSeq, int count, CancellationToken cancellationToken)
    {
        await using var connection = Connect();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {StoredRows.PageVersionColumns} FROM articles INDEXED BY articles_page_versions WHERE seq > $after AND url IS NULL AND {StoredRows.Due("articles")} ORDER BY seq LIMIT $count";
        command.Parameters.AddWithValue("$after", afterSeq);
        command.Parameters.AddWithValue("$count", count);
        command.Parameters.AddWithValue("@now", Now());
        return await StoredRows.ReadPageVersionsAsync(command, count, cancellationToken);
    }

    /// <summary>The queries of <see cref="GetPageChangesAsync"/>, each held to its version index (checked by the plan tests).</summary>
    public static readonly string[] PageChangesQueries =
        StoredRows.PageChangesQueries("$since", ("INDEXED BY articles_changed_in", "INDEXED BY removed_articles_by_version"));

    public async Task<PageChanges?> GetPageChangesAsync(long sinceVersion, CancellationToken cancellationToken)
    {
        await using var connection = Connect();
        // One read transaction: both results see the same writes.
        await using var transaction = connection.BeginTransaction(deferred: true);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = string.Join(";\n", PageChangesQueries);
        command.Parameters.AddWithValue("$since", sinceVersion);
        command.Parameters.AddWithValue("@now", Now());
        return await StoredRows.ReadPageChangesAsync(command, cancellationToken);
    }

    public async Task<IReadOnlyList<Article>> GetArticlesAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        await using var connection = Connect();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {StoredRows.ArticleColumns} FROM articles WHERE id IN (SELECT value FROM json_each($ids))";
        command.Parameters.AddWithValue("$ids", StoredJson.WriteNames([.. ids]));
        return await StoredRows.ReadArticlesAsync(command, ids.Count, cancellationToken);
    }

    public async Task<PublicationSchedule> GetScheduleAsync(CancellationToken cancellationToken)
    {
        await using var connection = Connect();
        await using var command = connection.CreateCommand();
        command.CommandText = StoredRows.ScheduleQuery;
        command.Parameters.AddWithValue("@now", Now());
        return await StoredRows.ReadScheduleAsync(command, cancellationToken);
    }

    public async Task<long> GetVersionAsync(CancellationToken cancellationToken)
    {
        await using var connection = Connect();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT value FROM store_meta WHERE key = 'version'";
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task<int> CountAsync(CancellationToken cancellationToken)
    {
        await using var connection = Connect();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM articles";
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The newest articles a feed shows, as the given columns.</summary>
    private static SqliteCommand LatestCommand(SqliteConnection connection, ArticleQuery query, int count, string columns, long now) =>
        SetLatestParameters(LatestCommand(connection, SqliteArticleQueries.Latest(query, columns)), query, count, now);

    private static SqliteCommand LatestCommand(SqliteConnection connection, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.Add("$count", SqliteType.Integer);
        command.Parameters.Add("$categories", SqliteType.Text);
        command.Parameters.Add("$authors", SqliteType.Text);
        command.Parameters.Add("@now", SqliteType.Integer);
        return command;
    }

    private static SqliteCommand SetLatestParameters(SqliteCommand command, ArticleQuery query, int count, long now)
    {
        command.Parameters["@now"].Value = now;
        command.Parameters["$count"].Value = count;
        command.Parameters["$categories"].Value = StoredJson.WriteNames(query.CategorySlugs);
        command.Parameters["$authors"].Value = StoredJson.WriteNames(query.AuthorSlugs);
        return command;
    }

    /// <summary>The cut-off of the feed queries, in the stored unit (Unix ms).</summary>
    private long Now() => _clock.GetUtcNow().ToUnixTimeMilliseconds();

    private SqliteConnection Connect()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        // A checkpoint every 64 MB of WAL instead of every 4 MB, and an 8 MB page cache instead of
        // SQLite's 2 MB. A bulk load takes 32 MB (SqliteBulkLoad): a large ingest writes indexes in
        // random order, and with the defaults spent 40% of its store time re-reading pages and
        // checkpointing. Queries keep 8 MB: with 32 MB the version lists of 71 feeds at 100,000
        // articles took 16 ms instead of 28-72, but every pooled connection kept its 32 MB, and
        // two of them were a fifth of a publish's peak memory (docs/performance.md). The cache is
        // set again on every pooled connection.
        Execute(connection, "PRAGMA busy_timeout = 30000; PRAGMA synchronous = NORMAL; PRAGMA cache_size = -8192; PRAGMA wal_autocheckpoint = 16384;");
        return connection;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
