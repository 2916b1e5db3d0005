using FeedPublisher.Core.Storing;
using FeedPublisher.IntegrationTests.Support;
using FeedPublisher.Storage;
using FeedPublisher.Storage.Postgres;
using Npgsql;

namespace FeedPublisher.IntegrationTests.Storage;

/// <summary>The PostgreSQL store on a real server, a fresh database per test: the store contract, and its own migrations.</summary>
[Collection(SharedPostgresServer.Name)]
public sealed class PostgresArticleStoreTests(PostgresServer server) : ArticleStoreContract
{
    private readonly List<PostgresArticleStore> _opened = [];
    private PostgresDatabase? _database;

    protected override async Task<IArticleStore> OpenAsync(string? derivation = null, TimeProvider? clock = null) => Open(await DatabaseAsync(), derivation, clock);

    public override async Task DisposeAsync()
    {
        foreach (var store in _opened)
        {
            await store.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    [SkippableFact]
    public async Task Open_NewDatabase_RecordsEachMigrationOnce()
    {
        var database = await DatabaseAsync();

        Open(database);
        Open(database);

        Assert.Equal(MigrationFiles, await VersionsAsync(database));
    }

    [SkippableFact]
    public async Task Open_SchemaNewerThanProgram_FailsWithClearMessage()
    {
        var database = await DatabaseAsync();
        Open(database);
        await database.ScalarAsync("INSERT INTO schema_migrations (version) VALUES (999)");

        var e = Assert.Throws<InvalidOperationException>(() => Open(database));

        Assert.Contains("schema version 999 is newer than this program knows", e.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Open_SeveralProcessesAtOnce_MigrateOnceAndAllOpen()
    {
        var database = await DatabaseAsync();
        using var start = new Barrier(4);

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            start.SignalAndWait();
            return Open(database);
        })));

        Assert.Equal(MigrationFiles, await VersionsAsync(database));
    }

    [SkippableFact]
    public async Task Open_WhileAnotherProcessMigrates_WaitsForIt()
    {
        var database = await DatabaseAsync();
        await using var other = await database.ConnectAsync();
        await using (var lockIt = new NpgsqlCommand($"SELECT pg_advisory_lock({PostgresLocks.Schema})", other))
        {
            await lockIt.ExecuteNonQueryAsync();
        }

        var opening = Task.Run(() => Open(database));
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.False(opening.IsCompleted, "Open did not wait for the schema lock");
        Assert.False(await TableExistsAsync(database, "articles"));

        await using (var unlock = new NpgsqlCommand($"SELECT pg_advisory_unlock({PostgresLocks.Schema})", other))
        {
            await unlock.ExecuteNonQueryAsync();
        }

        await opening.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(await TableExistsAsync(database, "articles"));
    }

    [SkippableFact]
    public async Task Open_DatabaseThatDoesNotExist_NamesServerAndDatabaseButNoPassword()
    {
        var database = await DatabaseAsync();
        var missing = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Database = "no_such_db", Password = "hunter2" };

        var e = Assert.Throws<StoreUnavailableException>(() => PostgresArticleStore.Open(missing.ConnectionString));

        Assert.Contains($"127.0.0.1:{server.Port}", e.Message, StringComparison.Ordinal);
        Assert.Contains("database 'no_such_db'", e.Message, StringComparison.Ordinal);
        Assert.Contains("does not exist", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", e.Message, StringComparison.Ordinal);
    }

    private static IReadOnlyList<int> MigrationFiles =>
        Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "src/FeedPublisher.Storage/Postgres/Migrations"), "*.sql")
            .Select(f => int.Parse(Path.GetFileName(f).AsSpan(0, 3), System.Globalization.CultureInfo.InvariantCulture))
            .Order()
            .ToList();

    private async Task<PostgresDatabase> DatabaseAsync() => _database ??= await server.CreateDatabaseAsync();

    private PostgresArticleStore Open(PostgresDatabase database, string? derivation = null, TimeProvider? clock = null)
    {
        var store = PostgresArticleStore.Open(database.ConnectionString, derivation, clock);
        lock (_opened)
        {
            _opened.Add(store);
        }

        return store;
    }

    private static Task<List<int>> VersionsAsync(PostgresDatabase database) =>
        database.ColumnAsync<int>("SELECT version FROM schema_migrations ORDER BY version");

    private static async Task<bool> TableExistsAsync(PostgresDatabase database, string table) =>
        (bool)(await database.ScalarAsync($"SELECT to_regclass('{table}') IS NOT NULL"))!;
}
