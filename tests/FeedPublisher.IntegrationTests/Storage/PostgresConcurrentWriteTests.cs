using FeedPublisher.Core.Model;
using FeedPublisher.Core.Storing;
using FeedPublisher.IntegrationTests.Support;
using FeedPublisher.Storage.Postgres;

namespace FeedPublisher.IntegrationTests.Storage;

/// <summary>
/// Several nodes writing one database at the same moment, each with a store (and a connection pool)
/// of its own, as separate processes would: nothing is lost, doubled or numbered twice.
/// </summary>
[Collection(SharedPostgresServer.Name)]
public sealed class PostgresConcurrentWriteTests(PostgresServer server) : IAsyncLifetime
{
    private const int Nodes = 3;

    private static readonly DateTimeOffset Day = new(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);

    // Names that slug alike, so concurrent writers race for the same slugs.
    private static readonly string[] Categories = ["C", "C++", "C#", "c", "Science", "SCIENCE", "Zürich", "Zurich"];

    private readonly List<PostgresArticleStore> _nodes = [];
    private PostgresDatabase? _database;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var node in _nodes)
        {
            await node.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    [SkippableFact]
    public async Task Apply_SameArticlesOnEveryNodeAtOnce_OneRowEachAndOneSlugPerTerm()
    {
        var nodes = await StartNodesAsync();
        var changes = new StoreChanges(Articles("same", 300), [], []);

        await AtOnceAsync(nodes, node => node.ApplyAsync(changes, CancellationToken.None));

        var store = nodes[0];
        Assert.Equal(300, await store.CountAsync(CancellationToken.None));
        Assert.Equal(300L, await _database!.ScalarAsync("SELECT count(DISTINCT seq) FROM articles WHERE seq BETWEEN 1 AND 300"));
        var terms = await store.GetTermsAsync(TermKind.Category, CancellationToken.None);
        Assert.Equal(["c", "c-2", "c-3", "science", "zurich", "zurich-2"], terms.Select(t => t.Slug));
        Assert.Equal(300L, await _database.ScalarAsync("SELECT count(*) FROM article_terms WHERE kind = 'author'"));
        Assert.Equal(1L + Nodes, await store.GetVersionAsync(CancellationToken.None));
    }

    [SkippableFact]
    public async Task Apply_DifferentArticlesOnEveryNodeAtOnce_AllKeptInOneUnbrokenArchiveOrder()
    {
        var nodes = await StartNodesAsync();

        // Many small applies per node, so that the nodes' transactions interleave.
        await AtOnceAsync(nodes, async node =>
        {
            var name = $"node{nodes.IndexOf(node)}";
            for (var round = 0; round < 20; round++)
            {
                await node.ApplyAsync(new StoreChanges(Articles($"{name}-r{round}", 10), [], []), CancellationToken.None);
            }
        });

        var store = nodes[0];
        var total = Nodes * 20 * 10;
        Assert.Equal(total, await store.CountAsync(CancellationToken.None));
        var pages = await store.GetArchivePagesAsync(1, CancellationToken.None);
        Assert.Equal(Enumerable.Range(1, total), pages.Select(p => p.Number));
        Assert.Equal(["c", "c-2", "c-3", "science", "zurich", "zurich-2"], (await store.GetTermsAsync(TermKind.Category, CancellationToken.None)).Select(t => t.Slug));
        Assert.Equal(1L + (Nodes * 20), await store.GetVersionAsync(CancellationToken.None));
    }

    private async Task<List<PostgresArticleStore>> StartNodesAsync()
    {
        _database = await server.CreateDatabaseAsync();
        for (var i = 0; i < Nodes; i++)
        {
            _nodes.Add(PostgresArticleStore.Open(_database.ConnectionString));
        }

        return _nodes;
    }

    private static async Task AtOnceAsync(List<PostgresArticleStore> nodes, Func<PostgresArticleStore, Task> work)
    {
        using var start = new Barrier(nodes.Count);
        await Task.WhenAll(nodes.Select(node => Task.Run(async () =>
        {
            start.SignalAndWait();
            await work(node);
        })));
    }

    private static List<StoredArticle> Articles(string prefix, int count) =>
        Enumerable.Range(0, count).Select(i => new StoredArticle(
            new Article
            {
                Id = $"{prefix}-{i}",
                Title = $"Article {i}",
                Path = $"{prefix}-{i}",
                Published = Day.AddMinutes(i),
                Updated = Day.AddMinutes(i),
                Summary = "Summary",
                ContentHtml = "<p>Body</p>",
                Categories = [Categories[i % Categories.Length], Categories[(i + 3) % Categories.Length]],
                Authors = [$"Author {i % 5}"],
            },
            new ArticleFile($"{prefix}-{i}.md", 100, Day, $"hash-{i}"))).ToList();
}
