using FeedPublisher.IntegrationTests.Support;

namespace FeedPublisher.IntegrationTests.Cli;

/// <summary>Issue 16: a key no reader knows is one warning line per key for the whole publish, with the key it most likely meant.</summary>
public sealed class UnknownArticleKeysPublishTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Publish_TypoInTwoFilesAndHugoWeight_OneLineForTheTypoNothingForWeight()
    {
        var posts = _temp.CreateFolder(Path.Combine("articles", "posts"));
        File.WriteAllText(Path.Combine(posts, "a.md"), "---\ntitle: Alpha\npublish_date: 2026-03-01\n---\nAlpha body.\n");
        File.WriteAllText(Path.Combine(posts, "b.md"), "---\ntitle: Beta\npublish_date: 2026-03-02\n---\nBeta body.\n");
        File.WriteAllText(Path.Combine(posts, "c.md"), "---\ntitle: Gamma\nweight: 10\n---\nGamma body.\n");
        // Keys are read ignoring case, as Hugo (which lowercases them) writes them: this is pubDate, not a typo.
        File.WriteAllText(Path.Combine(posts, "d.md"), "---\ntitle: Delta\npubdate: 2026-03-04T09:00:00Z\n---\nDelta body.\n");

        var first = await PublishAsync();
        var again = await PublishAsync();

        var lines = first.StandardOutput.Split('\n').Where(line => line.Contains("unknown key", StringComparison.Ordinal)).ToList();
        Assert.Equal("  warning: 2 files use the unknown key 'publish_date' (did you mean 'publishDate'?), e.g. posts/a.md", Assert.Single(lines).TrimEnd('\r'));
        Assert.DoesNotContain("weight", first.StandardOutput + first.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("'pubdate'", first.StandardOutput + first.StandardError, StringComparison.Ordinal);
        Assert.Contains("<pubDate>Wed, 04 Mar 2026 09:00:00 GMT</pubDate>", File.ReadAllText(_temp.Combine("feeds", "rss.xml")), StringComparison.Ordinal);
        Assert.Contains("4 added", first.StandardOutput, StringComparison.Ordinal);
        // Unchanged files are not read again, so their keys are not reported again.
        Assert.DoesNotContain("unknown key", again.StandardOutput, StringComparison.Ordinal);
    }

    private async Task<CliResult> PublishAsync()
    {
        var result = await FeedPublisherCli.RunAsync(_temp.Path,
            "publish", "--articles", _temp.Combine("articles"), "--feeds", _temp.Combine("feeds"), "--store", _temp.Combine("store.db"), "--base-url", "https://news.example.com/");
        Assert.True(result.ExitCode == 0, result.ToString());
        return result;
    }
}
