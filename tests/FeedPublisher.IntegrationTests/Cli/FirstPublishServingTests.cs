using System.Diagnostics;
using System.Net;
using System.Text.Json;
using FeedPublisher.IntegrationTests.Support;

namespace FeedPublisher.IntegrationTests.Cli;

/// <summary>
/// The built-in server in the moments before <c>run</c>'s first publish has finished (issue 17):
/// a feed that is not written yet is 503 with Retry-After, not a 404 that tells aggregators it is
/// gone; /healthz says "starting". The first publish is held back by taking the feed directory's
/// lock, as a second publisher would, so the moment lasts as long as the test needs.
/// </summary>
public sealed class FirstPublishServingTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly string _articles;
    private readonly string _feeds;

    public FirstPublishServingTests()
    {
        _articles = _temp.Combine("articles");
        _feeds = _temp.Combine("feeds");
        RepositoryPaths.CopySampleArticles(_articles);
        Directory.CreateDirectory(_feeds);
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Run_BeforeTheFirstPublish_Answers503WithRetryAfterThenServesTheFeeds()
    {
        using var held = new FileStream(Path.Combine(_feeds, ".fp-lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        await using var service = await RunningService.StartListeningAsync(_temp.Path, "run", withBaseUrl: true,
            "--articles", _articles, "--feeds", _feeds, "--store", _temp.Combine("store.db"), "--Schedule:WatchArticles=false");

        Assert.Equal("starting", await HealthStatusAsync(service));
        foreach (var path in new[] { "rss.xml", "", "categories/science/atom.xml" })
        {
            using var response = await service.Http.GetAsync(new Uri(service.BaseUrl, path));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(5), response.Headers.RetryAfter?.Delta);
            Assert.True(response.Headers.CacheControl?.NoStore, "a 503 of the start must not be cached");
            Assert.Contains("first publish has not finished", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using var head = await service.Http.SendAsync(new HttpRequestMessage(HttpMethod.Head, new Uri(service.BaseUrl, "rss.xml")));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, head.StatusCode);

        // The lock is let go: the first publish runs, and everything is normal after it.
        held.Dispose();
        await WaitForAsync(async () => await HealthStatusAsync(service) == "ok", service, "the first publish");

        using var rss = await service.Http.GetAsync(new Uri(service.BaseUrl, "rss.xml"));
        Assert.Equal(HttpStatusCode.OK, rss.StatusCode);
        Assert.Null(rss.Headers.RetryAfter);
        using var missing = await service.Http.GetAsync(new Uri(service.BaseUrl, "no-such-feed.xml"));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Run_RestartedOnAPublishedDirectory_ServesItsFilesAndGives404sMeanwhile()
    {
        var publish = await FeedPublisherCli.RunAsync(_temp.Path, "publish", "--articles", _articles, "--feeds", _feeds, "--store", _temp.Combine("store.db"));
        Assert.True(publish.ExitCode == 0, publish.ToString());

        using (new FileStream(Path.Combine(_feeds, ".fp-lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None))
        {
            await using var service = await RunningService.StartListeningAsync(_temp.Path, "run", withBaseUrl: true,
                "--articles", _articles, "--feeds", _feeds, "--store", _temp.Combine("store.db"), "--Schedule:WatchArticles=false");

            // The last publish's files are whole: better served than refused while this one waits.
            Assert.Equal("starting", await HealthStatusAsync(service));
            using var rss = await service.Http.GetAsync(new Uri(service.BaseUrl, "rss.xml"));
            Assert.Equal(HttpStatusCode.OK, rss.StatusCode);
            using var missing = await service.Http.GetAsync(new Uri(service.BaseUrl, "no-such-feed.xml"));
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        }
    }

    [Fact]
    public async Task Serve_OnAnEmptyDirectory_Gives404s()
    {
        // serve publishes nothing, so there is no first publish to wait for.
        await using var service = await RunningService.StartAsync(_temp.Path, "serve", "--feeds", _feeds);

        using var rss = await service.Http.GetAsync(new Uri(service.BaseUrl, "rss.xml"));

        Assert.Equal(HttpStatusCode.NotFound, rss.StatusCode);
        Assert.Equal("serving", await HealthStatusAsync(service));
    }

    private static async Task<string?> HealthStatusAsync(RunningService service)
    {
        using var health = JsonDocument.Parse(await service.Http.GetStringAsync(new Uri(service.BaseUrl, "healthz")));
        return health.RootElement.GetProperty("status").GetString();
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition, RunningService service, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"waited 60 s for {what}:\n{service.Log}");
            await Task.Delay(100);
        }
    }
}
