using FeedPublisher.IntegrationTests.Support;
using Xunit.Abstractions;

namespace FeedPublisher.IntegrationTests.Publishing;

/// <summary>
/// A publish that fills the disk of the feed directory (a real ENOSPC, on a 1 MiB tmpfs): one
/// error line that names the disk and says what to do, the old feeds untouched, and the disk
/// given back at once.
/// </summary>
public sealed class DiskFullTests(ITestOutputHelper output) : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [SkippableFact]
    public async Task Publish_DiskFills_SaysSoInOneLineKeepsTheOldFeedsAndFreesWhatItStaged()
    {
        using var disk = SmallDisk.Mount(_temp.Combine("disk"), "1m");
        var articles = _temp.Combine("articles");
        RepositoryPaths.CopySampleArticles(articles);
        var feeds = Path.Combine(disk.Path, "feeds");
        string[] common = ["--articles", articles, "--feeds", feeds, "--store", _temp.Combine("store.db")];
        var first = await FeedPublisherCli.RunAsync(_temp.Path, ["publish", .. common]);
        Assert.True(first.ExitCode == 0, first.ToString());
        var before = Snapshot(feeds);
        var free = disk.FreeBytes;

        // Long articles: the feeds of the next publish need several times the disk.
        var paragraph = string.Concat(Enumerable.Repeat("A sentence that makes the article long, as reported by Reuters. ", 150));
        for (var i = 0; i < 300; i++)
        {
            File.WriteAllText(Path.Combine(articles, $"long-{i:D3}.txt"), $"Long Story {i}\n\n{paragraph}\n");
        }

        var full = await FeedPublisherCli.RunAsync(_temp.Path, ["publish", .. common]);
        output.WriteLine(full.ToString());

        Assert.Equal(1, full.ExitCode);
        var line = Assert.Single(full.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: ", line, StringComparison.Ordinal);
        Assert.Contains(feeds, line, StringComparison.Ordinal);
        Assert.Contains($"free space on {disk.Path}", line, StringComparison.Ordinal);
        Assert.Equal(before, Snapshot(feeds));
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(feeds, ".fp-staging")));
        Assert.Equal(free, disk.FreeBytes);

        disk.Resize("16m");
        var again = await FeedPublisherCli.RunAsync(_temp.Path, ["publish", .. common]);
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Contains("Long Story", File.ReadAllText(Path.Combine(feeds, "rss.xml")), StringComparison.Ordinal);
    }

    /// <summary>Every file a reader can see, with its bytes and mtime.</summary>
    private static Dictionary<string, (string Hash, DateTime Modified)> Snapshot(string feeds) =>
        Directory.EnumerateFiles(feeds, "*", SearchOption.AllDirectories)
            .Where(f => !Path.GetRelativePath(feeds, f).Split('/').Any(s => s.StartsWith('.')))
            .ToDictionary(
                f => Path.GetRelativePath(feeds, f),
                f => (Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f))), File.GetLastWriteTimeUtc(f)));
}
