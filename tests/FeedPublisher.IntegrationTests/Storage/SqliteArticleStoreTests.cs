using FeedPublisher.Core.Model;
using FeedPublisher.Core.Storing;
using FeedPublisher.IntegrationTests.Support;
using FeedPublisher.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace FeedPublisher.IntegrationTests.Storage;

/// <summary>The SQLite store on a real file: the store contract, and what only a file store has (WAL, migrations from old files).</summary>
public sealed class SqliteArticleStoreTests : ArticleStoreContract, IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly string _file;

    public SqliteArticleStoreTests() => _file = _temp.Combine("state", "store.db");

    protected override Task<IArticleStore> OpenAsync(string? derivation = null, TimeProvider? clock = null) => Task.FromResult<IArticleStore>(SqliteArticleStore.Open(_file, derivation, clock));

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
    public async Task Open_StoreAtVersion1_UpgradesAndKeepsItsArticles()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_file)!);
        Execute(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "src/FeedPublisher.Storage/Sqlite/Migrations/001_articles.sql")) + """
            INSERT INTO articles VALUES ('old', 'old.txt', 1, 1, 'h', 'Old', 'old', 0, 0, 'S', '<p>B</p>', '["Zoë Ng"]', '["Zürich News"]', '[]');
            PRAGMA user_version = 1;
            """);

        var store = SqliteArticleStore.Open(_file);

        Assert.Equal(LatestSchemaVersion, Scalar("PRAGMA user_version"));
        var article = Assert.Single(await Latest(store, 10));
        Assert.Equal("Old", article.Title);
        Assert.Null(article.Url);
        Assert.Null(article.Origin);
        Assert.Equal([new FeedTerm(TermKind.Category, "zurich-news", "Zürich News")], await store.GetTermsAsync(TermKind.Category, CancellationToken.None));
        Assert.Equal("Old", Assert.Single(await store.GetLatestAsync(ArticleQuery.For(TermKind.Author, "zoe-ng"), 10, CancellationToken.None)).Title);
    }

    [Fact]
    public async Task Open_StoreAtVersion9_ArticlesWithAuthorsReadAgainForTheirPages()
    {
        // Stored before author pages were kept: the files of articles with authors are read again.
        Directory.CreateDirectory(Path.GetDirectoryName(_file)!);
        var scripts = Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "src/FeedPublisher.Storage/Sqlite/Migrations"), "*.sql").Order(StringComparer.Ordinal).Take(9);
        Execute(string.Concat(scripts.Select(File.ReadAllText)) + """
            INSERT INTO articles (id, source_path, seq, file_length, file_mtime, content_hash, title, path, published, updated, summary, content_html, authors, categories, sources, derived_with)
            VALUES ('a', 'a.txt', 1, 1, 1, 'h', 'A', 'a', 0, 0, 'S', '<p>B</p>', '["Ann"]', '[]', '[]', 'today'),
                   ('b', 'b.txt', 2, 1, 1, 'h', 'B', 'b', 0, 0, 'S', '<p>B</p>', '[]', '[]', '[]', 'today');
            PRAGMA user_version = 9;
            """);

        var store = SqliteArticleStore.Open(_file, "today");

        var stamps = await store.GetFileStampsAsync(CancellationToken.None);
        Assert.True(stamps["a.txt"].Stale);
        // Migration 011 reads every file again, for the expiry dates stored since (see the next test).
        Assert.True(stamps["b.txt"].Stale);
        Assert.Empty(Assert.Single(await Latest(store, 10), a => a.Id == "a").AuthorUrls);
    }

    [Fact]
    public async Task Open_StoreAtVersion10_EveryArticleReadAgainForItsExpiry()
    {
        // Stored before expiry dates were kept: every file is read again, its article shown meanwhile.
        Directory.CreateDirectory(Path.GetDirectoryName(_file)!);
        var scripts = Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "src/FeedPublisher.Storage/Sqlite/Migrations"), "*.sql").Order(StringComparer.Ordinal).Take(10);
        Execute(string.Concat(scripts.Select(File.ReadAllText)) + """
            INSERT INTO articles (id, source_path, seq, file_length, file_mtime, content_hash, title, path, published, updated, summary, content_html, authors, categories, sources, derived_with)
            VALUES ('b', 'b.txt', 1, 1, 1, 'h', 'B', 'b', 0, 0, 'S', '<p>B</p>', '[]', '[]', '[]', 'today');
            PRAGMA user_version = 10;
            """);

        var store = SqliteArticleStore.Open(_file, "today");

        Assert.True((await store.GetFileStampsAsync(CancellationToken.None))["b.txt"].Stale);
        Assert.Null(Assert.Single(await Latest(store, 10)).Expires);
    }

    [Fact]
    public async Task Open_StoreAtVersion11_ArticlesShownWithoutAttachmentsUntilReadAgain()
    {
        // Stored before attachments were kept: shown as they were (no files) until the next walk
        // reads them again, which the extraction's new revision asks for (derived_with differs).
        Directory.CreateDirectory(Path.GetDirectoryName(_file)!);
        var scripts = Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "src/FeedPublisher.Storage/Sqlite/Migrations"), "*.sql").Order(StringComparer.Ordinal).Take(11);
        Execute(string.Concat(scripts.Select(File.ReadAllText)) + """
            INSERT INTO articles (id, source_path, seq, file_length, file_mtime, content_hash, title, path, published, updated, summary, content_html, authors, categories, sources, derived_with)
            VALUES ('b', 'b.txt', 1, 1, 1, 'h', 'B', 'b', 0, 0, 'S', '<p>B</p>', '[]', '[]', '[]', 'revision 1');
            PRAGMA user_version = 11;
            """);

        var store = SqliteArticleStore.Open(_file, "revision 2");

        Assert.True((await store.GetFileStampsAsync(CancellationToken.None))["b.txt"].Stale);
        Assert.Empty(Assert.Single(await Latest(store, 10)).Attachments);
    }

    [Fact]
    public void Open_SchemaNewerThanProgram_FailsWithClearMessage()
    {
        SqliteArticleStore.Open(_file);
        Execute("PRAGMA user_version = 999");

        var e = Assert.Throws<InvalidOperationException>(() => SqliteArticleStore.Open(_file));
        Assert.Contains("999", e.Message, StringComparison.Ordinal);
    }

    private static long LatestSchemaVersion =>
        Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "src/FeedPublisher.Storage/Sqlite/Migrations"), "*.sql").Length;

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
