using System.Text.Json;
using FeedPublisher.Core.Model;
using FeedPublisher.Core.Storing;
using FeedPublisher.IntegrationTests.Support;
using FeedPublisher.Storage;
using FeedPublisher.Storage.Postgres;
using Npgsql;

namespace FeedPublisher.IntegrationTests.Storage;

/// <summary>
/// The feed queries read one index range in feed order and stop at the limit: no scan of the whole
/// table and no sort, however many articles the store holds. Checked with EXPLAIN on a store big
/// enough for the planner to care.
/// </summary>
[Collection(SharedPostgresServer.Name)]
public sealed class PostgresQueryPlanTests(PostgresServer server) : IAsyncLifetime
{
    private static readonly DateTimeOffset Day = new(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);

    private PostgresDatabase? _database;
    private PostgresArticleStore? _store;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_store is not null)
        {
            await _store.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    [SkippableFact]
    public async Task MainFeed_WalksThePublishedIndexWithoutSorting()
    {
        var plan = await PlanAsync(ArticleQuery.All);

        Assert.Contains("Index Scan using articles_by_published", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("Sort", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("Seq Scan", plan, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task TermFeed_WalksItsRangeOfTheTermIndexWithoutSorting()
    {
        var plan = await PlanAsync(ArticleQuery.For(TermKind.Category, "topic-3"));

        Assert.Contains("article_terms_by_feed", plan, StringComparison.Ordinal);
        Assert.Contains("articles_pkey", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("Sort", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("Seq Scan", plan, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task ArchivePages_ReadOnlyTheSeqIndex()
    {
        await FillAsync();
        await using var dataSource = NpgsqlDataSource.Create(_database!.ConnectionString);
        await using var command = dataSource.CreateCommand("EXPLAIN (FORMAT JSON) " + PostgresArticleQueries.ArchivePages);
        command.Parameters.Add(new NpgsqlParameter<long>("size", 50));
        command.Parameters.Add(new NpgsqlParameter<long>("now", Now));

        var plan = await PlanAsync(command);

        Assert.Contains("Index Only Scan using articles_by_seq", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("Seq Scan", plan, StringComparison.Ordinal);
    }

    /// <summary>The feed queries' cut-off: after every article of <see cref="FillAsync"/>, as in a store without scheduled ones.</summary>
    private static long Now => Day.AddYears(1).ToUnixTimeMilliseconds();

    /// <summary>The plan of the store's own query for a feed of 50.</summary>
    private async Task<string> PlanAsync(ArticleQuery query)
    {
        await FillAsync();
        await using var dataSource = NpgsqlDataSource.Create(_database!.ConnectionString);
        await using var command = PostgresArticleQueries.Latest(dataSource, query, 50, StoredRows.ArticleColumns, Now);
        command.CommandText = "EXPLAIN (FORMAT JSON) " + command.CommandText;
        return await PlanAsync(command);
    }

    /// <summary>The plan as the node types and index names it uses, one a line.</summary>
    private static async Task<string> PlanAsync(NpgsqlCommand explain)
    {
        var json = (string)(await explain.ExecuteScalarAsync())!;
        using var plan = JsonDocument.Parse(json);
        return string.Join("\n", Nodes(plan.RootElement[0].GetProperty("Plan")));
    }

    private async Task FillAsync()
    {
        _database = await server.CreateDatabaseAsync();
        _store = PostgresArticleStore.Open(_database.ConnectionString);
        var articles = Enumerable.Range(0, 5_000).Select(i => new StoredArticle(
            new Article
            {
                Id = $"a{i}",
                Title = "T",
                Path = $"a{i}",
                Published = Day.AddMinutes(i),
                Updated = Day.AddMinutes(i),
                // Rows about as wide as real ones: on a table of tiny rows a full scan looks cheap to the planner.
                Summary = Filler(i, 300),
                ContentHtml = $"<p>{Filler(i + 1, 1_500)}</p>",
                Categories = [$"Topic {i % 20}"],
                Authors = [$"Author {i % 50}"],
            },
            new ArticleFile($"a{i}.md", 1, Day, "h"))).ToList();
        await _store.ApplyAsync(new StoreChanges(articles, [], []), CancellationToken.None);
        // What autovacuum does to a live store: statistics, and a visibility map for index-only scans.
        await _database.ScalarAsync("VACUUM ANALYZE");
    }

    private static string Filler(int seed, int length)
    {
        var random = new Random(seed);
        return new string([.. Enumerable.Range(0, length).Select(_ => (char)random.Next('a', 'z' + 1))]);
    }

    private static IEnumerable<string> Nodes(JsonElement node)
    {
        yield return $"{node.GetProperty("Node Type").GetString()} {(node.TryGetProperty("Index Name", out var index) ? "using " + index.GetString() : "")}".Trim();
        if (node.TryGetProperty("Plans", out var children))
        {
            foreach (var child in children.EnumerateArray().SelectMany(Nodes))
            {
                yield return child;
            }
        }
    }
}
