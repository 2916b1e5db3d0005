using System.Diagnostics;
using FeedPublisher.IntegrationTests.Support;

namespace FeedPublisher.IntegrationTests.Cli;

/// <summary>The service: Quartz publishes at start and on schedule, and SIGTERM stops it cleanly.</summary>
public sealed class RunCommandTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Run_PublishesAtStartAndOnScheduleThenStopsOnSigterm()
    {
        var articles = _temp.Combine("articles");
        var feeds = _temp.Combine("feeds");
        RepositoryPaths.CopySampleArticles(articles);
        using var process = FeedPublisherCli.Start(_temp.Path,
            "run", "--articles", articles, "--feeds", feeds, "--store", _temp.Combine("store.db"),
            "--Schedule:Publish=* * * * * ?");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        try
        {
            var rss = Path.Combine(feeds, "rss.xml");
            await WaitUntil(() => File.Exists(rss), "the publish at start");

            File.WriteAllText(Path.Combine(articles, "late.txt"), "A Late Story\n\nAccording to Reuters, it arrived after the start.\n");
            await WaitUntil(() => File.ReadAllText(rss).Contains("A Late Story", StringComparison.Ordinal), "a scheduled publish");

            FeedPublisherCli.Terminate(process);
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await process.WaitForExitAsync(stop.Token);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        var log = await stdout + await stderr;
        Assert.True(process.ExitCode == 0, $"exit {process.ExitCode}\n{log}");
        Assert.Contains("Published in", log, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFiles(feeds, ".fp-tmp-*", SearchOption.AllDirectories));
    }

    private static async Task WaitUntil(Func<bool> condition, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(clock.Elapsed < Patience, $"timed out after {Patience.TotalSeconds} s waiting for {what}");
            await Task.Delay(100);
        }
    }
}
