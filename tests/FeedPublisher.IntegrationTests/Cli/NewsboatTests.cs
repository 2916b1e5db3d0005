using System.Diagnostics;
using FeedPublisher.IntegrationTests.Support;

namespace FeedPublisher.IntegrationTests.Cli;

/// <summary>A real feed reader subscribed to the running service, end to end.</summary>
public sealed class NewsboatTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [SkippableFact]
    public async Task Newsboat_SubscribesSeesANewArticleAndGets304WhenNothingChanged()
    {
        Newsboat.SkipUnlessAvailable();
        var articles = _temp.Combine("articles");
        RepositoryPaths.CopySampleArticles(articles);
        await using var service = await RunningService.StartAsync(_temp.Path, "run",
            "--articles", articles, "--feeds", _temp.Combine("feeds"), "--store", _temp.Combine("store.db"), "--Schedule:Publish=0 0 0 1 1 ? 2099");
        var reader = new Newsboat(_temp.Combine("newsboat"), new Uri(service.BaseUrl, "rss.xml"));
        var samples = Directory.GetFiles(articles).Length;

        Assert.Equal($"{samples} unread articles", await reader.ReloadAsync());
        Assert.Contains("Kim Jong Un Says He is Open For Dialogue With Seoul", reader.Titles());

        // newsboat 2.21 sends its stored ETag only from the third reload on (newsboat issue #2734).
        await reader.ReloadAsync();
        var before = Count304(service.Log);
        Assert.Equal($"{samples} unread articles", await reader.ReloadAsync());
        Assert.Equal(before + 1, Count304(service.Log));

        File.WriteAllText(Path.Combine(articles, "breaking.txt"), "Breaking: Newsboat Sees This Story\n\nAccording to Reuters, the reader picked it up.\n");
        var clock = Stopwatch.StartNew();
        while (!(await service.Http.GetStringAsync(new Uri(service.BaseUrl, "rss.xml"))).Contains("Newsboat Sees This Story", StringComparison.Ordinal))
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), "the new article was not published");
            await Task.Delay(100);
        }

        Assert.Equal($"{samples + 1} unread articles", await reader.ReloadAsync());
        Assert.Contains("Breaking: Newsboat Sees This Story", reader.Titles());
        Assert.Equal(0, await service.StopAsync());
    }

    private static int Count304(string log) => log.Split('\n').Count(l => l.Contains("GET /rss.xml 304", StringComparison.Ordinal));
}
