using FeedPublisher.Core.Storing;
using FeedPublisher.IntegrationTests.Support;

namespace FeedPublisher.IntegrationTests.Storage;

/// <summary>
/// The queries of the article pages (issue 17): the page versions of the articles that get a page
/// (due, without a URL of their own), a chunk at a time in the order they entered the store, and
/// articles loaded by id.
/// </summary>
public abstract partial class ArticleStoreContract
{
    [SkippableFact]
    public async Task PageVersions_DueArticlesWithoutTheirOwnUrl_InArrivalOrderAChunkAtATime()
    {
        var store = await OpenAsync(clock: new ManualClock(Day));
        StoredArticle Page(string id, DateTimeOffset published) => Stored(id, published) with { Article = Stored(id, published).Article with { Url = null } };
        var expired = Page("expired", Day.AddDays(-3));
        await store.ApplyAsync(Changes(
            Page("z-first", Day.AddDays(-1)),
            Stored("own-url", Day.AddDays(-1)),
            Page("scheduled", Day.AddDays(1)),
            expired with { Article = expired.Article with { Expires = Day.AddDays(-1) } },
            Page("a-last", Day.AddDays(-2))), None);

        var all = await store.GetPageVersionsAsync(0, 10, None);
        var first = Assert.Single(await store.GetPageVersionsAsync(0, 1, None));
        var rest = await store.GetPageVersionsAsync(first.Seq, 10, None);

        Assert.Equal(["z-first", "a-last"], all.Select(v => v.Id));
        Assert.Equal(Day.AddDays(-2), all[1].Published);
        Assert.Equal(Day.AddDays(-2).AddMinutes(5), all[1].Updated);
        Assert.All(all, v => Assert.False(string.IsNullOrEmpty(v.ContentHash)));
        Assert.True(all[0].Seq < all[1].Seq);
        Assert.Equal("z-first", first.Id);
        Assert.Equal(["a-last"], rest.Select(v => v.Id));
    }

    [SkippableFact]
    public async Task PageChanges_SinceAVersion_TheSavedAndTheUnpagedAloneWhateverTheStoreHolds()
    {
        var store = await OpenAsync(clock: new ManualClock(Day));
        StoredArticle Page(string id, DateTimeOffset published) => Stored(id, published) with { Article = Stored(id, published).Article with { Url = null } };
        await store.ApplyAsync(Changes([.. Enumerable.Range(0, 50).Select(i => Page($"old-{i:D2}", Day.AddDays(-1))), Page("edited", Day.AddDays(-1)),
            Page("given-url", Day.AddDays(-1)), Page("removed", Day.AddDays(-1)), Page("back-again", Day.AddDays(-1)), Page("dated-ahead", Day.AddDays(-1))]), None);
        var since = await store.GetVersionAsync(None);
        var none = (await store.GetPageChangesAsync(since, None))!;
        Assert.Empty(none.Paged.Concat<object>(none.Unpaged));

        var edited = Page("edited", Day.AddDays(-1));
        await store.ApplyAsync(new StoreChanges([edited with { File = edited.File with { ContentHash = "edited-hash" } }], [], ["removed.txt", "back-again.txt"]), None);
        await store.ApplyAsync(Changes(Stored("given-url", Day.AddDays(-1)), Page("dated-ahead", Day.AddDays(2)), Page("new", Day.AddHours(-1)), Page("back-again", Day.AddDays(-1))), None);
        // Only a stamp: not a change of what the page shows.
        await store.ApplyAsync(new StoreChanges([], [new ArticleFile("old-07.txt", 99, Day, "touched")], []), None);

        var changes = (await store.GetPageChangesAsync(since, None))!;

        // In the store's order: one removed and stored again is new to it.
        Assert.Equal(["edited", "new", "back-again"], changes.Paged.Select(v => v.Id));
        Assert.Equal("edited-hash", changes.Paged[0].ContentHash);
        Assert.Equal(["dated-ahead", "given-url", "removed"], changes.Unpaged.Order(StringComparer.Ordinal));
        var after = (await store.GetPageChangesAsync(await store.GetVersionAsync(None), None))!;
        Assert.Empty(after.Paged.Concat<object>(after.Unpaged));
    }

    [SkippableFact]
    public async Task GetArticles_ByIds_TheStoredOnesWhole()
    {
        var store = await OpenAsync();
        var stored = new[] { Stored("one", Day), Stored("two", Day.AddHours(1)), Stored("three", Day.AddHours(2)) };
        await store.ApplyAsync(Changes(stored), None);

        var loaded = await store.GetArticlesAsync(["three", "one", "missing"], None);

        Assert.Equal(["one", "three"], loaded.Select(a => a.Id).Order(StringComparer.Ordinal));
        var three = loaded.Single(a => a.Id == "three");
        Assert.Equal(stored[2].Article with { Authors = [], AuthorUrls = NoPages, Categories = [], Sources = [], Attachments = [] },
            three with { Authors = [], AuthorUrls = NoPages, Categories = [], Sources = [], Attachments = [] });
        Assert.Equal(stored[2].Article.Attachments, three.Attachments);
        Assert.Equal(stored[2].Article.Sources, three.Sources);
    }
}
