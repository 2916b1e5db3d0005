using System.Diagnostics;
using System.Text.Json;
using FeedPublisher.IntegrationTests.Support;

namespace FeedPublisher.IntegrationTests.Cli;

/// <summary>
/// What the service's log says over a day of running (issue 17): nothing for a publish that found
/// nothing changed, unless Debug is asked for (/healthz, which reports every publish, tells the
/// test that such publishes did happen); and one line saying what stopped, on SIGTERM.
/// </summary>
public sealed class ServiceLogTests : IDisposable
{
    private const string PublishingCategory = "FeedPublisher.Core.Publishing.FeedPublishingService";

    private readonly TempFolder _temp = new();
    private readonly string _articles;
    private readonly string _feeds;

    public ServiceLogTests()
    {
        _articles = _temp.Combine("articles");
        _feeds = _temp.Combine("feeds");
        RepositoryPaths.CopySampleArticles(_articles);
    }

    public void Dispose() => _temp.Dispose();

    private Task<RunningService> StartAsync(params string[] extra) =>
        RunningService.StartAsync(_temp.Path, "run", ["--articles", _articles, "--feeds", _feeds, "--store", _temp.Combine("store.db"),
            "--Schedule:Publish=* * * * * ?", "--Schedule:WatchArticles=false", .. extra]);

    [Fact]
    public async Task Run_ScheduledPublishesWithNothingChanged_LogNothingAtTheDefaultLevel()
    {
        await using var service = await StartAsync();

        await WaitForPublishesAsync(service, 2);

        var log = service.Log;
        Assert.Single(log.Split('\n'), l => l.Contains("Published in", StringComparison.Ordinal));
        Assert.DoesNotContain("nothing changed", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_ScheduledPublishesWithNothingChanged_AreLoggedAtDebugWhenAskedFor()
    {
        await using var service = await StartAsync($"--Logging:LogLevel:{PublishingCategory}=Debug");

        await WaitForPublishesAsync(service, 1);

        Assert.Contains(service.Log.Split('\n'), l => l.Contains("dbug:", StringComparison.Ordinal) && l.Contains("nothing changed, no file written", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("run", "Stopped: scheduler, article watcher and server shut down cleanly")]
    [InlineData("serve", "Stopped: server shut down cleanly")]
    public async Task Service_Sigterm_LogsOneLineSayingWhatStopped(string command, string line)
    {
        Directory.CreateDirectory(_feeds);
        await using var service = command == "run"
            ? await RunningService.StartAsync(_temp.Path, "run", "--articles", _articles, "--feeds", _feeds, "--store", _temp.Combine("store.db"))
            : await RunningService.StartAsync(_temp.Path, "serve", "--feeds", _feeds);

        Assert.Equal(0, await service.StopAsync());

        var lines = service.Log.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines, l => l.Contains("Stopped:", StringComparison.Ordinal));
        Assert.Contains($"info: FeedPublisher.Hosting.ServiceHost[", lines[^1], StringComparison.Ordinal);
        Assert.EndsWith(line, lines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_SigtermWithoutServerOrWatcher_NamesOnlyTheScheduler()
    {
        // No server: /healthz cannot say when it is up, so the first publish's files do.
        using var process = FeedPublisherCli.Start(_temp.Path, "run", "--articles", _articles, "--feeds", _feeds, "--store", _temp.Combine("store.db"),
            "--Serve:Enabled=false", "--Schedule:WatchArticles=false");
        var stderr = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        var clock = Stopwatch.StartNew();
        while (!File.Exists(Path.Combine(_feeds, "index.html")))
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60) && !process.HasExited, "run did not publish within 60 s");
            await Task.Delay(100);
        }

        FeedPublisherCli.Terminate(process);
        await process.WaitForExitAsync();

        Assert.Equal(0, process.ExitCode);
        Assert.EndsWith("Stopped: scheduler shut down cleanly", (await stderr).TrimEnd(), StringComparison.Ordinal);
    }

    /// <summary>Waits until /healthz reports <paramref name="count"/> more publishes than when called (each of the every-second schedule).</summary>
    private static async Task WaitForPublishesAsync(RunningService service, int count)
    {
        var seen = await LastPublishAtAsync(service);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < count;)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"/healthz reported {i} of {count} scheduled publishes in 30 s:\n{service.Log}");
            await Task.Delay(200);
            var at = await LastPublishAtAsync(service);
            if (at != seen)
            {
                (seen, i) = (at, i + 1);
            }
        }
    }

    private static async Task<string> LastPublishAtAsync(RunningService service)
    {
        using var health = JsonDocument.Parse(await service.Http.GetStringAsync(new Uri(service.BaseUrl, "healthz")));
        var last = health.RootElement.GetProperty("lastPublish");
        Assert.Equal("ok", last.GetProperty("result").GetString());
        return last.GetProperty("at").GetString()!;
    }
}
