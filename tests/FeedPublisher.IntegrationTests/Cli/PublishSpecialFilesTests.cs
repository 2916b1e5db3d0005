using System.Diagnostics;
using FeedPublisher.IntegrationTests.Support;

namespace FeedPublisher.IntegrationTests.Cli;

/// <summary>
/// Issue 14 end to end: the real publish command on a folder holding a FIFO, links to /etc/passwd
/// and /dev/zero, and a name with a backslash, beside good articles.
/// </summary>
public sealed class PublishSpecialFilesTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [SkippableFact]
    public async Task Publish_FolderWithAFifoLinksOutAndABackslashName_FinishesPublishingTheGoodOnesAndNamesEachBadOne()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "FIFOs, /dev/zero and backslashes in names are Linux's");
        var articles = _temp.CreateFolder("articles");
        var feeds = _temp.Combine("feeds");
        RepositoryPaths.CopySampleArticles(articles);
        var good = Directory.GetFiles(articles).Length;
        using (var mkfifo = Process.Start("mkfifo", [Path.Combine(articles, "pipe.txt")]))
        {
            mkfifo.WaitForExit();
        }

        File.CreateSymbolicLink(Path.Combine(articles, "passwd.txt"), "/etc/passwd");
        File.CreateSymbolicLink(Path.Combine(articles, "zero.txt"), "/dev/zero");
        File.WriteAllText(Path.Combine(articles, "back\\slash.txt"), "The Backslash Story\n\nA file whose name holds a backslash is an article like any other.");
        var clock = Stopwatch.StartNew();

        var result = await FeedPublisherCli.RunAsync(_temp.Path, ["publish", "--articles", articles, "--feeds", feeds, "--store", _temp.Combine("state", "store.db")]);

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"the publish took {clock.Elapsed}");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"{good + 1} added", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("pipe.txt: skipped: it is a named pipe (FIFO), not a regular file", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("passwd.txt: skipped: the link leads out of the articles folder, to /etc/passwd", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("zero.txt: skipped: the link leads to a character device (/dev/zero)", result.StandardOutput, StringComparison.Ordinal);
        var rss = File.ReadAllText(Path.Combine(feeds, "rss.xml"));
        Assert.Contains("<title>The Backslash Story</title>", rss, StringComparison.Ordinal);
        Assert.Contains("<title>Kim Jong Un Says He is Open For Dialogue With Seoul</title>", rss, StringComparison.Ordinal);
        Assert.All(Directory.EnumerateFiles(feeds, "*", SearchOption.AllDirectories).Where(f => !f.EndsWith(".gz", StringComparison.Ordinal)),
            file => Assert.DoesNotContain("root:x:", File.ReadAllText(file), StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task Publish_FileNameWithANewline_ReportedOnOneLineInOutputAndLog()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "newlines in file names are Linux's");
        var articles = _temp.CreateFolder("articles");
        File.WriteAllBytes(Path.Combine(articles, "bad\n2026-12-05 12:00:00 info: forged.txt"), [0, 1, 2]);
        File.WriteAllText(Path.Combine(articles, "good.txt"), "A Good Story\n\nIts body.");

        var result = await FeedPublisherCli.RunAsync(_temp.Path, ["publish", "--articles", articles, "--feeds", _temp.Combine("feeds"), "--store", _temp.Combine("state", "store.db")]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("bad\\n2026-12-05 12:00:00 info: forged.txt: skipped: binary content", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("bad\\n2026-12-05 12:00:00 info: forged.txt: skipped: binary content", result.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain(result.AllOutput.Split('\n'), line => line.StartsWith("2026-12-05 12:00:00 info: forged", StringComparison.Ordinal));
    }
}
