using FeedPublisher.Core.Model;
using FeedPublisher.Core.Storing;

namespace FeedPublisher.IntegrationTests.Storage;

/// <summary>
/// What every <see cref="IArticleStore"/> must do, run against each real store by a subclass: the
/// feeds, their order and their URLs must not depend on which store holds the articles.
/// </summary>
public abstract partial class ArticleStoreContract : IAsyncLifetime
{
    protected static readonly DateTimeOffset Day = new(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);

    private static readonly CancellationToken None = CancellationToken.None;

    /// <summary>The empty map every article without author pages shares (records compare it by reference).</summary>
    private static readonly IReadOnlyDictionary<string, Uri> NoPages = System.Collections.ObjectModel.ReadOnlyDictionary<string, Uri>.Empty;

    /// <summary>Opens the store under test; a second call opens the same store again, as a restarted process would.</summary>
    /// <param name="derivation">The hash of today's extraction settings (see <see cref="FileStamp.Stale"/>).</param>
    /// <param name="clock">The clock of the feed queries' cut-off; the system clock when null.</param>
    protected abstract Task<IArticleStore> OpenAsync(string? derivation = null, TimeProvider? clock = null);

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public virtual Task DisposeAsync() => Task.CompletedTask;

    [SkippableFact]
    public async Task Open_Twice_KeepsData()
    {
        await (await OpenAsync()).ApplyAsync(Changes(Stored("a", Day)), None);

        var reopened = await OpenAsync();

        Assert.Equal(1, await reopened.CountAsync(None));
        Assert.Equal(["a"], (await Latest(reopened, 10)).Select(a => a.Id));
    }

    [SkippableFact]
    public async Task GetLatest_ReturnsNewestFirstTiesByIdAndRespectsLimit()
    {
        var store = await OpenAsync();
        await store.ApplyAsync(Changes(Stored("old", Day.AddDays(-2)), Stored("b-tie", Day), Stored("a-tie", Day), Stored("new", Day.AddDays(1))), None);

        var latest = await Latest(store, 3);

        Assert.Equal(["new", "a-tie", "b-tie"], latest.Select(a => a.Id));
    }

    [SkippableFact]
    public async Task GetLatest_TiesOrderedByIdBytesNotByLanguage()
    {
        var store = await OpenAsync();
        string[] ids = ["a", "B", "_c"];
        var tagged = ids.Select(id => WithTerms(Stored(id, Day), ["World"], ["Ann"])).ToArray();
        await store.ApplyAsync(Changes(tagged), None);

        // Ordinal, as SQLite compares text: "B" (0x42) < "_c" (0x5F) < "a" (0x61), whatever the server's locale says.
        Assert.Equal(["B", "_c", "a"], (await Latest(store, 10)).Select(a => a.Id));
        Assert.Equal(["B", "_c", "a"], (await store.GetLatestAsync(ArticleQuery.For(TermKind.Category, "world"), 10, None)).Select(a => a.Id));
        Assert.Equal(["B", "_c", "a"], (await store.GetLatestAsync(new ArticleQuery(["world"], ["ann"]), 10, None)).Select(a => a.Id));
    }

    [SkippableFact]
    public async Task Apply_RoundTripsEveryField()
    {
        var store = await OpenAsync();
        var stored = Stored("world/story", Day);

        await store.ApplyAsync(Changes(stored), None);

        var article = Assert.Single(await Latest(store, 10));
        Assert.Equal(stored.Article with { Authors = [], AuthorUrls = NoPages, Categories = [], Sources = [], Attachments = [] }, article with { Authors = [], AuthorUrls = NoPages, Categories = [], Sources = [], Attachments = [] });
        Assert.Equal(stored.Article.Authors, article.Authors);
        Assert.Equal(stored.Article.AuthorUrls, article.AuthorUrls);
        Assert.Equal(stored.Article.Attachments, article.Attachments);
        Assert.Equal(stored.Article.Categories, article.Categories);
        Assert.Equal(stored.Article.Sources, article.Sources);
        var known = (await store.GetKnownFilesAsync(None))["world/story.txt"];
        Assert.Equal(stored.File, known.File);
        Assert.Equal("world/story", known.ArticleId);
        Assert.Equal(Day, known.Published);
        Assert.Equal(new FileStamp(stored.File.Length, stored.File.LastWriteTime), (await store.GetFileStampsAsync(None))["world/story.txt"]);
    }

    [SkippableFact]
    public async Task Apply_OptionalFieldsAbsent_RoundTripAsNull()
    {
        var store = await OpenAsync();
        var bare = Stored("bare", Day) is var s ? s with { Article = s.Article with { Url = null, Origin = null, Language = null, Image = null, Authors = [], AuthorUrls = NoPages, Categories = [], Sources = [], Attachments = [] } } : null!;

        await store.ApplyAsync(Changes(bare), None);

        Assert.Equal(bare.Article with { Authors = [], Categories = [], Sources = [] }, Assert.Single(await Latest(store, 10)) with { Authors = [], Categories = [], Sources = [] });
    }

    [SkippableFact]
    public async Task Apply_TouchedAndRemoved_UpdateFileStateAndDelete()
    {
        var store = await OpenAsync();
        await store.ApplyAsync(Changes(Stored("keep", Day), Stored("gone", Day)), None);
        var touched = new ArticleFile("keep.txt", 10, Day.AddHours(5), "hash-keep");

        await store.ApplyAsync(new StoreChanges([], [touched], ["gone.txt"]), None);

        var known = await store.GetKnownFilesAsync(None);
        Assert.Equal(["keep.txt"], known.Keys);
        Assert.Equal(touched, known["keep.txt"].File);
        var stamp = Assert.Single(await store.GetFileStampsAsync(None));
        Assert.Equal(KeyValuePair.Create("keep.txt", new FileStamp(10, Day.AddHours(5))), stamp);
    }

    [SkippableFact]
    public async Task Apply_SameIdAgain_UpdatesInPlace()
    {
        var store = await OpenAsync();
        await store.ApplyAsync(Changes(Stored("a", Day)), None);
        var original = Stored("a", Day);
        var edited = original with { Article = original.Article with { Title = "Edited", Updated = Day.AddDays(1) } };

        await store.ApplyAsync(Changes(edited), None);

        var article = Assert.Single(await Latest(store, 10));
        Assert.Equal("Edited", article.Title);
        Assert.Equal(Day.AddDays(1), article.Updated);
    }

    [SkippableFact]
    public async Task Apply_FileGetsAnotherId_OldArticleAndItsTermsGo()
    {
        var store = await OpenAsync();
        await store.ApplyAsync(Changes(WithTerms(Stored("old-id", Day), ["Gone"], [])), None);
        var renamed = Stored("new-id", Day) is var s ? s with { File = s.File with { RelativePath = "old-id.txt" } } : null!;

        await store.ApplyAsync(Changes(renamed), None);

        Assert.Equal(["new-id"], (await Latest(store, 10)).Select(a => a.Id));
        Assert.Equal("new-id", (await store.GetKnownFilesAsync(None))["old-id.txt"].ArticleId);
        Assert.DoesNotContain("gone", (await store.GetTermsAsync(TermKind.Category, None)).Select(t => t.Slug));
    }

    [SkippableFact]
    public async Task Apply_SameChangesTwice_LeavesTheSameArticlesOrderAndSlugs()
    {
        var store = await OpenAsync();
        var changes = Changes(WithTerms(Stored("a", Day), ["C++"], ["Ann"]), WithTerms(Stored("b", Day.AddDays(1)), ["C"], ["Ann"]));
        await store.ApplyAsync(changes, None);
        var pages = await store.GetArchivePagesAsync(1, None);

        await store.ApplyAsync(changes, None);

        Assert.Equal(2, await store.CountAsync(None));
        Assert.Equal(pages, await store.GetArchivePagesAsync(1, None));
        Assert.Equal(["c", "c-2"], (await store.GetTermsAsync(TermKind.Category, None)).Select(t => t.Slug));
        Assert.Equal(["ann"], (await store.GetTermsAsync(TermKind.Author, None)).Select(t => t.Slug));
        Assert.Equal(["b", "a"], (await store.GetLatestAsync(ArticleQuery.For(TermKind.Author, "ann"), 10, None)).Select(x => x.Id));
        Assert.Equal(["a"], (await store.GetLatestAsync(ArticleQuery.For(TermKind.Category, "c"), 10, None)).Select(x => x.Id));
    }

    [SkippableFact]
    public async Task Terms_SlugsAreKeptAndCollisionsNumbered_FeedsQueryByTerm()
    {
        var store = await OpenAsync();
        var first = WithTerms(Stored("a", Day), ["C++"], ["Ann"]);
        var second = WithTerms(Stored("b", Day.AddDays(1)), ["C"], ["Ann"]);

        await store.ApplyAsync(Changes(first, second), None);

        var categories = await store.GetTermsAsync(TermKind.Category, None);
        Assert.Equal([("c", "C++"), ("c-2", "C")], categories.Select(t => (t.Slug, t.Name)));
        Assert.Equal(["b", "a"], (await store.GetLatestAsync(ArticleQuery.For(TermKind.Author, "ann"), 10, None)).Select(x => x.Id));
        Assert.Equal(["b"], (await store.GetLatestAsync(ArticleQuery.For(TermKind.Category, "c-2"), 10, None)).Select(x => x.Id));
        Assert.Equal(["b", "a"], (await store.GetLatestAsync(new ArticleQuery(["c", "c-2"], ["ann"]), 10, None)).Select(x => x.Id));
        Assert.Empty(await store.GetLatestAsync(new ArticleQuery(["c"], ["nobody"]), 10, None));
    }

    [SkippableFact]
    public async Task Terms_CollisionsAcrossApplies_NumberedInOrderOfArrival()
    {
        var store = await OpenAsync();

        foreach (var (id, category) in new[] { ("a", "C"), ("b", "C#"), ("c", "C++"), ("d", "C-2") })
        {
            await store.ApplyAsync(Changes(WithTerms(Stored(id, Day), [category], [])), None);
        }

        // "C-2" slugs to "c-2", which "C#" took: it gets the next free number.
        Assert.Equal([("c", "C"), ("c-2", "C#"), ("c-2-2", "C-2"), ("c-3", "C++")],
            (await store.GetTermsAsync(TermKind.Category, None)).Select(t => (t.Slug, t.Name)));
    }

    [SkippableFact]
    public async Task Terms_NamesDifferingOnlyInCase_AreOneTermNamedAsFirstWritten()
    {
        var store = await OpenAsync();
        await store.ApplyAsync(Changes(WithTerms(Stored("a", Day), ["Science"], [])), None);

        await store.ApplyAsync(Changes(WithTerms(Stored("b", Day), ["SCIENCE"], []), WithTerms(Stored("c", Day), ["science", "Science"], [])), None);

        Assert.Equal([("science", "Science")], (await store.GetTermsAsync(TermKind.Category, None)).Select(t => (t.Slug, t.Name)));
        Assert.Equal(["a", "b", "c"], (await store.GetLatestAsync(ArticleQuery.For(TermKind.Category, "science"), 10, None)).Select(x => x.Id));
    }

    [SkippableFact]
    public async Task Terms_ArticleRemoved_TermHasNoFeedButKeepsItsSlug()
    {
        var store = await OpenAsync();
        var only = WithTerms(Stored("a", Day), ["C++"], []);
        await store.ApplyAsync(Changes(only), None);

        await store.ApplyAsync(new StoreChanges([], [], ["a.txt"]), None);
        Assert.Empty(await store.GetTermsAsync(TermKind.Category, None));
        var other = WithTerms(Stored("b", Day), ["C"], []);
        await store.ApplyAsync(Changes(other, only), None);

        Assert.Equal(["c", "c-2"], (await store.GetTermsAsync(TermKind.Category, None)).Select(t => t.Slug));
        Assert.Equal("C++", (await store.GetTermsAsync(TermKind.Category, None))[0].Name);
    }

    [SkippableFact]
    public async Task GetVersion_ChangesOnSaveAndRemoveButNotOnTouch()
    {
        var store = await OpenAsync();
        var empty = await store.GetVersionAsync(None);
        await store.ApplyAsync(Changes(Stored("a", Day), Stored("b", Day)), None);
        var saved = await store.GetVersionAsync(None);

        await store.ApplyAsync(new StoreChanges([], [new ArticleFile("a.txt", 99, Day.AddDays(1), "hash-a")], []), None);
        var touched = await store.GetVersionAsync(None);
        await store.ApplyAsync(new StoreChanges([], [], ["b.txt"]), None);

        Assert.NotEqual(empty, saved);
        Assert.Equal(saved, touched);
        Assert.NotEqual(touched, await store.GetVersionAsync(None));
    }

    [SkippableFact]
    public async Task GetLatestVersions_AreIdHashAndUpdatedInFeedOrder()
    {
        var store = await OpenAsync();
        await store.ApplyAsync(Changes(WithTerms(Stored("a", Day), ["World"], []), WithTerms(Stored("b", Day.AddDays(1)), ["Sport"], [])), None);

        Assert.Equal([new ArticleVersion("b", "hash-b", Day.AddDays(1).AddMinutes(5)), new ArticleVersion("a", "hash-a", Day.AddMinutes(5))],
            await store.GetLatestVersionsAsync(ArticleQuery.All, 10, None));
        Assert.Equal([new ArticleVersion("a", "hash-a", Day.AddMinutes(5))], await store.GetLatestVersionsAsync(ArticleQuery.For(TermKind.Category, "world"), 10, None));
    }

    [SkippableFact]
    public async Task GetLatestVersions_ForSeveralFeedsAtOnce_AreEachFeedsOwnInTheirOrder()
    {
        var store = await OpenAsync();
        await store.ApplyAsync(Changes(WithTerms(Stored("a", Day), ["World"], ["Ada"]), WithTerms(Stored("b", Day.AddDays(1)), ["Sport"], ["Ada"]),
            WithTerms(Stored("c", Day.AddDays(2)), ["World"], [])), None);
        (ArticleQuery, int)[] feeds =
        [
            (ArticleQuery.For(TermKind.Category, "world"), 10), (ArticleQuery.All, 2), (ArticleQuery.For(TermKind.Category, "sport"), 10),
            (ArticleQuery.For(TermKind.Author, "ada"), 1), (ArticleQuery.For(TermKind.Category, "nowhere"), 10), (ArticleQuery.For(TermKind.Category, "world"), 1),
        ];

        var together = await store.GetLatestVersionsAsync(feeds, None);

        Assert.Equal(feeds.Length, together.Count);
        for (var i = 0; i < feeds.Length; i++)
        {
            Assert.Equal(await store.GetLatestVersionsAsync(feeds[i].Item1, feeds[i].Item2, None), together[i]);
        }

        Assert.Equal([["c", "a"], ["c", "b"], ["b"], ["b"], [], ["c"]], together.Select(v => v.Select(x => x.Id).ToArray()));
    }

    [SkippableFact]
    public async Task ArchivePages_CutInOrderOfArrival_OnlyAnEditedPageChangesItsFingerprint()
    {
        var store = await OpenAsync();
        // Arrival order differs from publication order: pages follow arrival.
        string[] ids = ["p1-new", "p1-old", "p2-a", "p2-b", "p3"];
        var articles = ids.Select((id, i) => Stored(id, Day.AddDays(i % 2 == 0 ? i : -i))).ToArray();
        await store.ApplyAsync(Changes(articles), None);
        var before = await store.GetArchivePagesAsync(2, None);

        var edited = articles[1] with { Article = articles[1].Article with { Updated = Day.AddYears(1) } };
        await store.ApplyAsync(Changes(edited), None);
        var after = await store.GetArchivePagesAsync(2, None);

        Assert.Equal([(1, 2, true), (2, 2, true), (3, 1, false)], before.Select(p => (p.Number, p.Articles, p.Complete)));
        Assert.NotEqual(before[0].Fingerprint, after[0].Fingerprint);
        Assert.Equal(before.Skip(1), after.Skip(1));
        Assert.Equal(["p1-new", "p1-old"], (await store.GetArchivePageAsync(1, 2, None)).Select(a => a.Id));
        Assert.Equal(["p2-a", "p2-b"], (await store.GetArchivePageAsync(2, 2, None)).Select(a => a.Id));
    }

    [SkippableFact]
    public async Task Apply_ManyArticlesInOneChange_KeepsArrivalOrderAcrossBatches()
    {
        var store = await OpenAsync();
        var many = Enumerable.Range(0, 1_234).Select(i => WithTerms(Stored($"n{i:D4}", Day.AddMinutes(-i)), [$"Topic {i % 7}"], [$"Writer {i % 3}"])).ToArray();

        await store.ApplyAsync(Changes(many), None);

        Assert.Equal(1_234, await store.CountAsync(None));
        var pages = await store.GetArchivePagesAsync(617, None);
        Assert.Equal([(1, 617, true), (2, 617, true)], pages.Select(p => (p.Number, p.Articles, p.Complete)));
        Assert.Equal("n0616", (await store.GetArchivePageAsync(1, 617, None))[^1].Id);
        Assert.Equal("n0617", (await store.GetArchivePageAsync(2, 617, None))[0].Id);
        Assert.Equal(Enumerable.Range(0, 7).Select(i => $"topic-{i}"), (await store.GetTermsAsync(TermKind.Category, None)).Select(t => t.Slug));
        Assert.Equal(Enumerable.Range(0, 1_234).Where(i => i % 7 == 3).Take(50).Select(i => $"n{i:D4}"),
            (await store.GetLatestAsync(ArticleQuery.For(TermKind.Category, "topic-3"), 50, None)).Select(a => a.Id));
    }

    [SkippableFact]
    public async Task GetKnownFiles_ByPathsAndIds_ReturnsTheFilesOfEitherAndNoOthers()
    {
        var store = await OpenAsync();
        await store.ApplyAsync(Changes(Stored("a", Day), Stored("b", Day), Stored("c", Day)), None);

        var known = await store.GetKnownFilesAsync(["a.txt", "nowhere.txt"], ["c", "nobody"], None);

        Assert.Equal(["a.txt", "c.txt"], known.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("c", known["c.txt"].ArticleId);
        Assert.Empty(await store.GetKnownFilesAsync([], [], None));
    }

    [SkippableFact]
    public async Task GetKnownFiles_PathOfAJsonFeedDocument_ReturnsItsItemsAndNoNeighbours()
    {
        var store = await OpenAsync();
        StoredArticle At(string id, string path) => Stored(id, Day) is var s ? s with { File = s.File with { RelativePath = path } } : null!;
        // Neighbours in the path index on either side of the items' range "feed.json//" .. "feed.json/0".
        await store.ApplyAsync(Changes(
            At("one", "feed.json//0a1b"), At("two", "feed.json//ff00"), At("before", "feed.json"), At("after", "feed.json/0"),
            At("other", "feed.jsonx//0a1b"), At("folder", "feed.json.d/x.txt"), At("longer", "feeds.json//0a1b")), None);

        var known = await store.GetKnownFilesAsync(["feed.json"], [], None);

        Assert.Equal(["feed.json", "feed.json//0a1b", "feed.json//ff00"], known.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("two", known["feed.json//ff00"].ArticleId);
    }

    [SkippableFact]
    public async Task GetFileStampsAndKnownFiles_DerivedWithOtherSettings_AreStaleExceptImported()
    {
        await (await OpenAsync()).ApplyAsync(Changes(
            Derived("current", "today"), Derived("older", "yesterday"), Derived("unknown", null),
            Derived("imported", "yesterday") with { File = new ArticleFile("@/import/imported", 10, Day, "h") }), None);
        var store = await OpenAsync("today");

        var stamps = await store.GetFileStampsAsync(None);
        var known = await store.GetKnownFilesAsync(None);
        var named = await store.GetKnownFilesAsync(["current.txt", "older.txt"], ["unknown", "imported"], None);

        string[] stale = ["older.txt", "unknown.txt"];
        Assert.Equal(stale, stamps.Where(s => s.Value.Stale).Select(s => s.Key).Order(StringComparer.Ordinal));
        Assert.Equal(stale, known.Where(k => k.Value.Stale).Select(k => k.Key).Order(StringComparer.Ordinal));
        Assert.Equal(stale, named.Where(k => k.Value.Stale).Select(k => k.Key).Order(StringComparer.Ordinal));
        Assert.Equal(4, named.Count);
        Assert.True(stamps["current.txt"].Matches(10, Day));
        Assert.False(stamps["older.txt"].Matches(10, Day));
    }

    [SkippableFact]
    public async Task GetFileStamps_StoreOpenedWithoutDerivation_CallsNothingStale()
    {
        var store = await OpenAsync();
        await store.ApplyAsync(Changes(Derived("a", "yesterday"), Derived("b", null)), None);

        Assert.DoesNotContain(await store.GetFileStampsAsync(None), s => s.Value.Stale);
        Assert.DoesNotContain(await store.GetKnownFilesAsync(None), k => k.Value.Stale);
    }

    protected static Task<IReadOnlyList<Article>> Latest(IArticleStore store, int count) => store.GetLatestAsync(ArticleQuery.All, count, None);

    protected static StoreChanges Changes(params StoredArticle[] saved) => new(saved, [], []);

    protected static StoredArticle WithTerms(StoredArticle stored, string[] categories, string[] authors) =>
        stored with { Article = stored.Article with { Categories = categories, Authors = authors } };

    /// <summary>An article in <c>{id}.txt</c>, 10 bytes written at <see cref="Day"/>, derived with the settings hashed as <paramref name="derivedWith"/>.</summary>
    private static StoredArticle Derived(string id, string? derivedWith)
    {
        var stored = Stored(id, Day);
        return new StoredArticle(stored.Article with { DerivedWith = derivedWith }, stored.File with { Length = 10, LastWriteTime = Day });
    }

    protected static StoredArticle Stored(string id, DateTimeOffset published) => new(
        new Article
        {
            Id = id,
            Title = $"Title of {id} & <more>",
            Path = id,
            Published = published,
            Updated = published.AddMinutes(5),
            Summary = "Summary 😀",
            ContentHtml = "<p>Body</p>\n",
            Authors = ["Ann", "Bob"],
            AuthorUrls = new Dictionary<string, Uri> { ["Ann"] = new("https://news.example.com/people/ann") },
            Attachments =
            [
                new MediaAttachment(new Uri("https://cdn.example.com/episode.mp3"), "audio/mpeg", 24_986_239, 1_830, "Episode & notes 😀"),
                new MediaAttachment(new Uri("https://cdn.example.com/episode.mp4"), "video/mp4"),
            ],
            Categories = ["World"],
            Sources = [new SourceLink("Reuters", new Uri("https://www.reuters.com/"))],
            Url = new Uri($"https://news.example.com/{id}.html"),
            Origin = new SourceLink("AP", new Uri("https://apnews.com/")),
            Language = "en-GB",
            Image = new Uri("https://news.example.com/a.jpg"),
            // Far ahead, so that every article shows, and the round trip covers the column.
            Expires = published.AddYears(50),
        },
        new ArticleFile($"{id}.txt", 10, published, $"hash-{id}"));
}
