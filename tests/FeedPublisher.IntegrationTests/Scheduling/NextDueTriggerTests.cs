using FeedPublisher.Core.Model;
using FeedPublisher.Core.Storing;
using FeedPublisher.IntegrationTests.Support;
using FeedPublisher.Scheduling;
using FeedPublisher.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Quartz;

namespace FeedPublisher.IntegrationTests.Scheduling;

/// <summary>
/// Where the one-shot trigger for the next scheduled article goes, on a real store and a clock the
/// test moves; the scheduler is never started, so the triggers are stored, not fired.
/// </summary>
public sealed class NextDueTriggerTests : IAsyncLifetime, IDisposable
{
    private static readonly DateTimeOffset Now = new(2030, 6, 1, 9, 0, 0, TimeSpan.Zero);

    private readonly TempFolder _temp = new();
    private readonly ManualClock _clock = new(Now);
    private readonly ServiceProvider _services = new ServiceCollection().AddLogging()
        .AddQuartz(q => q.AddJob<PublishJob>(job => job.WithIdentity(PublishJob.Key).StoreDurably()))
        .BuildServiceProvider();

    private IScheduler _scheduler = null!;
    private SqliteArticleStore _store = null!;
    private NextDueTrigger _trigger = null!;

    public async Task InitializeAsync()
    {
        _scheduler = await _services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        _store = SqliteArticleStore.Open(_temp.Combine("store.db"), clock: _clock);
        _trigger = new NextDueTrigger(_store, _clock, NullLogger<NextDueTrigger>.Instance);
    }

    public async Task DisposeAsync() => await _scheduler.Shutdown();

    public void Dispose()
    {
        _services.Dispose();
        SqliteConnection.ClearAllPools();
        _temp.Dispose();
    }

    [Fact]
    public async Task Schedule_ArticlesAhead_OneTriggerAtTheNextDueInstantReplacedAsTimePasses()
    {
        await _store.ApplyAsync(new StoreChanges([Stored("soon", Now.AddHours(1), expires: null), Stored("expiring", Now.AddHours(-1), expires: Now.AddHours(2))], [], []), CancellationToken.None);

        await _trigger.ScheduleAsync(_scheduler, Now, CancellationToken.None);
        Assert.Equal(Now.AddHours(1), await TriggerAtAsync());

        _clock.Now = Now.AddHours(1);
        await _trigger.ScheduleAsync(_scheduler, _clock.Now, CancellationToken.None);
        Assert.Equal(Now.AddHours(2), await TriggerAtAsync());

        _clock.Now = Now.AddHours(2);
        await _trigger.ScheduleAsync(_scheduler, _clock.Now, CancellationToken.None);
        Assert.Null(await TriggerAtAsync());
    }

    [Fact]
    public async Task Schedule_ArticleCameDueWhileThePublishRan_TriggerNow()
    {
        await _store.ApplyAsync(new StoreChanges([Stored("soon", Now.AddHours(1), expires: null), Stored("later", Now.AddHours(3), expires: null)], [], []), CancellationToken.None);

        // The publish began a second before "soon" was due, and ends a second after.
        _clock.Now = Now.AddHours(1).AddSeconds(1);
        await _trigger.ScheduleAsync(_scheduler, Now.AddHours(1).AddSeconds(-1), CancellationToken.None);

        Assert.Equal(_clock.Now, await TriggerAtAsync());
    }

    private async Task<DateTimeOffset?> TriggerAtAsync() => (await _scheduler.GetTrigger(NextDueTrigger.Key))?.StartTimeUtc;

    private static StoredArticle Stored(string id, DateTimeOffset published, DateTimeOffset? expires) => new(
        new Article { Id = id, Title = id, Path = id, Published = published, Updated = published, Summary = "", ContentHtml = "<p>Body</p>", Expires = expires },
        new ArticleFile($"{id}.md", 1, published, $"hash-{id}"));
}
