using FeedPublisher.IntegrationTests.Support;

namespace FeedPublisher.IntegrationTests.Cli;

/// <summary>index.html as a person sees it, rendered by a real browser (the page has no script to run).</summary>
public sealed class IndexPageTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [SkippableFact]
    public async Task IndexPage_RenderedInChromium_ShowsFeedsLatestArticlesAndSources()
    {
        Chromium.SkipUnlessAvailable();
        var articles = _temp.Combine("articles");
        var feeds = _temp.Combine("feeds");
        RepositoryPaths.CopySampleArticles(articles);
        var publish = await FeedPublisherCli.RunAsync(_temp.Path, "publish", "--articles", articles, "--feeds", feeds, "--store", _temp.Combine("store.db"));
        Assert.True(publish.ExitCode == 0, publish.ToString());
        var page = new Uri(Path.Combine(feeds, "index.html")).AbsoluteUri;

        var dom = await Chromium.RunAsync(_temp.Combine("profile-dom"), page, "--dump-dom");
        var screenshot = _temp.Combine("index.png");
        await Chromium.RunAsync(_temp.Combine("profile-shot"), page, "--window-size=1100,1600", $"--screenshot={screenshot}");

        Assert.Contains("<link rel=\"alternate\" type=\"application/rss+xml\"", dom, StringComparison.Ordinal);
        Assert.Contains("Kim Jong Un Says He is Open For Dialogue With Seoul", dom, StringComparison.Ordinal);
        Assert.Contains("href=\"https://www.reuters.com/\">Reuters</a>", dom, StringComparison.Ordinal);
        Assert.Contains("http://127.0.0.1:8080/categories/science/rss.xml", dom, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", dom, StringComparison.OrdinalIgnoreCase);
        var png = File.ReadAllBytes(screenshot);
        Assert.True(png.AsSpan().StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G']), "not a PNG");
        Assert.True(png.Length > 20_000, $"a {png.Length}-byte screenshot is too small to show the page");
    }
}
