using FeedPublisher.Core.Model;
using FeedPublisher.Core.Storing;
using FeedPublisher.IntegrationTests.Support;
using FeedPublisher.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace FeedPublisher.IntegrationTests.Storage;

/// <summary>Articles stored with their header only, and the bodies rendered for them later.</summary>
public sealed class PendingBodyTests : IDisposable
{
    private static readonly DateTimeOffset Day = new(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly TempFolder _temp = new();
    private readonly SqliteArticleStore _store;

    public PendingBodyTests() => _store = SqliteArticleStore.Open(_temp.Combine("store.db"));

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _temp.Dispose();
    }

    [Fact]
    public async Task GetLatest_HeaderOnly_ComesBackPendingWithItsFileAndHash()
    {
        await _store.ApplyAsync(Changes(Header("a", "h1")), CancellationToken.None);

        var article = Assert.Single(await _store.GetLatestAsync(10, CancellationToken.None));

        Assert.Equal(new PendingBody("a.md", "h1"), article.Pending);
        Assert.Equal("", article.ContentHtml);
    }

    [Fact]
    public async Task SaveBodies_ForTheStoredVersion_CompletesTheArticleWithoutChangingTheStoreVersion()
    {
        await _store.ApplyAsync(Changes(Header("a", "h1")), CancellationToken.None);
        var version = await _store.GetVersionAsync(CancellationToken.None);

        await _store.SaveBodiesAsync([Body("a", "h1")], CancellationToken.None);

        var article = Assert.Single(await _store.GetLatestAsync(10, CancellationToken.None));
        Assert.Null(article.Pending);
        Assert.Equal("<p>Body</p>\n", article.ContentHtml);
        Assert.Equal("The summary.", article.Summary);
        Assert.Equal("Reuters", Assert.Single(article.Sources).Name);
        Assert.Equal(version, await _store.GetVersionAsync(CancellationToken.None));
    }

    [Fact]
    public async Task SaveBodies_RenderedFromAnOlderVersion_IsNotKept()
    {
        await _store.ApplyAsync(Changes(Header("a", "h1")), CancellationToken.None);
        await _store.ApplyAsync(Changes(Header("a", "h2")), CancellationToken.None);

        await _store.SaveBodiesAsync([Body("a", "h1")], CancellationToken.None);

        var article = Assert.Single(await _store.GetLatestAsync(10, CancellationToken.None));
        Assert.Equal(new PendingBody("a.md", "h2"), article.Pending);
        Assert.Equal("", article.ContentHtml);
    }

    private static StoreChanges Changes(params StoredArticle[] saved) => new(saved, [], []);

    private static StoredArticle Header(string id, string hash) => new(
        new Article
        {
            Id = id,
            Title = $"Title of {id}",
            Path = id,
            Published = Day,
            Updated = Day,
            Summary = "",
            ContentHtml = "",
            Pending = new PendingBody($"{id}.md", hash),
        },
        new ArticleFile($"{id}.md", 10, Day, hash));

    private static RenderedBody Body(string id, string hash) =>
        new(id, hash, "The summary.", "<p>Body</p>\n", [new SourceLink("Reuters", new Uri("https://www.reuters.com/"))]);
}
