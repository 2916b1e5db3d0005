using FeedPublisher.Core.Model;
using FeedPublisher.Core.Storing;
using FeedPublisher.IntegrationTests.Support;
using FeedPublisher.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace FeedPublisher.IntegrationTests.Storage;

/// <summary>
/// The SQLite store's bulk path (a batch into an empty store: indexes dropped and rebuilt, term
/// links written at the end) must leave exactly the store that the same changes applied one by
/// one leave: every row, every index definition, the version, and what the feeds read.
/// </summary>
public sealed class SqliteBulkLoadTests : IDisposable
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly DateTimeOffset Day = new(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly TempFolder _temp = new();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _temp.Dispose();
    }

    [Fact]
    public async Task Batch_IntoEmptyStore_LeavesTheSameStoreAsChangesOneByOne()
    {
        var (oneByOne, batched) = (Open("one-by-one.db"), Open("batched.db"));
        var chunks = Articles(0, 2_500).Chunk(1_000).Select(c => new StoreChanges(c, [], [])).ToList();

        foreach (var chunk in chunks)
        {
            await oneByOne.ApplyAsync(chunk, None);
        }

        await ApplyInBatch(batched, chunks);

        await AssertSameStore(oneByOne, "one-by-one.db", batched, "batched.db");
    }

    [Fact]
    public async Task Batch_IntoFullStore_WithEditsMovesAndRemovals_LeavesTheSameStoreAsChangesOneByOne()
    {
        var (oneByOne, batched) = (Open("one-by-one.db"), Open("batched.db"));
        var first = new List<StoreChanges> { new(Articles(0, 300), [], []) };
        // More new articles, then in later chunks: edited ones (new terms), a file whose id changed,
        // a touched file and removed ones; in the first chunk an empty store's bulk path is not taken.
        var later = new List<StoreChanges>
        {
            new(Articles(300, 400), [], []),
            new([.. Articles(0, 20).Select(s => WithTerms(s, ["Edited", "science"], ["Zoë Ng"])), Moved(Articles(25, 1)[0], "new-id")],
                [Articles(30, 1)[0].File with { LastWriteTime = Day.AddDays(9) }], ["a0040.md", "a0320.md"]),
            new(Articles(700, 50), [], ["a0710.md"]),
        };

        foreach (var changes in first.Concat(later))
        {
            await oneByOne.ApplyAsync(changes, None);
        }

        await ApplyInBatch(batched, first);
        await ApplyInBatch(batched, later);

        await AssertSameStore(oneByOne, "one-by-one.db", batched, "batched.db");
    }

    [Fact]
    public async Task Batch_IntoEmptyStore_WithRemovalsAndEditsInLaterChunks_LeavesTheSameStore()
    {
        // Not what an ingest does (a first pass has nothing to edit), but the bulk path must
        // still write its held-back term links before anything deletes links.
        var (oneByOne, batched) = (Open("one-by-one.db"), Open("batched.db"));
        var chunks = new List<StoreChanges>
        {
            new(Articles(0, 200), [], []),
            new([.. Articles(0, 5).Select(s => WithTerms(s, ["Other"], ["Someone"])), Moved(Articles(7, 1)[0], "moved")], [], ["a0010.md"]),
            new(Articles(200, 100), [], []),
        };

        foreach (var chunk in chunks)
        {
            await oneByOne.ApplyAsync(chunk, None);
        }

        await ApplyInBatch(batched, chunks);

        await AssertSameStore(oneByOne, "one-by-one.db", batched, "batched.db");
    }

    [Fact]
    public async Task Batch_DisposedWithoutComplete_KeepsNothingAndTheIndexes()
    {
        var store = Open("store.db");
        var indexes = Rows("store.db", "SELECT name, sql FROM sqlite_master ORDER BY name");

        await using (var batch = await store.BeginBatchAsync(None))
        {
            await batch.ApplyAsync(new StoreChanges(Articles(0, 100), [], []), None);
        }

        Assert.Equal(0, await store.CountAsync(None));
        Assert.Equal(indexes, Rows("store.db", "SELECT name, sql FROM sqlite_master ORDER BY name"));
        await store.ApplyAsync(new StoreChanges(Articles(0, 10), [], []), None);
        Assert.Equal(10, await store.CountAsync(None));
    }

    [Fact]
    public async Task Batch_WhileOpen_OtherConnectionsStillReadTheStoreAsItWas()
    {
        var store = Open("store.db");
        await store.ApplyAsync(new StoreChanges(Articles(0, 5), [], []), None);
        var world = await store.GetLatestVersionsAsync(ArticleQuery.For(TermKind.Category, "world"), 50, None);

        await using (var batch = await store.BeginBatchAsync(None))
        {
            await batch.ApplyAsync(new StoreChanges(Articles(5, 100), [], []), None);

            Assert.Equal(5, await store.CountAsync(None));
            Assert.Equal(world, await store.GetLatestVersionsAsync(ArticleQuery.For(TermKind.Category, "world"), 50, None));
            await batch.CompleteAsync(None);
        }

        Assert.Equal(105, await store.CountAsync(None));
    }

    private SqliteArticleStore Open(string name) => SqliteArticleStore.Open(_temp.Combine(name));

    private static async Task ApplyInBatch(IArticleStore store, IEnumerable<StoreChanges> chunks)
    {
        await using var batch = await store.BeginBatchAsync(None);
        foreach (var chunk in chunks)
        {
            await batch.ApplyAsync(chunk, None);
        }

        await batch.CompleteAsync(None);
    }

    private async Task AssertSameStore(SqliteArticleStore expected, string expectedFile, SqliteArticleStore actual, string actualFile)
    {
        foreach (var sql in new[]
        {
            "SELECT * FROM articles ORDER BY seq",
            "SELECT * FROM article_terms ORDER BY kind, slug, published, article_id",
            "SELECT * FROM terms ORDER BY kind, slug",
            "SELECT * FROM store_meta",
            "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY name",
        })
        {
            Assert.Equal(Rows(expectedFile, sql), Rows(actualFile, sql));
        }

        Assert.Equal([["ok"]], Rows(actualFile, "PRAGMA integrity_check"));
        foreach (var kind in new[] { TermKind.Category, TermKind.Author })
        {
            var terms = await expected.GetTermsAsync(kind, None);
            Assert.Equal(terms, await actual.GetTermsAsync(kind, None));
            foreach (var term in terms)
            {
                var query = ArticleQuery.For(kind, term.Slug);
                Assert.Equal(await expected.GetLatestVersionsAsync(query, 50, None), await actual.GetLatestVersionsAsync(query, 50, None));
            }
        }

        Assert.Equal(await expected.GetLatestVersionsAsync(ArticleQuery.All, 1_000, None), await actual.GetLatestVersionsAsync(ArticleQuery.All, 1_000, None));
        Assert.Equal(await expected.GetArchivePagesAsync(100, None), await actual.GetArchivePagesAsync(100, None));
    }

    private List<List<object?>> Rows(string file, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={_temp.Combine(file)}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<List<object?>>();
        while (reader.Read())
        {
            rows.Add([.. Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? null : reader.GetValue(i))]);
        }

        return rows;
    }

    /// <summary>
    /// Headers with dates out of path order, names that differ only in case, names whose slugs
    /// collide, non-ASCII names, an article listing one category twice, empty and missing fields.
    /// </summary>
    private static StoredArticle[] Articles(int first, int count) =>
        [.. Enumerable.Range(first, count).Select(i =>
        {
            string[] categories = (i % 5) switch
            {
                0 => ["World", "Science"],
                1 => ["world", "C++"],
                2 => ["C", "Zürich News"],
                3 => ["Science", "science"],
                _ => [],
            };
            var id = $"a{i:D4}";
            var published = Day.AddHours(-(i * 7919 % 1000));
            var article = new Article
            {
                Id = id,
                Title = $"Title {i} & <more>",
                Path = id,
                Published = published,
                Updated = published.AddMinutes(i % 3),
                Summary = i % 4 == 0 ? "" : $"Summary {i} 😀",
                ContentHtml = "",
                Authors = i % 6 == 0 ? [] : [$"Writer {i % 4}", i % 2 == 0 ? "Zoë Ng" : "zoë ng"],
                Categories = categories,
                Url = i % 3 == 0 ? new Uri($"https://news.example.com/{id}.html") : null,
                Language = i % 2 == 0 ? "en" : null,
            };
            return new StoredArticle(article, new ArticleFile($"{id}.md", 100 + i, published, $"hash-{i}"));
        })];

    private static StoredArticle WithTerms(StoredArticle stored, string[] categories, string[] authors) =>
        stored with { Article = stored.Article with { Categories = categories, Authors = authors, Title = stored.Article.Title + " (edited)" }, File = stored.File with { ContentHash = "edited" } };

    /// <summary>The same file, now claiming another id: the article it held before leaves.</summary>
    private static StoredArticle Moved(StoredArticle stored, string id) =>
        stored with { Article = stored.Article with { Id = id, Path = id } };
}
