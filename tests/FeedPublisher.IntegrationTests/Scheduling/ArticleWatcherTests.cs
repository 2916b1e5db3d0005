using System.Diagnostics;
using FeedPublisher.Configuration;
using FeedPublisher.Core.Ingesting;
using FeedPublisher.IntegrationTests.Support;
using FeedPublisher.Scheduling;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Quartz;

namespace FeedPublisher.IntegrationTests.Scheduling;

/// <summary>
/// What the watcher tells ingest. On one node, the files it saw change, so that its publish looks
/// at those alone. In a cluster nothing: the publish it starts may run on a node that never saw
/// those files, so every publish walks the whole folder.
/// </summary>
public sealed class ArticleWatcherTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Watcher_OneNode_TellsIngestTheFileThatChanged()
    {
        var changed = await WhatIngestIsToldAfterAFileArrivesAsync(clustered: false);

        Assert.NotNull(changed);
        Assert.Contains("fresh.txt", changed);
    }

    [Fact]
    public async Task Watcher_Clustered_LeavesIngestToWalkTheWholeFolder()
    {
        var changed = await WhatIngestIsToldAfterAFileArrivesAsync(clustered: true);

        Assert.Null(changed);
    }

    /// <summary>
    /// Runs the watcher on a real folder with a scheduler that is never started (the publishes it
    /// asks for are stored, not run). Once the watcher is seen at work, and the first walk of the
    /// whole folder taken, a file is dropped in; when the watcher has asked for its publish, returns
    /// what that publish's ingest would be told: the changed paths, or null for the whole folder.
    /// </summary>
    private async Task<IReadOnlyCollection<string>?> WhatIngestIsToldAfterAFileArrivesAsync(bool clustered)
    {
        var articles = _temp.CreateFolder("articles");
        var settings = FeedPublisherSettings.Load(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Articles:Directory"] = articles,
            ["Feeds:Directory"] = _temp.Combine("feeds"),
            // Clustered needs the PostgreSQL provider; nothing here connects to it.
            ["Storage:Provider"] = "Postgres",
            ["Storage:ConnectionString"] = "Host=127.0.0.1;Database=unused;Username=unused",
            ["Schedule:Clustered"] = clustered ? "true" : "false",
            ["Schedule:DebounceMilliseconds"] = "50",
        }).Build());
        await using var services = new ServiceCollection()
            .AddLogging()
            .AddQuartz(q => q.AddJob<PublishJob>(job => job.WithIdentity(PublishJob.Key).StoreDurably()))
            .BuildServiceProvider();
        var schedulers = services.GetRequiredService<ISchedulerFactory>();
        var scheduler = await schedulers.GetScheduler();
        var changes = new ChangedArticles();
        using var watcher = new ArticleWatcher(settings, changes, schedulers, NullLogger<ArticleWatcher>.Instance);
        await watcher.StartAsync(CancellationToken.None);
        try
        {
            // The watcher starts on a thread of its own: touch a file until it is seen to react.
            var warmUp = Path.Combine(articles, "warm-up.txt");
            await WaitForPublishesAsync(scheduler, 1, () => File.WriteAllText(warmUp, $"Warm Up\n\n{DateTime.UtcNow:O}\n"));
            await Task.Delay(TimeSpan.FromSeconds(2)); // past the debounce: nothing of the warm-up is pending
            changes.Take(); // what a publish at start takes: the whole folder

            var asked = (await scheduler.GetTriggersOfJob(PublishJob.Key)).Count;
            File.WriteAllText(Path.Combine(articles, "fresh.txt"), "A Fresh Story\n\nThe BBC reported it.\n");
            await WaitForPublishesAsync(scheduler, asked + 1, () => { });
            return changes.Take();
        }
        finally
        {
            await watcher.StopAsync(CancellationToken.None);
            await scheduler.Shutdown();
        }
    }

    private static async Task WaitForPublishesAsync(IScheduler scheduler, int count, Action meanwhile)
    {
        var clock = Stopwatch.StartNew();
        while ((await scheduler.GetTriggersOfJob(PublishJob.Key)).Count < count)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"the watcher did not ask for publish number {count} within 10 s");
            meanwhile();
            await Task.Delay(200);
        }
    }
}
