using FeedPublisher.Core.Model;
using FeedPublisher.Core.Storing;
using FeedPublisher.IntegrationTests.Support;
using FeedPublisher.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace FeedPublisher.IntegrationTests.Storage;

/// <summary>The SQLite store on a real file.</summary>
public sealed class SqliteArticleStoreTests : IDisposable
{
    private static readonly DateTimeOffset Day = new(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly TempFolder _temp = new();
    private readonly string _file;

    public SqliteArticleStoreTests() => _file = _temp.Combine("state", "store.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _temp.Dispose();
    }

    [Fact]
    public async Task Open_NewPath_CreatesFolderAndMigratedSchema()
    {
        var store = SqliteArticleStore.Open(_file);

        Assert.True(File.Exists(_file));
        Assert.Equal(0, await store.CountAsync(CancellationToken.None));
        Assert.Equal(LatestSchemaVersion, Scalar("PRAGMA user_version"));
        Assert.Equal("wal", Scalar("PRAGMA journal_mode"));
    }

    [Fact]
    public async Task Open_Twice_KeepsDataAndDoesNotMigrateAgain()
    {
        await SqliteArticleStore.Open(_file).ApplyAsync(Changes(Stored("a", Day)), CancellationToken.None);

        var reopened = SqliteArticleStore.Open(_file);

        Assert.Equal(1, await reopened.CountAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Open_StoreAtVersion1_UpgradesAndKeepsItsArticles()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_file)!);
        Execute(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "src/FeedPublisher.Storage/Sqlite/Migrations/001_articles.sql")) + """
            INSERT INTO articles VALUES ('old', 'old.txt', 1, 1, 'h', 'Old', 'old', 0, 0, 'S', '<p>B</p>', '["Zoë Ng"]', '["Zürich News"]', '[]');
            PRAGMA user_version = 1;
            """);

        var store = SqliteArticleStore.Open(_file);

        Assert.Equal(LatestSchemaVersion, Scalar("PRAGMA user_version"));
        var article = Assert.Single(await store.GetLatestAsync(10, CancellationToken.None));
        Assert.Equal("Old", article.Title);
        Assert.Null(article.Url);
        Assert.Null(article.Origin);
        Assert.Equal([new FeedTerm(TermKind.Category, "zurich-news", "Zürich News", 1)], await store.GetTermsAsync(TermKind.Category, CancellationToken.None));
        Assert.Equal("Old", Assert.Single(await store.GetLatestAsync(ArticleQuery.For(TermKind.Author, "zoe-ng"), 10, CancellationToken.None)).Title);
    }

    [Fact]
    public void Open_SchemaNewerThanProgram_FailsWithClearMessage()
    {
        SqliteArticleStore.Open(_file);
        Execute("PRAGMA user_version = 999");

        var e = Assert.Throws<InvalidOperationException>(() => SqliteArticleStore.Open(_file));
        Assert.Contains("999", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetLatest_ReturnsNewestFirstTiesByIdAndRespectsLimit()
    {
        var store = SqliteArticleStore.Open(_file);
        await store.ApplyAsync(Changes(Stored("old", Day.AddDays(-2)), Stored("b-tie", Day), Stored("a-tie", Day), Stored("new", Day.AddDays(1))), CancellationToken.None);

        var latest = await store.GetLatestAsync(3, CancellationToken.None);

        Assert.Equal(["new", "a-tie", "b-tie"], latest.Select(a => a.Id));
    }

    [Fact]
    public async Task Apply_RoundTripsEveryField()
    {
        var store = SqliteArticleStore.Open(_file);
        var stored = Stored("world/story", Day);

        await store.ApplyAsync(Changes(stored), CancellationToken.None);

        var article = Assert.Single(await store.GetLatestAsync(10, CancellationToken.None));
        Assert.Equal(stored.Article with { Authors = [], Categories = [], Sources = [] }, article with { Authors = [], Categories = [], Sources = [] });
        Assert.Equal(stored.Article.Authors, article.Authors);
        Assert.Equal(stored.Article.Categories, article.Categories);
        Assert.Equal(stored.Article.Sources, article.Sources);
        var known = (await store.GetKnownFilesAsync(CancellationToken.None))["world/story.txt"];
        Assert.Equal(stored.File, known.File);
        Assert.Equal("world/story", known.ArticleId);
        Assert.Equal(Day, known.Published);
    }

    [Fact]
    public async Task Apply_TouchedAndRemoved_UpdateFileStateAndDelete()
    {
        var store = SqliteArticleStore.Open(_file);
        await store.ApplyAsync(Changes(Stored("keep", Day), Stored("gone", Day)), CancellationToken.None);
        var touched = new ArticleFile("keep.txt", 10, Day.AddHours(5), "hash-keep");

        await store.ApplyAsync(new StoreChanges([], [touched], ["gone.txt"]), CancellationToken.None);

        var known = await store.GetKnownFilesAsync(CancellationToken.None);
        Assert.Equal(["keep.txt"], known.Keys);
        Assert.Equal(touched, known["keep.txt"].File);
    }

    [Fact]
    public async Task Terms_SlugsAreKeptAndCollisionsNumbered_FeedsQueryByTerm()
    {
        var store = SqliteArticleStore.Open(_file);
        var first = Stored("a", Day) is var a ? a with { Article = a.Article with { Categories = ["C++"], Authors = ["Ann"] } } : null!;
        var second = Stored("b", Day.AddDays(1)) is var b ? b with { Article = b.Article with { Categories = ["C"], Authors = ["Ann"] } } : null!;

        await store.ApplyAsync(Changes(first, second), CancellationToken.None);

        var categories = await store.GetTermsAsync(TermKind.Category, CancellationToken.None);
        Assert.Equal([("c", "C++", 1), ("c-2", "C", 1)], categories.Select(t => (t.Slug, t.Name, t.Articles)));
        Assert.Equal(["b", "a"], (await store.GetLatestAsync(ArticleQuery.For(TermKind.Author, "ann"), 10, CancellationToken.None)).Select(x => x.Id));
        Assert.Equal(["b"], (await store.GetLatestAsync(ArticleQuery.For(TermKind.Category, "c-2"), 10, CancellationToken.None)).Select(x => x.Id));
        Assert.Equal(["b", "a"], (await store.GetLatestAsync(new ArticleQuery(["c", "c-2"], ["ann"]), 10, CancellationToken.None)).Select(x => x.Id));
        Assert.Empty(await store.GetLatestAsync(new ArticleQuery(["c"], ["nobody"]), 10, CancellationToken.None));
    }

    [Fact]
    public async Task Terms_ArticleRemoved_TermHasNoFeedButKeepsItsSlug()
    {
        var store = SqliteArticleStore.Open(_file);
        var only = Stored("a", Day) is var a ? a with { Article = a.Article with { Categories = ["C++"] } } : null!;
        await store.ApplyAsync(Changes(only), CancellationToken.None);

        await store.ApplyAsync(new StoreChanges([], [], ["a.txt"]), CancellationToken.None);
        Assert.Empty(await store.GetTermsAsync(TermKind.Category, CancellationToken.None));
        var other = Stored("b", Day) is var b ? b with { Article = b.Article with { Categories = ["C"] } } : null!;
        await store.ApplyAsync(Changes(other, only), CancellationToken.None);

        Assert.Equal(["c", "c-2"], (await store.GetTermsAsync(TermKind.Category, CancellationToken.None)).Select(t => t.Slug));
        Assert.Equal("C++", (await store.GetTermsAsync(TermKind.Category, CancellationToken.None))[0].Name);
    }

    [Fact]
    public async Task Apply_SameIdAgain_UpdatesInPlace()
    {
        var store = SqliteArticleStore.Open(_file);
        await store.ApplyAsync(Changes(Stored("a", Day)), CancellationToken.None);
        var original = Stored("a", Day);
        var edited = original with { Article = original.Article with { Title = "Edited", Updated = Day.AddDays(1) } };

        await store.ApplyAsync(Changes(edited), CancellationToken.None);

        var article = Assert.Single(await store.GetLatestAsync(10, CancellationToken.None));
        Assert.Equal("Edited", article.Title);
        Assert.Equal(Day.AddDays(1), article.Updated);
    }

    private static long LatestSchemaVersion =>
        Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "src/FeedPublisher.Storage/Sqlite/Migrations"), "*.sql").Length;

    private static StoreChanges Changes(params StoredArticle[] saved) => new(saved, [], []);

    private static StoredArticle Stored(string id, DateTimeOffset published) => new(
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
            Categories = ["World"],
            Sources = [new SourceLink("Reuters", new Uri("https://www.reuters.com/"))],
            Url = new Uri($"https://news.example.com/{id}.html"),
            Origin = new SourceLink("AP", new Uri("https://apnews.com/")),
            Language = "en-GB",
            Image = new Uri("https://news.example.com/a.jpg"),
        },
        new ArticleFile($"{id}.txt", 10, published, $"hash-{id}"));

    private object? Scalar(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={_file}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private void Execute(string sql) => Scalar(sql);
}
