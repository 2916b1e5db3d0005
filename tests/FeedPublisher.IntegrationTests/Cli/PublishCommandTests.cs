using FeedPublisher.IntegrationTests.Support;

namespace FeedPublisher.IntegrationTests.Cli;

/// <summary>The real executable, on real files, read back by an independent parser.</summary>
public sealed class PublishCommandTests : IDisposable
{
    private const string SeedTitle = "Kim Jong Un Says He is Open For Dialogue With Seoul";

    private readonly TempFolder _temp = new();
    private readonly string _articles;
    private readonly string _feeds;

    public PublishCommandTests()
    {
        _articles = _temp.Combine("articles");
        _feeds = _temp.Combine("feeds");
        RepositoryPaths.CopySampleArticles(_articles);
    }

    public void Dispose() => _temp.Dispose();

    private Task<CliResult> PublishAsync(params string[] extra) =>
        FeedPublisherCli.RunAsync(_temp.Path, ["publish", "--articles", _articles, "--feeds", _feeds, "--store", _temp.Combine("state", "store.db"), .. extra]);

    [Fact]
    public async Task Ingest_ThenPublish_IngestStoresWithoutPublishingAndReportsBadFiles()
    {
        File.WriteAllText(Path.Combine(_articles, "empty.txt"), "");

        var ingest = await FeedPublisherCli.RunAsync(_temp.Path, ["ingest", "--articles", _articles, "--feeds", _feeds, "--store", _temp.Combine("state", "store.db")]);

        Assert.True(ingest.ExitCode == 0, ingest.ToString());
        Assert.Contains($"{Directory.GetFiles(_articles).Length - 1} added", ingest.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("empty.txt: skipped: ", ingest.StandardOutput, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_feeds, "rss.xml")));

        var publish = await PublishAsync();

        Assert.True(publish.ExitCode == 0, publish.ToString());
        Assert.Contains(" 0 added", publish.StandardOutput, StringComparison.Ordinal);
        Assert.Contains(SeedTitle, File.ReadAllText(Path.Combine(_feeds, "rss.xml")), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Publish_SampleArticles_FeedparserReadsRssAndAtomWithSeedArticle()
    {
        FeedParser.SkipUnlessAvailable();

        var result = await PublishAsync("--base-url", "https://news.example.com/");

        Assert.True(result.ExitCode == 0, result.ToString());
        foreach (var (file, version) in new[] { ("rss.xml", "rss20"), ("atom.xml", "atom10") })
        {
            var feed = FeedParser.Parse(Path.Combine(_feeds, file));
            Assert.True(feed.Bozo == 0, $"{file}: {feed.BozoException}");
            Assert.Equal(version, feed.Version);
            Assert.Equal(Directory.GetFiles(_articles).Length, feed.Entries.Count);

            var seed = feed.Entries.Single(e => e.Title == SeedTitle);
            // Its page, by the month it was first seen (it gives no date) and its file name.
            Assert.Matches("^https://news.example.com/[0-9]{4}/[0-9]{2}/000-f54e15e33b7f0285/$", seed.Link);
            Assert.StartsWith("urn:uuid:", seed.Id, StringComparison.Ordinal);
            Assert.StartsWith("In an article by CNBC, the North Korean leader has reiterated their strong stance", seed.Summary, StringComparison.Ordinal);
            Assert.Equal(["https://www.cnbc.com/", "https://www.reuters.com/", "https://www.bloomberg.com/"], seed.Related.Select(l => l.Href));
            Assert.Equal(["CNBC", "Reuters", "Bloomberg"], seed.Related.Select(l => l.Title));
            var content = Assert.Single(seed.Content);
            Assert.Contains("<a href=\"https://www.reuters.com/\">Reuters</a>", content, StringComparison.Ordinal);
            foreach (var entry in feed.Entries)
            {
                foreach (var junk in new[] { "Share this", "More from", "Follow us", "Subscribe", "Advertisement", "Related:", "Read more" })
                {
                    Assert.DoesNotContain(junk, entry.Summary, StringComparison.Ordinal);
                    Assert.DoesNotContain(junk, entry.Content[0], StringComparison.Ordinal);
                }

                Assert.NotEmpty(entry.Related);
            }
        }
    }

    [Fact]
    public async Task Publish_TwiceWithNothingChanged_LeavesEveryFeedFileUntouched()
    {
        var first = await PublishAsync();
        Assert.True(first.ExitCode == 0, first.ToString());
        var before = Snapshot();
        await Task.Delay(50);

        var second = await PublishAsync();

        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Contains($"{Directory.GetFiles(_articles).Length} unchanged", second.StandardOutput, StringComparison.Ordinal);
        var after = Snapshot();
        Assert.Equal(before.Keys, after.Keys);
        foreach (var (file, (bytes, mtime)) in before)
        {
            Assert.Equal(bytes, after[file].Bytes);
            Assert.Equal(mtime, after[file].Mtime);
        }
    }

    [Fact]
    public async Task Publish_BadArticles_ReportsEachWithFileAndReasonAndPublishesTheRest()
    {
        File.WriteAllBytes(Path.Combine(_articles, "empty.txt"), []);
        var garbage = new byte[2048];
        new Random(7).NextBytes(garbage);
        File.WriteAllBytes(Path.Combine(_articles, "garbage.txt"), garbage);
        File.WriteAllBytes(Path.Combine(_articles, "latin1.txt"), [.. "Caf"u8, 0xE9, .. " Prices Rise\n\nAccording to Reuters, coffee got dearer.\n"u8]);
        File.WriteAllText(Path.Combine(_articles, "title-only.txt"), "Just A Title\n\n\n");

        var result = await PublishAsync();

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("empty.txt: skipped: the file is empty", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("garbage.txt: skipped: binary content", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("title-only.txt: skipped: it has a title but no body text", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("latin1.txt: warning: not valid UTF-8 (first bad byte at offset 3); read as Windows-1252", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("garbage.txt", result.StandardError, StringComparison.Ordinal);
        var rss = File.ReadAllText(Path.Combine(_feeds, "rss.xml"));
        Assert.Contains(SeedTitle, rss, StringComparison.Ordinal);
        Assert.Contains("Café Prices Rise", rss, StringComparison.Ordinal);
        Assert.DoesNotContain("Just A Title", rss, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--base-url=not-a-url", "Site:BaseUrl")]
    [InlineData("--Feeds:MaxItems=abc", "Feeds:MaxItems")]
    [InlineData("--Feeds:MaxItem=3", "MaxItem")]
    [InlineData("--Schedule:Publish=every minute", "Schedule:Publish")]
    [InlineData("--Site:Language=english!", "Site:Language")]
    [InlineData("--Storage:Provider=Oracle", "Storage:Provider")]
    [InlineData("--Outlets:Daily Planet=ftp://x", "Outlets:Daily Planet")]
    public async Task Publish_BadConfiguration_ExitsWithTwoNamingTheKey(string option, string key)
    {
        var result = await PublishAsync(option);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains(key, result.StandardError, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_feeds, "rss.xml")));
    }

    [Fact]
    public async Task Publish_MissingArticlesFolder_ExitsWithTwoNamingTheKey()
    {
        var result = await FeedPublisherCli.RunAsync(_temp.Path, "publish", "--articles", _temp.Combine("nowhere"), "--feeds", _feeds);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("Articles:Directory", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_UnknownOption_ExitsWithTwo()
    {
        var result = await PublishAsync("--no-such-option");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("--no-such-option", result.StandardError, StringComparison.Ordinal);
    }

    private Dictionary<string, (byte[] Bytes, DateTime Mtime)> Snapshot() =>
        Directory.EnumerateFiles(_feeds, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(_feeds, f), f => (File.ReadAllBytes(f), File.GetLastWriteTimeUtc(f)));
}
