using FeedPublisher.Core.Model;
using FeedPublisher.Core.Storing;
using FeedPublisher.IntegrationTests.Support;

namespace FeedPublisher.IntegrationTests.Storage;

/// <summary>
/// Scheduled and expiring articles (issue 16): stored, but the feed queries, the terms and the
/// archive answer as of the store's clock, and the schedule names the instants around it.
/// </summary>
public abstract partial class ArticleStoreContract
{
    private static readonly ArticleQuery Later = ArticleQuery.For(TermKind.Category, "later");

    [SkippableFact]
    public async Task Queries_ScheduledArticle_AbsentUntilItsTimeThenEverywhere()
    {
        var clock = new ManualClock(Day);
        var store = await OpenAsync(clock: clock);
        await store.ApplyAsync(Changes(Stored("now", Day.AddHours(-1)), WithTerms(Stored("soon", Day.AddHours(1)), ["World", "Later"], ["Ann"])), None);

        Assert.Equal(["now"], await ShownAsync(store));
        Assert.Empty(await store.GetLatestAsync(Later, 10, None));
        Assert.DoesNotContain(await store.GetTermsAsync(TermKind.Category, None), t => t.Slug == "later");
        Assert.Equal(2, await store.CountAsync(None));

        clock.Now = Day.AddHours(1);

        Assert.Equal(["soon", "now"], await ShownAsync(store));
        Assert.Equal(["soon"], (await store.GetLatestAsync(Later, 10, None)).Select(a => a.Id));
        Assert.Contains(await store.GetTermsAsync(TermKind.Category, None), t => t.Slug == "later");
    }

    [SkippableFact]
    public async Task Queries_ArticleWhoseExpiryPasses_LeavesEverywhereAtItsExpiry()
    {
        var clock = new ManualClock(Day);
        var store = await OpenAsync(clock: clock);
        var leaving = Expiring(WithTerms(Stored("leaving", Day.AddHours(-1)), ["World", "Later"], ["Ann"]), Day.AddMinutes(30));
        await store.ApplyAsync(Changes(Stored("staying", Day.AddHours(-2)), leaving), None);
        var version = await store.GetVersionAsync(None);

        Assert.Equal(["leaving", "staying"], await ShownAsync(store));

        clock.Now = Day.AddMinutes(30);

        Assert.Equal(["staying"], await ShownAsync(store));
        Assert.Empty(await store.GetLatestAsync(Later, 10, None));
        Assert.DoesNotContain(await store.GetTermsAsync(TermKind.Category, None), t => t.Slug == "later");
        Assert.Equal(version, await store.GetVersionAsync(None));
        Assert.Contains("leaving.txt", (IDictionary<string, KnownFile>)await store.GetKnownFilesAsync(None));
    }

    [SkippableFact]
    public async Task GetSchedule_NamesTheLastInstantPassedAndTheNextToCome()
    {
        var clock = new ManualClock(Day);
        var store = await OpenAsync(clock: clock);
        Assert.Equal(new PublicationSchedule(null, null), await store.GetScheduleAsync(None));

        await store.ApplyAsync(Changes(
            Expiring(Stored("old", Day.AddHours(-2)), null),
            Expiring(Stored("expiring", Day.AddHours(-1)), Day.AddMinutes(30)),
            Expiring(Stored("scheduled", Day.AddHours(1)), null)), None);

        Assert.Equal(new PublicationSchedule(Day.AddHours(-1), Day.AddMinutes(30)), await store.GetScheduleAsync(None));
        clock.Now = Day.AddMinutes(45);
        Assert.Equal(new PublicationSchedule(Day.AddMinutes(30), Day.AddHours(1)), await store.GetScheduleAsync(None));
        clock.Now = Day.AddHours(2);
        Assert.Equal(new PublicationSchedule(Day.AddHours(1), null), await store.GetScheduleAsync(None));
    }

    [SkippableFact]
    public async Task ArchivePages_ScheduledArticle_KeepsItsPlaceAndShowsAtItsTime()
    {
        var clock = new ManualClock(Day);
        var store = await OpenAsync(clock: clock);
        await store.ApplyAsync(Changes(Stored("first", Day.AddHours(-3)), Stored("scheduled", Day.AddHours(1)), Stored("third", Day.AddHours(-1))), None);

        var before = await store.GetArchivePagesAsync(2, None);
        Assert.Equal([(1, 1), (2, 1)], before.Select(p => (p.Number, p.Articles)));
        Assert.Equal(["first"], (await store.GetArchivePageAsync(1, 2, None)).Select(a => a.Id));
        Assert.Equal(["third"], (await store.GetArchivePageAsync(2, 2, None)).Select(a => a.Id));

        clock.Now = Day.AddHours(1);

        var after = await store.GetArchivePagesAsync(2, None);
        Assert.Equal([(1, 2), (2, 1)], after.Select(p => (p.Number, p.Articles)));
        Assert.NotEqual(before[0].Fingerprint, after[0].Fingerprint);
        Assert.Equal(before[1].Fingerprint, after[1].Fingerprint);
        Assert.Equal(["scheduled", "first"], (await store.GetArchivePageAsync(1, 2, None)).Select(a => a.Id));
    }

    private static StoredArticle Expiring(StoredArticle stored, DateTimeOffset? at) => stored with { Article = stored.Article with { Expires = at } };

    /// <summary>The ids the main feed shows, checked against the versions query and the author's feed, which must agree.</summary>
    private static async Task<string[]> ShownAsync(IArticleStore store)
    {
        var shown = (await Latest(store, 10)).Select(a => a.Id).ToArray();
        Assert.Equal(shown, (await store.GetLatestVersionsAsync(ArticleQuery.All, 10, None)).Select(v => v.Id));
        Assert.Equal(shown, (await store.GetLatestAsync(ArticleQuery.For(TermKind.Author, "ann"), 10, None)).Select(a => a.Id));
        Assert.Equal(shown, (await store.GetLatestAsync(new ArticleQuery(["world"], ["ann"]), 10, None)).Select(a => a.Id));
        return shown;
    }
}
