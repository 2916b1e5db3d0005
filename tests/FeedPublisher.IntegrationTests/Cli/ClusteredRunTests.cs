using FeedPublisher.IntegrationTests.Support;

namespace FeedPublisher.IntegrationTests.Cli;

/// <summary>Schedule:Clustered at the edges: refused without PostgreSQL, and when off, Quartz stays in memory as before.</summary>
[Collection(SharedPostgresServer.Name)]
public sealed class ClusteredRunTests(PostgresServer server) : IAsyncLifetime, IDisposable
{
    private readonly TempFolder _temp = new();
    private PostgresDatabase? _database;

    private string Feeds => _temp.Combine("feeds");

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Run_ClusteredOnSqlite_ExitCode2NamingBothKeys()
    {
        var result = await FeedPublisherCli.RunAsync(_temp.Path, "run", "--articles", RepositoryPaths.SampleArticles, "--feeds", Feeds,
            "--store", _temp.Combine("store.db"), "--Schedule:Clustered=true");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("Schedule:Clustered:", result.StandardError, StringComparison.Ordinal);
        Assert.Contains("Storage:Provider=Postgres", result.StandardError, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Run_PostgresNotClustered_KeepsTheScheduleInMemory()
    {
        _database = await server.CreateDatabaseAsync();
        await using (var service = await RunningService.StartAsync(_temp.Path, "run", "--articles", RepositoryPaths.SampleArticles, "--feeds", Feeds,
            "--Storage:Provider=Postgres", $"--Storage:ConnectionString={_database.ConnectionString}"))
        {
            Assert.Equal(0, await service.StopAsync());
        }

        Assert.Equal(0L, await _database.ScalarAsync("SELECT count(*) FROM information_schema.tables WHERE table_name LIKE 'qrtz%'"));
    }
}
