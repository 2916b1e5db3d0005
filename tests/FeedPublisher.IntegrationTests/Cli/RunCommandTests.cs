using System.Diagnostics;
using FeedPublisher.IntegrationTests.Support;

namespace FeedPublisher.IntegrationTests.Cli;

/// <summary>The service: Quartz publishes at start and on schedule, the watcher publishes soon after changes, SIGTERM stops it cleanly.</summary>
public sealed class RunCommandTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly TempFolder _temp = new();
    private readonly string _articles;
    private readonly string _feeds;

    public RunCommandTests()
    {
        _articles = _temp.Combine("articles");
        _feeds = _temp.Combine("feeds");
        RepositoryPaths.CopySampleArticles(_articles);
    }

    public void Dispose() => _temp.Dispose();

    private Task<RunningService> StartAsync(params string[] extra) =>
        RunningService.StartAsync(_temp.Path, "run", ["--articles", _articles, "--feeds", _feeds, "--store", _temp.Combine("store.db"), .. extra]);

    [Fact]
    public async Task Run_PublishesAtStartAndOnScheduleThenStopsOnSigterm()
    {
        await using var service = await StartAsync("--Schedule:Publish=* * * * * ?", "--Schedule:WatchArticles=false");
        var rss = Path.Combine(_feeds, "rss.xml");
        Assert.True(File.Exists(rss));

        File.WriteAllText(Path.Combine(_articles, "late.txt"), "A Late Story\n\nAccording to Reuters, it arrived after the start.\n");
        await WaitUntil(() => File.ReadAllText(rss).Contains("A Late Story", StringComparison.Ordinal), "a scheduled publish");

        Assert.Equal(0, await service.StopAsync());
        Assert.Contains("Published in", service.Log, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFiles(_feeds, ".fp-tmp-*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Run_FileDroppedIn_PublishedWithinTwoSecondsByTheWatcher()
    {
        // A schedule that never fires while the test runs: only the watcher can publish.
        await using var service = await StartAsync("--Schedule:Publish=0 0 0 1 1 ? 2099");
        var rss = Path.Combine(_feeds, "rss.xml");

        var clock = Stopwatch.StartNew();
        File.WriteAllText(Path.Combine(_articles, "fresh.txt"), "A Fresh Story\n\nThe BBC reported it a moment ago.\n");
        await WaitUntil(() => File.ReadAllText(rss).Contains("A Fresh Story", StringComparison.Ordinal), "the watcher's publish");

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2.5), $"published {clock.Elapsed.TotalMilliseconds:F0} ms after the change");
    }

    [Fact]
    public async Task Run_ThousandFilesCopiedIn_CoalescedIntoAHandfulOfPublishes()
    {
        await using var service = await StartAsync("--Schedule:Publish=0 0 0 1 1 ? 2099");
        var before = CountPublishes(service.Log);

        for (var i = 0; i < 1000; i++)
        {
            File.WriteAllText(Path.Combine(_articles, $"bulk-{i:D4}.txt"), $"Bulk Story {i}\n\nAccording to Reuters, number {i}.\n");
        }

        await WaitUntil(() => service.Log.Contains("1008 articles in store", StringComparison.Ordinal), "every bulk file to be published");
        await Task.Delay(2000);
        var publishes = CountPublishes(service.Log) - before;
        Assert.InRange(publishes, 1, 6);
    }

    [Fact]
    public async Task Run_SigtermDuringAPublish_FinishesItAndExitsZero()
    {
        await using var service = await StartAsync("--Schedule:Publish=0 0 0 1 1 ? 2099");
        for (var i = 0; i < 1500; i++)
        {
            File.WriteAllText(Path.Combine(_articles, $"many-{i:D4}.txt"), $"Story {i}\n\nBody {i}.\n");
        }

        await WaitUntil(() => service.Log.Contains("Article files changed", StringComparison.Ordinal), "the watcher to start a publish");
        var exit = await service.StopAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(0, exit);
        var log = service.Log;
        Assert.True(log.LastIndexOf("Published in", StringComparison.Ordinal) > log.IndexOf("Article files changed", StringComparison.Ordinal),
            $"the publish under way when SIGTERM came did not finish:\n{log}");
        Assert.Empty(Directory.EnumerateFiles(_feeds, ".fp-tmp-*", SearchOption.AllDirectories));
        Assert.False(File.Exists(Path.Combine(_feeds, ".fp-staging", "journal.json")));
        var validate = await FeedPublisherCli.RunAsync(_temp.Path, "validate", "--articles", _articles, "--feeds", _feeds, "--base-url", service.BaseUrl.AbsoluteUri);
        Assert.True(validate.ExitCode == 0, validate.ToString());
    }

    private static int CountPublishes(string log) => log.Split('\n').Count(l => l.Contains("Published in", StringComparison.Ordinal));

    private static async Task WaitUntil(Func<bool> condition, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(clock.Elapsed < Patience, $"timed out after {Patience.TotalSeconds} s waiting for {what}");
            await Task.Delay(50);
        }
    }
}
