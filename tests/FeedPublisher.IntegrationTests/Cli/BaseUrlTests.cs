using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using FeedPublisher.IntegrationTests.Support;

namespace FeedPublisher.IntegrationTests.Cli;

/// <summary>
/// Site:BaseUrl left unset follows the built-in server's first address (issue 17): the links in
/// the feeds point at the server that serves them, on its port, under the host name it listens on.
/// </summary>
public sealed class BaseUrlTests : IDisposable
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    private readonly TempFolder _temp = new();
    private readonly string _articles;
    private readonly string _feeds;

    public BaseUrlTests()
    {
        _articles = _temp.Combine("articles");
        _feeds = _temp.Combine("feeds");
        RepositoryPaths.CopySampleArticles(_articles);
    }

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("http://127.0.0.1:8080/", "http://127.0.0.1:8080")]
    [InlineData("http://127.0.0.1:5080/", "http://127.0.0.1:5080", "--Serve:Urls=http://127.0.0.1:5080")]
    [InlineData("http://localhost:9000/", "http://localhost:9000", "--Serve:Urls=http://localhost:9000")]
    [InlineData("http://localhost:9000/", "http://0.0.0.0:9000;http://127.0.0.1:9001", "--Serve:Urls=http://0.0.0.0:9000;http://127.0.0.1:9001")]
    [InlineData("http://localhost:9000/", "http://[::]:9000", "--Serve:Urls=http://[::]:9000")]
    [InlineData("https://feeds.example.com:8443/", "https://feeds.example.com:8443", "--Serve:Urls=https://feeds.example.com:8443")]
    [InlineData("https://news.example.com/feeds/", "http://127.0.0.1:5080", "--Serve:Urls=http://127.0.0.1:5080", "--base-url", "https://news.example.com/feeds/")]
    public async Task ConfigShow_BaseUrlUnset_FollowsTheFirstServerUrl(string baseUrl, string serveUrls, params string[] args)
    {
        var result = await FeedPublisherCli.RunAsync(_temp.Path, ["config", "show", "--articles", _articles, "--feeds", _feeds, .. args]);

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.StandardOutput);
        Assert.Equal(baseUrl, json.RootElement.GetProperty("Site").GetProperty("BaseUrl").GetString());
        Assert.Equal(serveUrls, json.RootElement.GetProperty("Serve").GetProperty("Urls").GetString());
    }

    [Fact]
    public async Task Publish_OnlyThePortChanged_MovesEveryLinkToTheNewPort()
    {
        var first = await PublishAsync("--Serve:Urls=http://127.0.0.1:5080");
        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.StartsWith("http://127.0.0.1:5080/", SelfLink("rss.xml"), StringComparison.Ordinal);

        var moved = await PublishAsync("--Serve:Urls=http://127.0.0.1:5081");

        Assert.True(moved.ExitCode == 0, moved.ToString());
        var rss = File.ReadAllText(Path.Combine(_feeds, "rss.xml"));
        Assert.Equal("http://127.0.0.1:5081/rss.xml", SelfLink("rss.xml"));
        Assert.DoesNotContain(":5080", rss, StringComparison.Ordinal);
        Assert.DoesNotContain(":5080", File.ReadAllText(Path.Combine(_feeds, "feeds.opml")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_BaseUrlUnset_EveryFeedTheOpmlListsAnswersAtItsOwnUrl()
    {
        await using var service = await RunningService.StartListeningAsync(_temp.Path, "run", withBaseUrl: false,
            "--articles", _articles, "--feeds", _feeds, "--store", _temp.Combine("store.db"), "--Schedule:WatchArticles=false");
        await WaitForFirstPublishAsync(service);

        Assert.Equal(new Uri(service.BaseUrl, "rss.xml").AbsoluteUri, SelfLink("rss.xml"));
        var opml = XDocument.Load(Path.Combine(_feeds, "feeds.opml"));
        var feedUrls = opml.Descendants("outline").Select(o => (string?)o.Attribute("xmlUrl")).OfType<string>().ToList();
        Assert.NotEmpty(feedUrls);
        foreach (var url in feedUrls)
        {
            Assert.StartsWith(service.BaseUrl.AbsoluteUri, url, StringComparison.Ordinal);
            using var response = await service.Http.GetAsync(new Uri(url));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode}");
        }
    }

    private Task<CliResult> PublishAsync(params string[] args) =>
        FeedPublisherCli.RunAsync(_temp.Path, ["publish", "--articles", _articles, "--feeds", _feeds, "--store", _temp.Combine("store.db"), .. args]);

    private string SelfLink(string feed) =>
        XDocument.Load(Path.Combine(_feeds, feed)).Descendants(Atom + "link").First(l => (string?)l.Attribute("rel") == "self").Attribute("href")!.Value;

    private static async Task WaitForFirstPublishAsync(RunningService service)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!(await service.Http.GetStringAsync(new Uri(service.BaseUrl, "healthz"))).Contains("\"result\":\"ok\"", StringComparison.Ordinal))
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"no first publish within 60 s:\n{service.Log}");
            await Task.Delay(100);
        }
    }
}
