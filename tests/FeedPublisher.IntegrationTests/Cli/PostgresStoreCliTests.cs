using System.Net;
using System.Net.Sockets;
using FeedPublisher.IntegrationTests.Support;

namespace FeedPublisher.IntegrationTests.Cli;

/// <summary>The real executable with <c>--Storage:Provider=Postgres</c>: the same feeds as with SQLite, and clear errors when the database is not there.</summary>
[Collection(SharedPostgresServer.Name)]
public sealed class PostgresStoreCliTests(PostgresServer server) : IAsyncLifetime, IDisposable
{
    private readonly TempFolder _temp = new();
    private PostgresDatabase? _database;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    public void Dispose() => _temp.Dispose();

    [SkippableFact]
    public async Task Publish_Postgres_WritesByteForByteTheFeedsOfSqlite_AlsoAfterAnAddAndARemove()
    {
        _database = await server.CreateDatabaseAsync();
        var articles = _temp.Combine("articles");
        RepositoryPaths.CopySampleArticles(articles);
        string[] sqlite = ["--store", _temp.Combine("store.db"), "--feeds", _temp.Combine("feeds-sqlite")];
        string[] postgres = ["--Storage:Provider=Postgres", $"--Storage:ConnectionString={_database.ConnectionString}", "--feeds", _temp.Combine("feeds-postgres")];

        await PublishBothAsync(articles, sqlite, postgres);
        File.WriteAllText(Path.Combine(articles, "late.md"), "---\\ntitle: Late News\\ndate: 2025-01-02\\ncategories: [World, Science]\\n---\\nAccording to Reuters, it came late.\\n");
        File.Delete(Directory.GetFiles(articles, "*.json").First());
        await PublishBothAsync(articles, sqlite, postgres);

        var expected = FeedFiles(_temp.Combine("feeds-sqlite"));
        var actual = FeedFiles(_temp.Combine("feeds-postgres"));
        Assert.Equal(expected.Keys, actual.Keys);
        Assert.Contains("categories/science/rss.xml", expected.Keys);
        foreach (var (file, bytes) in expected)
        {
            Assert.True(bytes.SequenceEqual(actual[file]), $"{file} differs between the SQLite and the PostgreSQL store");
        }
    }

    [Fact]
    public async Task ConfigShow_ConnectionStringFromTheEnvironment_IsUsedWithItsPasswordRedacted()
    {
        var environment = new Dictionary<string, string> { ["Storage__ConnectionString"] = "Host=db.example.com;Database=feeds;Username=fp;Password='hun;ter2'" };

        var result = await FeedPublisherCli.RunAsync(_temp.Path, environment, "config", "show", "--articles", RepositoryPaths.SampleArticles, "--Storage:Provider=Postgres");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Host=db.example.com", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("Password=***", result.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("hun", result.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("ter2", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_PostgresWithoutConnectionString_ExitCode2NamingTheKey()
    {
        var result = await FeedPublisherCli.RunAsync(_temp.Path, "publish", "--articles", RepositoryPaths.SampleArticles, "--feeds", _temp.Combine("feeds"), "--Storage:Provider=Postgres");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("Storage:ConnectionString:", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_PostgresServerNotListening_ExitCode1NamingTheServerWithoutPasswordOrStackTrace()
    {
        var port = UnusedPort();

        var result = await FeedPublisherCli.RunAsync(_temp.Path, "publish", "--articles", RepositoryPaths.SampleArticles, "--feeds", _temp.Combine("feeds"),
            "--Storage:Provider=Postgres", $"--Storage:ConnectionString=Host=127.0.0.1;Port={port};Database=feeds;Username=fp;Password=hunter2;Timeout=5");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains($"cannot reach PostgreSQL at 127.0.0.1:{port}, database 'feeds', user 'fp'", result.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", result.AllOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.StandardError, StringComparison.Ordinal);
    }

    private async Task PublishBothAsync(string articles, string[] sqlite, string[] postgres)
    {
        foreach (var store in new[] { sqlite, postgres })
        {
            var result = await FeedPublisherCli.RunAsync(_temp.Path, ["publish", "--articles", articles, "--base-url", "https://news.example.com/", .. store]);
            Assert.True(result.ExitCode == 0, result.ToString());
        }
    }

    /// <summary>Every file of a feed directory by relative path, but the lock, which holds a process id.</summary>
    private static Dictionary<string, byte[]> FeedFiles(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(f) != ".fp-lock")
            .ToDictionary(f => Path.GetRelativePath(folder, f).Replace('\\', '/'), File.ReadAllBytes);

    /// <summary>A port nothing listens on: one the system just handed out and took back.</summary>
    private static int UnusedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
