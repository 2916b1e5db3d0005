using System.Globalization;
using FeedPublisher.IntegrationTests.Support;

namespace FeedPublisher.IntegrationTests.Cli;

/// <summary>
/// Issue 16's must-show: with the cron schedule set to once a year, a post dated 30 seconds ahead
/// appears in the feeds within seconds of its time, and one expiring then leaves them: the real
/// <c>run</c>, woken by the one-shot trigger each publish sets for the next due instant, in
/// Quartz's memory and in the clustered job store.
/// </summary>
[Collection(SharedPostgresServer.Name)]
public sealed class ScheduledArticleRunTests(PostgresServer server) : IAsyncLifetime, IDisposable
{
    /// <summary>How late after its time a change may reach rss.xml: a trigger, a publish of two articles, polling.</summary>
    private static readonly TimeSpan Slack = TimeSpan.FromSeconds(10);

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

    [Fact]
    public async Task Run_OnceAYearSchedule_PostScheduled30SecondsAheadAppearsAndExpiringOneLeavesOnTime()
    {
        await ScheduledPostsOnTimeAsync("--store", _temp.Combine("store.db"));
    }

    [SkippableFact]
    public async Task Run_ClusteredOnceAYearSchedule_PostScheduled30SecondsAheadAppearsAndExpiringOneLeavesOnTime()
    {
        _database = await server.CreateDatabaseAsync();

        await ScheduledPostsOnTimeAsync("--Storage:Provider=Postgres", $"--Storage:ConnectionString={_database.ConnectionString}", "--Schedule:Clustered=true");
    }

    private async Task ScheduledPostsOnTimeAsync(params string[] store)
    {
        var articles = _temp.CreateFolder("articles");
        var feeds = _temp.Combine("feeds");
        File.WriteAllText(Path.Combine(articles, "standing.md"), "---\ntitle: A Standing Story\n---\nThe BBC reported it long ago.\n");
        await using var service = await RunningService.StartAsync(_temp.Path, "run", ["--articles", articles, "--feeds", feeds, .. store, "--Schedule:Publish=0 0 0 1 1 ?"]);
        var rss = Path.Combine(feeds, "rss.xml");

        var publishAt = Second(DateTimeOffset.UtcNow.AddSeconds(30));
        var expiresAt = publishAt.AddSeconds(10);
        File.WriteAllText(Path.Combine(articles, "expiring.md"), $"---\ntitle: A Story That Expires\nexpiryDate: {Stamp(expiresAt)}\n---\nAccording to Reuters, it is news for a while.\n");
        File.WriteAllText(Path.Combine(articles, "scheduled.md"), $"---\ntitle: A Story Scheduled Ahead\ndate: {Stamp(publishAt)}\n---\nThe Guardian will report it.\n");
        // The watcher's publish stores both, shows the one not yet expired, and announces the time of the other.
        await WaitUntil(() => service.Log.Contains($"Next scheduled article at {publishAt.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z", StringComparison.Ordinal), TimeSpan.FromSeconds(20), "the scheduled post to be stored");
        var before = File.ReadAllText(rss);
        Assert.Contains("A Story That Expires", before, StringComparison.Ordinal);
        Assert.DoesNotContain("A Story Scheduled Ahead", before, StringComparison.Ordinal);
        if (_database is not null)
        {
            Assert.Equal(1L, await _database.ScalarAsync("SELECT count(*) FROM qrtz_triggers WHERE trigger_name = 'publish-when-due'"));
        }

        var appeared = await WaitUntil(() => File.ReadAllText(rss).Contains("A Story Scheduled Ahead", StringComparison.Ordinal), publishAt + Slack - DateTimeOffset.UtcNow, "the scheduled post to appear");
        var left = await WaitUntil(() => !File.ReadAllText(rss).Contains("A Story That Expires", StringComparison.Ordinal), expiresAt + Slack - DateTimeOffset.UtcNow, "the expiring post to leave");

        Assert.InRange(appeared, publishAt, publishAt + Slack);
        Assert.InRange(left, expiresAt, expiresAt + Slack);
        Assert.Contains("A Standing Story", File.ReadAllText(rss), StringComparison.Ordinal);
        Assert.Equal(0, await service.StopAsync());
    }

    private static DateTimeOffset Second(DateTimeOffset at) => new(at.Ticks - at.Ticks % TimeSpan.TicksPerSecond, TimeSpan.Zero);

    private static string Stamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Polls every 100 ms; the time the condition was first seen true.</summary>
    private static async Task<DateTimeOffset> WaitUntil(Func<bool> condition, TimeSpan limit, string what)
    {
        var deadline = DateTimeOffset.UtcNow + limit;
        while (!condition())
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, $"timed out waiting for {what}");
            await Task.Delay(100);
        }

        return DateTimeOffset.UtcNow;
    }
}
