using FeedPublisher.IntegrationTests.Support;

namespace FeedPublisher.IntegrationTests.Cli;

/// <summary>Every file that a publish of the sample articles writes, checked three independent ways.</summary>
public sealed class ValidateCommandTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly string _feeds;
    private readonly string[] _common;

    public ValidateCommandTests()
    {
        _feeds = _temp.Combine("feeds");
        var articles = _temp.Combine("articles");
        RepositoryPaths.CopySampleArticles(articles);
        _common = ["--articles", articles, "--feeds", _feeds, "--store", _temp.Combine("store.db"), "--base-url", "https://news.example.com/feeds/"];
    }

    public void Dispose() => _temp.Dispose();

    [SkippableFact]
    public async Task PublishedDirectory_PassesOurRulesXmllintAndFeedparser()
    {
        FeedParser.SkipUnlessAvailable();
        XmlLint.SkipUnlessAvailable();
        var publish = await FeedPublisherCli.RunAsync(_temp.Path, ["publish", .. _common, "--Feeds:Named:short:Title=Short", "--Feeds:Named:short:FullContent=false"]);
        Assert.True(publish.ExitCode == 0, publish.ToString());

        var validate = await FeedPublisherCli.RunAsync(_temp.Path, ["validate", .. _common]);

        Assert.True(validate.ExitCode == 0, validate.ToString());
        Assert.Contains("all valid", validate.StandardOutput, StringComparison.Ordinal);
        var files = Directory.GetFiles(_feeds, "*", SearchOption.AllDirectories);
        Assert.Contains(files, f => f.EndsWith("categories/science/rss.xml", StringComparison.Ordinal));
        Assert.Contains(files, f => f.EndsWith("authors/tom-hale/atom.xml", StringComparison.Ordinal));
        Assert.Contains(files, f => f.EndsWith("short/feed.json", StringComparison.Ordinal));
        foreach (var file in files.Where(f => f.EndsWith(".xml", StringComparison.Ordinal) || f.EndsWith(".opml", StringComparison.Ordinal)))
        {
            var (exitCode, errors) = XmlLint.Check(file);
            Assert.True(exitCode == 0, $"xmllint {file}: {errors}");
        }

        foreach (var file in files.Where(f => f.EndsWith("rss.xml", StringComparison.Ordinal) || f.EndsWith("atom.xml", StringComparison.Ordinal) || f.EndsWith("feed.json", StringComparison.Ordinal)))
        {
            var feed = FeedParser.Parse(file);
            Assert.True(feed.Bozo == 0, $"feedparser {file}: {feed.BozoException}");
            Assert.NotEmpty(feed.Entries);
            Assert.All(feed.Entries, e =>
            {
                Assert.False(string.IsNullOrEmpty(e.Title));
                Assert.StartsWith("https://", e.Link, StringComparison.Ordinal);
                Assert.StartsWith("urn:uuid:", e.Id, StringComparison.Ordinal);
                Assert.False(string.IsNullOrEmpty(e.Summary));
            });
        }
    }

    [Fact]
    public async Task Validate_BrokenFeed_ReportsFileAndRuleAndExitsOne()
    {
        var publish = await FeedPublisherCli.RunAsync(_temp.Path, ["publish", .. _common]);
        Assert.True(publish.ExitCode == 0, publish.ToString());
        var rss = Path.Combine(_feeds, "rss.xml");
        File.WriteAllText(rss, File.ReadAllText(rss).Replace(" GMT</pubDate>", " Z</pubDate>", StringComparison.Ordinal));
        File.WriteAllText(Path.Combine(_feeds, "atom.xml"), "<feed><unclosed></feed>");

        var validate = await FeedPublisherCli.RunAsync(_temp.Path, ["validate", .. _common]);

        Assert.True(validate.ExitCode == 1, validate.ToString());
        Assert.Contains("rss.xml: <pubDate>", validate.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("atom.xml: does not parse", validate.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("rss.xml.gz: differs from its uncompressed sibling", validate.StandardOutput, StringComparison.Ordinal);
    }
}
