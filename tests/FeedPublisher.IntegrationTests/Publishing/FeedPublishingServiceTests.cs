using System.ServiceModel.Syndication;
using System.Xml;
using FeedPublisher.Configuration;
using FeedPublisher.Core.Publishing;
using FeedPublisher.Hosting;
using FeedPublisher.IntegrationTests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FeedPublisher.IntegrationTests.Publishing;

/// <summary>An article's life through repeated publishes: the same pipeline the CLI builds, on real files and SQLite.</summary>
public sealed class FeedPublishingServiceTests : IDisposable
{
    private static readonly DateTime FirstWrite = new(2024, 3, 1, 8, 0, 0, DateTimeKind.Utc);

    private readonly TempFolder _temp = new();
    private readonly string _articles;
    private readonly ServiceProvider _services;
    private readonly FeedPublishingService _publisher;

    public FeedPublishingServiceTests()
    {
        _articles = _temp.CreateFolder("articles");
        (_services, _publisher) = CreatePublisher();
    }

    private (ServiceProvider Services, FeedPublishingService Publisher) CreatePublisher(params (string Key, string Value)[] extra)
    {
        var values = new Dictionary<string, string?>
        {
            ["Articles:Directory"] = _articles,
            ["Feeds:Directory"] = _temp.Combine("feeds"),
            ["Storage:ConnectionString"] = _temp.Combine("store.db"),
            ["Site:BaseUrl"] = "https://news.example.com/",
            ["Articles:MaxBytes"] = "10000",
        };
        foreach (var (key, value) in extra)
        {
            values[key] = value;
        }

        var services = new ServiceCollection().AddLogging()
            .AddFeedPublisher(FeedPublisherSettings.Load(new ConfigurationBuilder().AddInMemoryCollection(values).Build()))
            .BuildServiceProvider();
        return (services, services.GetRequiredService<FeedPublishingService>());
    }

    public void Dispose()
    {
        _services.Dispose();
        SqliteConnection.ClearAllPools();
        _temp.Dispose();
    }

    [Fact]
    public async Task Publish_NewFileWithoutDate_PublishedAtTheFileTime()
    {
        Write("story.txt", "A Story\n\nAccording to Reuters, it happened.", FirstWrite);

        await _publisher.PublishAsync(CancellationToken.None);

        var item = Assert.Single(ReadAtom().Items);
        Assert.Equal(new DateTimeOffset(FirstWrite), item.PublishDate);
        Assert.Equal(new DateTimeOffset(FirstWrite), item.LastUpdatedTime);
    }

    [Fact]
    public async Task Publish_EditedFile_KeepsIdAndPublishedAndGetsNewUpdated()
    {
        Write("story.txt", "A Story\n\nFirst version.", FirstWrite);
        await _publisher.PublishAsync(CancellationToken.None);
        var before = Assert.Single(ReadAtom().Items);

        var edited = FirstWrite.AddHours(3);
        Write("story.txt", "A Story, Corrected\n\nSecond version.", edited);
        var report = await _publisher.PublishAsync(CancellationToken.None);

        Assert.Equal(1, report.Ingest.Updated);
        var after = Assert.Single(ReadAtom().Items);
        Assert.Equal(before.Id, after.Id);
        Assert.Equal("A Story, Corrected", after.Title.Text);
        Assert.Equal(before.PublishDate, after.PublishDate);
        Assert.Equal(new DateTimeOffset(edited), after.LastUpdatedTime);
    }

    [Fact]
    public async Task Publish_FileTouchedButNotChanged_ChangesNothing()
    {
        Write("story.txt", "A Story\n\nBody.", FirstWrite);
        await _publisher.PublishAsync(CancellationToken.None);

        File.SetLastWriteTimeUtc(Path.Combine(_articles, "story.txt"), FirstWrite.AddDays(1));
        var report = await _publisher.PublishAsync(CancellationToken.None);

        Assert.Equal(0, report.Written);
        Assert.Equal(1, report.Ingest.Unchanged);
        Assert.Equal(new DateTimeOffset(FirstWrite), Assert.Single(ReadAtom().Items).LastUpdatedTime);
    }

    [Theory]
    [InlineData("Site:Title", "Another Title", "atom.xml")]
    [InlineData("Feeds:MaxItems", "1", "atom.xml")]
    [InlineData("Feeds:Named:short:Categories:0", "World", "short/atom.xml")]
    public async Task Publish_SettingChangedButNoArticle_RewritesTheFeeds(string key, string value, string changedFile)
    {
        Write("one.md", "---\ntitle: One\ncategories: [World]\n---\n\nBody.", FirstWrite);
        Write("two.md", "---\ntitle: Two\n---\n\nBody.", FirstWrite.AddMinutes(1));
        var (services, publisher) = CreatePublisher(("Feeds:Named:short:Title", "Short"));
        using (services)
        {
            await publisher.PublishAsync(CancellationToken.None);
        }

        var before = File.ReadAllBytes(_temp.Combine("feeds", changedFile));
        (services, publisher) = CreatePublisher(("Feeds:Named:short:Title", "Short"), (key, value));
        using (services)
        {
            var report = await publisher.PublishAsync(CancellationToken.None);
            Assert.True(report.Written > 0);
        }

        Assert.NotEqual(before, File.ReadAllBytes(_temp.Combine("feeds", changedFile)));
    }

    [Fact]
    public async Task Publish_MoreChangesThanOneChunkThenAFew_TakesTheChunkedPassThenTheChangedFilesAlone()
    {
        // Over 2,000 changed files go through the chunked pass that reads every known file's
        // identity; a few go through alone. Both must come to the same store and feeds.
        for (var i = 0; i < 2100; i++)
        {
            Write($"a{i:D4}.md", $"---\ntitle: Story {i}\ndate: 2024-01-01T00:00:00Z\n---\nBody {i}.", FirstWrite.AddSeconds(i));
        }

        var cold = await _publisher.PublishAsync(CancellationToken.None);
        Assert.Equal((2100, 2100, 2100), (cold.Ingest.Files, cold.Ingest.Added, cold.ArticlesInStore));
        Assert.Contains("Story 0", ReadAtom().Items.Select(i => i.Title.Text));

        Write("a0001.md", "---\ntitle: Story 1, Edited\ndate: 2024-06-01T00:00:00Z\n---\nBody 1.", FirstWrite.AddDays(1));
        File.SetLastWriteTimeUtc(Path.Combine(_articles, "a0002.md"), FirstWrite.AddDays(1));
        File.Delete(Path.Combine(_articles, "a0000.md"));
        Write("b.md", "---\ntitle: Newest\ndate: 2025-01-01T00:00:00Z\n---\nBody.", FirstWrite);
        var few = await _publisher.PublishAsync(CancellationToken.None);

        Assert.Equal((2100, 1, 1, 2098, 1), (few.Ingest.Files, few.Ingest.Added, few.Ingest.Updated, few.Ingest.Unchanged, few.Ingest.Removed));
        Assert.Equal(2100, few.ArticlesInStore);
        var titles = ReadAtom().Items.Select(i => i.Title.Text).ToList();
        Assert.Equal(["Newest", "Story 1, Edited", "Story 2"], titles.Take(3));
        Assert.DoesNotContain("Story 0", titles);

        foreach (var file in Directory.EnumerateFiles(_articles))
        {
            File.SetLastWriteTimeUtc(file, FirstWrite.AddDays(2));
        }

        var touched = await _publisher.PublishAsync(CancellationToken.None);
        Assert.Equal((2100, 0, 0, 2100, 0, 0), (touched.Ingest.Files, touched.Ingest.Added, touched.Ingest.Updated, touched.Ingest.Unchanged, touched.Ingest.Removed, touched.Written));
    }

    [Fact]
    public async Task Publish_DeletedFile_LeavesTheFeeds()
    {
        Write("keep.txt", "Keep Me\n\nBody.", FirstWrite);
        Write("drop.txt", "Drop Me\n\nBody.", FirstWrite.AddMinutes(1));
        await _publisher.PublishAsync(CancellationToken.None);

        File.Delete(Path.Combine(_articles, "drop.txt"));
        var report = await _publisher.PublishAsync(CancellationToken.None);

        Assert.Equal(1, report.Ingest.Removed);
        Assert.Equal(["Keep Me"], ReadAtom().Items.Select(i => i.Title.Text));
    }

    [Fact]
    public async Task Publish_GoodFileTurnsBad_KeepsLastGoodVersionAndReportsIt()
    {
        Write("story.txt", "A Story\n\nBody.", FirstWrite);
        await _publisher.PublishAsync(CancellationToken.None);

        Write("story.txt", "", FirstWrite.AddHours(1));
        var report = await _publisher.PublishAsync(CancellationToken.None);

        var problem = Assert.Single(report.Ingest.Problems);
        Assert.True(problem.Rejected);
        Assert.EndsWith("story.txt", problem.Path, StringComparison.Ordinal);
        Assert.Equal(["A Story"], ReadAtom().Items.Select(i => i.Title.Text));
    }

    [Fact]
    public async Task Publish_GoodMarkdownTurnsBadInItsBody_KeepsLastGoodVersionAndReportsIt()
    {
        Write("story.md", "---\ntitle: A Story\n---\nBody.", FirstWrite);
        await _publisher.PublishAsync(CancellationToken.None);

        Write("story.md", "---\ntitle: A Story, Emptied\n---\n<!-- nothing -->", FirstWrite.AddHours(1));
        var report = await _publisher.PublishAsync(CancellationToken.None);

        var problem = Assert.Single(report.Ingest.Problems);
        Assert.Equal("it has a title but no body text", problem.Message);
        var item = Assert.Single(ReadAtom().Items);
        Assert.Equal("A Story", item.Title.Text);
        Assert.Contains("Body.", ((TextSyndicationContent)item.Content).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_NewArticleWithUnusableBody_IsReportedAndTheFeedGoesOn()
    {
        // Both in the main feed and the World feed: the bad body is found, reported and dropped once.
        Write("good.md", "---\ntitle: Good\ncategories: [World]\n---\nBody.", FirstWrite);
        Write("empty.md", "---\ntitle: Empty\ncategories: [World]\n---\n\n", FirstWrite.AddHours(1));

        var report = await _publisher.PublishAsync(CancellationToken.None);

        var problem = Assert.Single(report.Ingest.Problems);
        Assert.True(problem.Rejected);
        Assert.EndsWith("empty.md", problem.Path, StringComparison.Ordinal);
        Assert.Equal("it has a title but no body text", problem.Message);
        Assert.Equal(1, report.Ingest.Rejected);
        Assert.Equal(["Good"], ReadAtom().Items.Select(i => i.Title.Text));
        Assert.Equal(["Good"], ReadAtom(_temp.Combine("feeds", "categories", "world", "atom.xml")).Items.Select(i => i.Title.Text));
        Assert.Equal(1, report.ArticlesInStore);
    }

    [Theory]
    [InlineData("draft: true")]
    [InlineData("published: false")]
    [InlineData("status: Draft")]
    [InlineData("expiryDate: 2020-01-01")]
    public async Task Publish_DraftOrExpired_IsWithheldNotRejected(string key)
    {
        Write("good.md", "---\ntitle: Good\ncategories: [World]\n---\nBody.", FirstWrite);
        Write("held.md", $"---\ntitle: Held\ncategories: [World]\n{key}\n---\nBody.", FirstWrite.AddHours(1));

        var report = await _publisher.PublishAsync(CancellationToken.None);

        Assert.Equal(1, report.Ingest.Withheld);
        Assert.Equal(0, report.Ingest.Rejected);
        Assert.Empty(report.Ingest.Problems);
        Assert.Equal(1, report.ArticlesInStore);
        Assert.Equal(["Good"], ReadAtom().Items.Select(i => i.Title.Text));
        Assert.Equal(["Good"], ReadAtom(_temp.Combine("feeds", "categories", "world", "atom.xml")).Items.Select(i => i.Title.Text));
    }

    [Fact]
    public async Task Publish_PublishedArticleTurnedDraft_LeavesEveryFeedAndComesBack()
    {
        var (services, publisher) = CreatePublisher(("Feeds:MaxItems", "2"), ("Feeds:ArchivePageSize", "2"));
        using (services)
        {
            Write("a.md", "---\ntitle: Story A\ncategories: [World]\n---\nBody.", FirstWrite);
            Write("b.md", "---\ntitle: Story B\ncategories: [World]\n---\nBody.", FirstWrite.AddHours(1));
            await publisher.PublishAsync(CancellationToken.None);
            Assert.Contains("Story A", File.ReadAllText(_temp.Combine("feeds", "archive", "1", "atom.xml")), StringComparison.Ordinal);

            Write("a.md", "---\ntitle: Story A\ncategories: [World]\ndraft: true\n---\nBody.", FirstWrite.AddDays(1));
            var withheld = await publisher.PublishAsync(CancellationToken.None);

            Assert.Equal((1, 1), (withheld.Ingest.Withheld, withheld.Ingest.Removed));
            Assert.Equal(["Story B"], ReadAtom().Items.Select(i => i.Title.Text));
            Assert.Equal(["Story B"], ReadAtom(_temp.Combine("feeds", "categories", "world", "atom.xml")).Items.Select(i => i.Title.Text));
            Assert.DoesNotContain("Story A", string.Concat(Directory.GetFiles(_temp.Combine("feeds"), "*.xml", SearchOption.AllDirectories).Select(File.ReadAllText)), StringComparison.Ordinal);

            Write("a.md", "---\ntitle: Story A\ncategories: [World]\ndraft: false\n---\nBody.", FirstWrite.AddDays(2));
            var published = await publisher.PublishAsync(CancellationToken.None);

            Assert.Equal((0, 1), (published.Ingest.Withheld, published.Ingest.Added));
            Assert.Equal(["Story A", "Story B"], ReadAtom().Items.Select(i => i.Title.Text).Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public async Task Publish_ArticlesNoFeedShows_AreStoredCompleteAtIngest()
    {
        // One direction: ingest derives header and body together, so nothing after it reads a file,
        // whether a feed shows the article or not.
        var (services, publisher) = CreatePublisher(("Feeds:MaxItems", "2"), ("Feeds:ArchivePageSize", "0"));
        using (services)
        {
            for (var i = 0; i < 7; i++)
            {
                Write($"a{i}.md", $"---\ntitle: Story {i}\ndate: 2024-01-0{i + 1}\n---\nBody {i}, according to Reuters.", FirstWrite);
            }

            await publisher.PublishAsync(CancellationToken.None);
        }

        using var connection = new SqliteConnection($"Data Source={_temp.Combine("store.db")}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM articles WHERE content_html LIKE '%Body%' AND summary <> '' AND sources LIKE '%Reuters%' AND derived_with IS NOT NULL";
        Assert.Equal(7L, command.ExecuteScalar());
    }

    [Fact]
    public async Task Publish_WatchedChanges_LooksAtThoseFilesAloneAndLeaveNothingForAFullWalk()
    {
        var changes = _services.GetRequiredService<Core.Ingesting.ChangedArticles>();
        changes.StartTracking();
        for (var i = 0; i < 5; i++)
        {
            Write($"a{i}.md", $"---\ntitle: Story {i}\ncategories: [Topic {i % 2}]\n---\nBody {i}.", FirstWrite.AddHours(i));
        }

        Assert.Equal(5, (await _publisher.PublishAsync(CancellationToken.None)).Ingest.Files);

        Write("a1.md", "---\ntitle: Story 1, Edited\ncategories: [Topic 7]\n---\nNew body.", FirstWrite.AddDays(1));
        Write("new.md", "---\ntitle: A New Story\n---\nBody.", FirstWrite.AddDays(2));
        File.Delete(Path.Combine(_articles, "a3.md"));
        Write("unseen.md", "---\ntitle: Not Reported By The Watcher\n---\nBody.", FirstWrite.AddDays(3));
        foreach (var path in (string[])["a1.md", "new.md", "a3.md"])
        {
            changes.Add(path);
        }

        var report = await _publisher.PublishAsync(CancellationToken.None);

        Assert.Equal((2, 1, 1, 1), (report.Ingest.Files, report.Ingest.Added, report.Ingest.Updated, report.Ingest.Removed));
        Assert.DoesNotContain("Not Reported By The Watcher", ReadAtom().Items.Select(i => i.Title.Text));
        // A full walk afterwards finds the store and the feeds already as they should be.
        File.Delete(Path.Combine(_articles, "unseen.md"));
        changes.AddEverything();
        var walk = await _publisher.PublishAsync(CancellationToken.None);
        Assert.Equal((5, 0, 0, 0, 0), (walk.Ingest.Files, walk.Ingest.Added, walk.Ingest.Updated, walk.Ingest.Removed, walk.Written));
    }

    [Fact]
    public async Task Publish_WatchedNewFileClaimingAnUnchangedFilesId_IsRejectedNamingBoth()
    {
        var changes = _services.GetRequiredService<Core.Ingesting.ChangedArticles>();
        changes.StartTracking();
        Write("first.md", "---\ntitle: First\nid: shared\n---\nBody.", FirstWrite);
        await _publisher.PublishAsync(CancellationToken.None);

        Write("second.md", "---\ntitle: Second\nid: shared\n---\nBody.", FirstWrite.AddHours(1));
        changes.Add("second.md");
        var report = await _publisher.PublishAsync(CancellationToken.None);

        var problem = Assert.Single(report.Ingest.Problems);
        Assert.Contains("first.md", problem.Message, StringComparison.Ordinal);
        Assert.EndsWith("second.md", problem.Path, StringComparison.Ordinal);
        Assert.Equal(["First"], ReadAtom().Items.Select(i => i.Title.Text));
    }

    [Fact]
    public async Task Publish_WatchedFolderMove_WalksEverything()
    {
        var changes = _services.GetRequiredService<Core.Ingesting.ChangedArticles>();
        changes.StartTracking();
        Directory.CreateDirectory(Path.Combine(_articles, "world"));
        Write("world/story.md", "---\ntitle: Story\n---\nBody.", FirstWrite);
        Write("other.md", "---\ntitle: Other\n---\nBody.", FirstWrite);
        await _publisher.PublishAsync(CancellationToken.None);
        var before = ReadAtom().Items.Single(i => i.Title.Text == "Story").Id;

        Directory.Move(Path.Combine(_articles, "world"), Path.Combine(_articles, "asia"));
        changes.Add("world");
        changes.Add("asia");
        var report = await _publisher.PublishAsync(CancellationToken.None);

        Assert.Equal(2, report.Ingest.Files);
        Assert.Equal(1, report.Ingest.Removed);
        // A new identity (its path's), and still one page, at the same link: the month and the file name did not change.
        var moved = ReadAtom().Items.Single(i => i.Title.Text == "Story");
        Assert.NotEqual(before, moved.Id);
        Assert.Equal(2, ReadAtom().Items.Count());
        Assert.EndsWith("/story/", moved.Links.Single(l => l.RelationshipType == "alternate").Uri.AbsoluteUri, StringComparison.Ordinal);
    }

    private static readonly string[][] StagedRssRename = [[".fp-staging/.fp-tmp-staged", "rss.xml"]];

    [Fact]
    public async Task Publish_NothingChangedAfterAKilledPublish_FinishesItsJournalAndRemovesItsTemporaries()
    {
        Write("story.txt", "A Story\n\nBody.", FirstWrite);
        await _publisher.PublishAsync(CancellationToken.None);
        var feeds = _temp.Combine("feeds");
        var staging = Path.Combine(feeds, ".fp-staging");
        // What a publish killed while moving files leaves in the staging folder: a staged file,
        // its journal, and a stray temporary of a file it had not listed yet. The store is
        // unchanged, so the next publish takes the nothing-changed shortcut.
        var finished = File.ReadAllText(Path.Combine(feeds, "rss.xml")) + "<!-- moved by the journal -->\n";
        File.WriteAllText(Path.Combine(staging, ".fp-tmp-staged"), finished);
        File.WriteAllText(Path.Combine(staging, ".fp-tmp-stray"), "half a feed");
        var manifest = File.ReadAllText(Path.Combine(feeds, ".fp-manifest")).Split('\n');
        File.WriteAllText(Path.Combine(staging, "journal.json"), System.Text.Json.JsonSerializer.Serialize(new
        {
            Renames = StagedRssRename,
            Removals = Array.Empty<string>(),
            Manifest = manifest,
        }));

        var report = await _publisher.PublishAsync(CancellationToken.None);

        Assert.Equal(0, report.Written);
        Assert.Equal(finished, File.ReadAllText(Path.Combine(feeds, "rss.xml")));
        Assert.Empty(Directory.EnumerateFileSystemEntries(staging));
    }

    [Fact]
    public async Task Publish_SubfolderFile_IdentityAndLinkFollowItsPath()
    {
        Directory.CreateDirectory(Path.Combine(_articles, "world", "asia"));
        Write(Path.Combine("world", "asia", "floods 2024.txt"), "Floods\n\nBody.", FirstWrite);

        await _publisher.PublishAsync(CancellationToken.None);

        // The link is the article's page: by month, and a slug of the file name.
        var item = Assert.Single(ReadAtom().Items);
        var link = item.Links.Single(l => l.RelationshipType == "alternate").Uri;
        Assert.Matches("^https://news.example.com/[0-9]{4}/[0-9]{2}/floods-2024/$", link.AbsoluteUri);
        Assert.True(File.Exists(Path.Combine(_temp.Combine("feeds"), link.AbsolutePath.TrimStart('/'), "index.html")));
    }

    [Fact]
    public async Task Publish_RenamedFileWithExplicitId_KeepsIdentityAndPublicationDate()
    {
        Write("draft.md", "---\nid: world/story\n---\n# A Story\n\nBody.", FirstWrite);
        await _publisher.PublishAsync(CancellationToken.None);
        var before = Assert.Single(ReadAtom().Items);

        File.Move(Path.Combine(_articles, "draft.md"), Path.Combine(_articles, "final.md"));
        File.SetLastWriteTimeUtc(Path.Combine(_articles, "final.md"), FirstWrite.AddDays(1));
        var report = await _publisher.PublishAsync(CancellationToken.None);

        Assert.Empty(report.Ingest.Problems);
        var after = Assert.Single(ReadAtom().Items);
        Assert.Equal(before.Id, after.Id);
        Assert.Equal(new DateTimeOffset(FirstWrite), after.PublishDate);
    }

    [Fact]
    public async Task Publish_TwoFilesClaimingOneId_RejectsTheSecondNamingBoth()
    {
        Write("a.md", "---\nid: same\n---\n# First\n\nBody.", FirstWrite);
        await _publisher.PublishAsync(CancellationToken.None);
        Write("b.json", """{"id": "same", "title": "Second", "body_text": "Body."}""", FirstWrite.AddHours(1));

        var report = await _publisher.PublishAsync(CancellationToken.None);

        var problem = Assert.Single(report.Ingest.Problems);
        Assert.EndsWith("b.json", problem.Path, StringComparison.Ordinal);
        Assert.Contains("'same' is already the id of a.md", problem.Message, StringComparison.Ordinal);
        Assert.Equal(["First"], ReadAtom().Items.Select(i => i.Title.Text));
    }

    [Fact]
    public async Task Publish_FileOverMaxBytes_IsRejectedUnreadWithTheLimit()
    {
        Write("huge.txt", "Huge\n\n" + new string('x', 20_000), FirstWrite);
        Write("small.txt", "Small\n\nBody.", FirstWrite);

        var report = await _publisher.PublishAsync(CancellationToken.None);

        var problem = Assert.Single(report.Ingest.Problems);
        Assert.Contains("over the limit of 10,000 (Articles:MaxBytes)", problem.Message, StringComparison.Ordinal);
        Assert.Equal(["Small"], ReadAtom().Items.Select(i => i.Title.Text));
    }

    [Fact]
    public async Task Publish_EveryFormat_AllPublishedWithTheirSources()
    {
        Write("a.txt", "Text Story\n\nAccording to Reuters, text works.", FirstWrite);
        Write("b.md", "# Markdown Story\n\nThe [BBC](https://www.bbc.co.uk/news/x?utm_source=y) reported it.", FirstWrite.AddMinutes(1));
        Write("c.html", "<html><head><title>HTML Story</title></head><body><article><p>CNN reported it.</p></article></body></html>", FirstWrite.AddMinutes(2));
        Write("d.json", """{"title": "JSON Story", "body_html": "<p>According to Bloomberg, JSON works.</p>"}""", FirstWrite.AddMinutes(3));

        var report = await _publisher.PublishAsync(CancellationToken.None);

        Assert.Empty(report.Ingest.Problems);
        var items = ReadAtom().Items.ToDictionary(i => i.Title.Text, i => i.Links.Where(l => l.RelationshipType == "related").Select(l => l.Uri.AbsoluteUri).ToList());
        Assert.Equal(["https://www.reuters.com/"], items["Text Story"]);
        Assert.Equal(["https://www.bbc.co.uk/news/x"], items["Markdown Story"]);
        Assert.Equal(["https://www.cnn.com/"], items["HTML Story"]);
        Assert.Equal(["https://www.bloomberg.com/"], items["JSON Story"]);
    }

    [Fact]
    public async Task Publish_CategoryLosesItsLastArticle_FeedLeavesDirectoryOpmlAndIndex()
    {
        Write("a.md", "---\ncategories: [Science]\n---\n# Science Story\n\nBody.", FirstWrite);
        Write("b.md", "---\ncategories: [World]\n---\n# World Story\n\nBody.", FirstWrite);
        await _publisher.PublishAsync(CancellationToken.None);
        Assert.True(File.Exists(_temp.Combine("feeds", "categories", "science", "atom.xml")));

        File.Delete(Path.Combine(_articles, "a.md"));
        await _publisher.PublishAsync(CancellationToken.None);

        Assert.False(Directory.Exists(_temp.Combine("feeds", "categories", "science")));
        Assert.True(File.Exists(_temp.Combine("feeds", "categories", "world", "atom.xml")));
        Assert.DoesNotContain("categories/science", File.ReadAllText(_temp.Combine("feeds", "feeds.opml")), StringComparison.Ordinal);
        Assert.DoesNotContain("categories/science", File.ReadAllText(_temp.Combine("feeds", "index.html")), StringComparison.Ordinal);
        Assert.Contains("categories/world/rss.xml", File.ReadAllText(_temp.Combine("feeds", "feeds.opml")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_WithWebSubHub_LinksTheHubAndPostsOnlyChangedFeeds()
    {
        using var hub = new RecordingHub();
        var (services, publisher) = CreatePublisher(("Feeds:WebSubHub", hub.Url.AbsoluteUri));
        using (services)
        {
            Write("a.md", "---\nauthors: [Ann]\n---\n# Story\n\nBody.", FirstWrite);
            await publisher.PublishAsync(CancellationToken.None);
            await publisher.PublishAsync(CancellationToken.None);
            Write("b.md", "# Other\n\nBody.", FirstWrite.AddHours(1));
            await publisher.PublishAsync(CancellationToken.None);
        }

        Assert.Equal(2, hub.Bodies.Count);
        Assert.StartsWith("hub.mode=publish&hub.url=", hub.Bodies[0], StringComparison.Ordinal);
        Assert.Contains("hub.url=https://news.example.com/authors/ann/atom.xml", hub.Bodies[0], StringComparison.Ordinal);
        Assert.Contains("hub.url=https://news.example.com/feed.json", hub.Bodies[1], StringComparison.Ordinal);
        Assert.DoesNotContain("authors/ann", hub.Bodies[1], StringComparison.Ordinal);
        Assert.Contains($"href=\"{hub.Url.AbsoluteUri}\" rel=\"hub\"", File.ReadAllText(_temp.Combine("feeds", "rss.xml")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_Archive_WalkingPrevArchiveFromTheMainFeedFindsEveryArticle()
    {
        var (services, publisher) = CreatePublisher(("Feeds:MaxItems", "2"), ("Feeds:ArchivePageSize", "2"));
        using (services)
        {
            for (var i = 0; i < 5; i++)
            {
                Write($"a{i}.txt", $"Story {i}\n\nBody {i}.", FirstWrite.AddHours(i));
                await publisher.PublishAsync(CancellationToken.None);
            }

            var titles = new List<string>();
            var document = ReadAtom();
            titles.AddRange(document.Items.Select(i => i.Title.Text));
            var pages = 0;
            while (document.Links.FirstOrDefault(l => l.RelationshipType == "prev-archive") is { } previous)
            {
                Assert.StartsWith("https://news.example.com/archive/", previous.Uri.AbsoluteUri, StringComparison.Ordinal);
                var path = _temp.Combine("feeds", previous.Uri.AbsolutePath.TrimStart('/'));
                Assert.Contains("<fh:archive />", File.ReadAllText(path), StringComparison.Ordinal);
                document = ReadAtom(path);
                Assert.Equal("https://news.example.com/atom.xml", document.Links.Single(l => l.RelationshipType == "current").Uri.AbsoluteUri);
                titles.AddRange(document.Items.Select(i => i.Title.Text));
                pages++;
            }

            Assert.Equal(2, pages);
            Assert.Equal(Enumerable.Range(0, 5).Select(i => $"Story {i}"), titles.Distinct().Order());
            var page1 = _temp.Combine("feeds", "archive", "1", "atom.xml");
            var page2 = _temp.Combine("feeds", "archive", "2", "atom.xml");
            Assert.Equal("https://news.example.com/archive/2/atom.xml", ReadAtom(page1).Links.Single(l => l.RelationshipType == "next-archive").Uri.AbsoluteUri);
            File.SetLastWriteTimeUtc(page1, FirstWrite);
            File.SetLastWriteTimeUtc(page2, FirstWrite);

            Write("a0.txt", "Story 0, Corrected\n\nBody.", FirstWrite.AddDays(1));
            await publisher.PublishAsync(CancellationToken.None);

            Assert.NotEqual(FirstWrite, File.GetLastWriteTimeUtc(page1));
            Assert.Contains("Story 0, Corrected", File.ReadAllText(page1), StringComparison.Ordinal);
            Assert.Equal(FirstWrite, File.GetLastWriteTimeUtc(page2));
        }
    }

    [Fact]
    public async Task Publish_AfterChanges_WritesExactlyWhatAFullPublishWould()
    {
        for (var i = 0; i < 30; i++)
        {
            Write($"a{i:D2}.md", $"---\ncategories: [Topic {i % 4}]\nauthors: [Author {i % 3}]\n---\n# Story {i}\n\nBody {i}.", FirstWrite.AddHours(i));
        }

        await _publisher.PublishAsync(CancellationToken.None);
        Write("a05.md", "---\ncategories: [Topic 9]\nauthors: [Author 1]\n---\n# Story 5, Moved\n\nNew body.", FirstWrite.AddDays(3));
        Write("a99.md", "---\ncategories: [Topic 2]\n---\n# A Late Story\n\nBody.", FirstWrite.AddDays(4));
        File.Delete(Path.Combine(_articles, "a17.md"));
        var incremental = await _publisher.PublishAsync(CancellationToken.None);

        var (services, fresh) = CreatePublisher(("Feeds:Directory", _temp.Combine("fresh")));
        using (services)
        {
            await fresh.PublishAsync(CancellationToken.None);
        }

        Assert.Contains(incremental.Files, f => f.Outcome == Core.Publishing.FileOutcome.Unchanged && f.RelativePath.StartsWith("authors/", StringComparison.Ordinal));
        var kept = Files(_temp.Combine("feeds"));
        var full = Files(_temp.Combine("fresh"));
        Assert.Equal(full.Keys.Order(), kept.Keys.Order());
        foreach (var (path, bytes) in full)
        {
            Assert.True(bytes.AsSpan().SequenceEqual(kept[path]), $"{path} differs between the incremental and the full publish");
        }
    }

    private static Dictionary<string, byte[]> Files(string root) =>
        Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(f) != ".fp-lock")
            .ToDictionary(f => Path.GetRelativePath(root, f), File.ReadAllBytes);

    private void Write(string relativePath, string text, DateTime lastWriteUtc)
    {
        var path = Path.Combine(_articles, relativePath);
        File.WriteAllText(path, text);
        File.SetLastWriteTimeUtc(path, lastWriteUtc);
    }

    private SyndicationFeed ReadAtom(string? path = null)
    {
        using var reader = XmlReader.Create(path ?? _temp.Combine("feeds", "atom.xml"), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
        return SyndicationFeed.Load(reader);
    }
}
