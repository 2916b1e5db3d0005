using System.ServiceModel.Syndication;
using System.Xml;
using FeedPublisher.IntegrationTests.Support;

namespace FeedPublisher.IntegrationTests.Cli;

/// <summary><c>import</c>: articles a CMS hands over, stored beside the folder's and published like them, on either store.</summary>
[Collection(SharedPostgresServer.Name)]
public sealed class ImportCommandTests(PostgresServer server) : IAsyncLifetime, IDisposable
{
    private readonly TempFolder _temp = new();
    private PostgresDatabase? _database;
    private string[] _store = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    public void Dispose() => _temp.Dispose();

    [SkippableTheory]
    [InlineData("Sqlite")]
    [InlineData("Postgres")]
    public async Task Import_CmsArticle_PublishedKeptByTheFolderWalkUpdatedThenRemoved(string provider)
    {
        await UseStoreAsync(provider);
        var cms = _temp.CreateFolder("cms");
        WriteCmsArticle(cms, "Rates Held Steady");

        var first = await CliAsync("import", cms);
        await CliAsync("publish");
        var published = Assert.Single(Entries(), e => e.Title.Text == "Rates Held Steady");
        // Its link is its page, by month and slug, which the publish wrote.
        Assert.Equal("https://news.example.com/2025/02/rates-1/", published.Links[0].Uri.AbsoluteUri);
        Assert.True(File.Exists(_temp.Combine("feeds", "2025", "02", "rates-1", "index.html")));
        Assert.True(File.Exists(_temp.Combine("feeds", "categories", "economy", "rss.xml")));

        await CliAsync("publish", "--Feeds:MaxItems=49"); // a full walk of the folder, with new settings so it rebuilds
        Assert.Contains(Entries(), e => e.Title.Text == "Rates Held Steady");

        var again = await CliAsync("import", cms);
        WriteCmsArticle(cms, "Rates Held Steady, Corrected");
        var edited = await CliAsync("import", cms, "--publish");
        var updated = Assert.Single(Entries(), e => e.Id == published.Id);
        Assert.Equal("Rates Held Steady, Corrected", updated.Title.Text);
        Assert.Equal(published.PublishDate, updated.PublishDate);

        var removed = await CliAsync("import", "--remove", "cms/rates-1", "--publish");
        Assert.DoesNotContain(Entries(), e => e.Id == published.Id);
        Assert.False(Directory.Exists(_temp.Combine("feeds", "categories", "economy")));
        Assert.False(Directory.Exists(_temp.Combine("feeds", "2025")));

        Assert.Contains("1 added", first.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("1 unchanged", again.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("1 updated", edited.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("1 removed", removed.StandardOutput, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Import_IdOfAFileInTheArticlesFolder_RefusedWithExit1AndNamesTheFile()
    {
        await UseStoreAsync("Sqlite");
        await CliAsync("publish");
        var cms = _temp.CreateFolder("cms");
        File.WriteAllText(Path.Combine(cms, "copy.json"), """{"id": "000_f54e15e33b7f0285", "title": "A Copy", "body_text": "Text."}""");

        var result = await FeedPublisherCli.RunAsync(_temp.Path, ["import", cms, .. Common()]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("000_f54e15e33b7f0285.txt in the articles folder", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("1 refused", result.StandardOutput, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Publish_FileClaimingAnImportedId_SkippedNamingTheImport()
    {
        await UseStoreAsync("Sqlite");
        var cms = _temp.CreateFolder("cms");
        WriteCmsArticle(cms, "Rates Held Steady");
        await CliAsync("import", cms);
        File.WriteAllText(_temp.Combine("articles", "claim.md"), "---\nid: cms/rates-1\ntitle: A Claim\n---\nBody.");

        var result = await CliAsync("publish");

        Assert.Contains("its id 'cms/rates-1' is already the id of @/import/cms/rates-1", result.StandardOutput + result.StandardError, StringComparison.Ordinal);
        Assert.Contains(Entries(), e => e.Title.Text == "Rates Held Steady");
        Assert.DoesNotContain(Entries(), e => e.Title.Text == "A Claim");
    }

    [SkippableFact]
    public async Task Import_DraftsScheduledAndExpired_ReportedNotPublishedAndNotStored()
    {
        await UseStoreAsync("Sqlite");
        var cms = _temp.CreateFolder("cms");
        File.WriteAllText(Path.Combine(cms, "hugo.md"), "---\nid: cms/hugo\ntitle: Hugo Draft\ndraft: true\n---\nBody.\n");
        File.WriteAllText(Path.Combine(cms, "jekyll.md"), "---\nid: cms/jekyll\ntitle: Jekyll Unpublished\npublished: false\n---\nBody.\n");
        File.WriteAllText(Path.Combine(cms, "ghost.json"), """{"id": "cms/ghost", "title": "Ghost Scheduled", "status": "scheduled", "body_text": "Body."}""");
        File.WriteAllText(Path.Combine(cms, "old.md"), "---\nid: cms/old\ntitle: Long Expired\nexpiryDate: 2020-01-01\n---\nBody.\n");
        WriteCmsArticle(cms, "Rates Held Steady");

        var result = await CliAsync("import", cms, "--publish");

        Assert.Contains("hugo.md: not published: a draft (draft: true)", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("jekyll.md: not published: a draft (published: false)", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("ghost.json: not published: a draft (status: scheduled)", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("old.md: not published: expired on 2020-01-01 00:00 UTC (expiryDate)", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("Imported 5 files: 1 added, 0 updated, 0 unchanged, 0 removed, 0 refused, 4 not published (drafts, expired)", result.StandardOutput, StringComparison.Ordinal);
        var titles = Entries().Select(e => e.Title.Text).ToList();
        Assert.Contains("Rates Held Steady", titles);
        Assert.DoesNotContain(titles, title => title is "Hugo Draft" or "Jekyll Unpublished" or "Ghost Scheduled" or "Long Expired");

        // Not stored: removing them finds no imported article.
        var remove = await FeedPublisherCli.RunAsync(_temp.Path, ["import", "--remove", "cms/hugo", .. Common()]);
        Assert.Equal(1, remove.ExitCode);
        Assert.Contains("no imported article has this id", remove.StandardOutput, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Import_PublishedArticleImportedAgainAsDraft_RemovedFromStoreAndFeeds()
    {
        await UseStoreAsync("Sqlite");
        var cms = _temp.CreateFolder("cms");
        WriteCmsArticle(cms, "Rates Held Steady");
        await CliAsync("import", cms, "--publish");
        Assert.Contains(Entries(), e => e.Title.Text == "Rates Held Steady");

        File.WriteAllText(Path.Combine(cms, "rates.json"), """{"id": "cms/rates-1", "title": "Rates Held Steady", "status": "draft", "body_text": "Withdrawn."}""");
        var result = await CliAsync("import", cms, "--publish");

        Assert.Contains("rates.json: not published: a draft (status: draft)", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("1 removed", result.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain(Entries(), e => e.Title.Text == "Rates Held Steady");
        Assert.False(Directory.Exists(_temp.Combine("feeds", "categories", "economy")));
    }

    [SkippableFact]
    public async Task Import_UnknownKeyInTwoFiles_OneWarningWithTheNearestKey()
    {
        await UseStoreAsync("Sqlite");
        var cms = _temp.CreateFolder("cms");
        File.WriteAllText(Path.Combine(cms, "a.json"), """{"id": "cms/a", "title": "A", "publishedAt": "2026-01-01", "body_text": "Body."}""");
        File.WriteAllText(Path.Combine(cms, "b.json"), """{"id": "cms/b", "title": "B", "publishedAt": "2026-01-02", "slug": "b", "body_text": "Body."}""");

        var result = await CliAsync("import", cms);

        var line = Assert.Single(result.StandardOutput.Split('\n'), l => l.Contains("unknown key", StringComparison.Ordinal));
        Assert.Contains("2 files use the unknown key 'publishedAt' (did you mean 'published_at'?), e.g. ", line, StringComparison.Ordinal);
        Assert.DoesNotContain("'slug'", result.StandardOutput, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Import_OneJsonFeedItem_StoredUnderItsIdAsGuid()
    {
        await UseStoreAsync("Sqlite");
        var cms = _temp.CreateFolder("cms");
        File.WriteAllText(Path.Combine(cms, "item.json"), """
            {"id": "https://old.example.com/?p=12", "title": "Moved Item", "date_published": "2026-01-05T08:00:00Z",
             "content_html": "<p>According to Reuters, it moved.</p>"}
            """);

        await CliAsync("import", cms, "--publish");

        var entry = Assert.Single(Entries(), e => e.Title.Text == "Moved Item");
        Assert.Equal("https://old.example.com/?p=12", entry.Id);
        Assert.Equal(new DateTimeOffset(2026, 1, 5, 8, 0, 0, TimeSpan.Zero), entry.PublishDate);
    }

    private async Task UseStoreAsync(string provider)
    {
        RepositoryPaths.CopySampleArticles(_temp.Combine("articles"));
        if (provider == "Postgres")
        {
            _database = await server.CreateDatabaseAsync();
            _store = ["--Storage:Provider=Postgres", $"--Storage:ConnectionString={_database.ConnectionString}"];
        }
        else
        {
            _store = ["--store", _temp.Combine("store.db")];
        }
    }

    private string[] Common() => ["--articles", _temp.Combine("articles"), "--feeds", _temp.Combine("feeds"), "--base-url", "https://news.example.com/", .. _store];

    private async Task<CliResult> CliAsync(params string[] args)
    {
        var result = await FeedPublisherCli.RunAsync(_temp.Path, [.. args, .. Common()]);
        Assert.True(result.ExitCode == 0, result.ToString());
        return result;
    }

    private static void WriteCmsArticle(string folder, string title) =>
        File.WriteAllText(Path.Combine(folder, "rates.json"), $$"""
            {"id": "cms/rates-1", "title": "{{title}}", "date": "2025-02-01T08:00:00Z", "categories": ["Economy"],
             "body_html": "<p>The central bank held rates, according to Reuters.</p>"}
            """);

    private List<SyndicationItem> Entries()
    {
        using var reader = XmlReader.Create(_temp.Combine("feeds", "atom.xml"), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
        return SyndicationFeed.Load(reader).Items.ToList();
    }
}
