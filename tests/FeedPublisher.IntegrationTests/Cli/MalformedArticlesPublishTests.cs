using System.Diagnostics;
using FeedPublisher.Core.Tests.Support;
using FeedPublisher.IntegrationTests.Support;

namespace FeedPublisher.IntegrationTests.Cli;

/// <summary>Issue 14, end to end: a folder full of hostile files still publishes its good articles, and names every file it skipped.</summary>
public sealed class MalformedArticlesPublishTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Publish_MalformedCorpusBesideGoodArticles_GoodArticlesPublishedAndBadFilesNamed()
    {
        var articles = _temp.Combine("articles");
        RepositoryPaths.CopySampleArticles(articles);
        var good = Directory.GetFiles(articles).Length;
        foreach (var (name, bytes) in MalformedArticles.All)
        {
            File.WriteAllBytes(Path.Combine(articles, name), bytes);
        }

        var stopwatch = Stopwatch.StartNew();
        // Three of the corpus's 5 MB files are fine articles: a feed must have room for them beside the good ones.
        var result = await FeedPublisherCli.RunAsync(_temp.Path, new Dictionary<string, string> { ["Feeds__MaxBytes"] = "100000000" },
            ["publish", "--articles", articles, "--feeds", _temp.Combine("feeds"), "--store", _temp.Combine("state", "store.db")]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(60), $"publish took {stopwatch.Elapsed}");
        var rss = File.ReadAllText(_temp.Combine("feeds", "rss.xml"));
        foreach (var title in new[] { "Kim Jong Un Says He is Open For Dialogue With Seoul", "Scientists Have Now Mapped a Quarter of the Ocean Floor", "Rail Workers Call Off Planned Strike After Late Deal", "Wheat Prices Climb After Drought Cuts Harvest Forecasts" })
        {
            Assert.Contains(title, rss, StringComparison.Ordinal); // one of each format
        }

        foreach (var name in new[] { "yaml-alias-bomb.md", "md-links.md", "json-title-number.json", "json-deep.json", "html-many-elements.html", "binary.txt", "txt-many-lines.txt" })
        {
            Assert.Contains($"{name}: skipped: ", result.StandardOutput, StringComparison.Ordinal);
        }

        Assert.Contains("<title>Deep div</title>", rss, StringComparison.Ordinal); // flattened, and published
        Assert.DoesNotContain("could not be read (", result.StandardOutput, StringComparison.Ordinal);
        Assert.True(rss.Split("<item>").Length - 1 >= good, $"{rss.Split("<item>").Length - 1} items");
    }
}
