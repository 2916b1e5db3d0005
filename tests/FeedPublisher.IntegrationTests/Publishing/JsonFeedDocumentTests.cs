using System.ServiceModel.Syndication;
using System.Text.Json;
using System.Xml;
using FeedPublisher.Core.Ingesting;
using FeedPublisher.Core.Publishing;
using FeedPublisher.IntegrationTests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace FeedPublisher.IntegrationTests.Publishing;

/// <summary>
/// A JSON Feed document dropped into the articles folder (issue 16): one article per item, each
/// keeping the item's id as its GUID, kept in step with the file by the walk and by the watcher
/// alike. The pipeline the CLI builds, on real files and SQLite.
/// </summary>
public sealed class JsonFeedDocumentTests : IDisposable
{
    private static readonly DateTime FirstWrite = new(2026, 3, 1, 8, 0, 0, DateTimeKind.Utc);

    private readonly TempFolder _temp = new();
    private readonly string _articles;
    private readonly ServiceProvider _services;
    private readonly FeedPublishingService _publisher;

    public JsonFeedDocumentTests()
    {
        _articles = _temp.CreateFolder("articles");
        (_services, _publisher) = InProcessPublisher.Create(_articles, _temp.Combine("feeds"), _temp.Combine("store.db"));
    }

    public void Dispose()
    {
        _services.Dispose();
        SqliteConnection.ClearAllPools();
        _temp.Dispose();
    }

    public static TheoryData<bool> Watched => new() { false, true };

    [Theory]
    [MemberData(nameof(Watched))]
    public async Task Publish_JsonFeedDocument_EachItemIsAnArticleUnderItsOwnId(bool watched)
    {
        var changes = Track(watched);
        WriteFeed(FirstWrite, Item("https://old.example.com/1", "First Story", "2026-02-01T09:00:00Z"), Item("2", "Second Story", "2026-02-02T09:00:00Z"));
        changes?.Add("export.json");

        var report = await _publisher.PublishAsync(CancellationToken.None);

        Assert.Equal((2, 0), (report.Ingest.Added, report.Ingest.Rejected));
        var items = ReadAtom().Items.ToList();
        Assert.Equal(["Second Story", "First Story"], items.Select(i => i.Title.Text));
        Assert.Equal(["2", "https://old.example.com/1"], items.Select(i => i.Id));
        Assert.Equal(new DateTimeOffset(2026, 2, 1, 9, 0, 0, TimeSpan.Zero), items[1].PublishDate);
        Assert.Equal(["Ada Okafor"], items[1].Authors.Select(a => a.Name));
        Assert.Contains("2", JsonItemIds());
    }

    [Theory]
    [MemberData(nameof(Watched))]
    public async Task Publish_OneItemEditedOneTakenOutOneAdded_ChangesThoseArticlesAlone(bool watched)
    {
        var changes = Track(watched);
        WriteFeed(FirstWrite, Item("a", "Story A", null), Item("b", "Story B", null), Item("c", "Story C", null));
        changes?.Add("export.json");
        await _publisher.PublishAsync(CancellationToken.None);
        var before = ReadAtom().Items.ToDictionary(i => i.Id);

        WriteFeed(FirstWrite.AddDays(1), Item("a", "Story A", null), Item("b", "Story B, Corrected", null), Item("d", "Story D", null));
        changes?.Add("export.json");
        var report = await _publisher.PublishAsync(CancellationToken.None);

        Assert.Equal((1, 1, 1), (report.Ingest.Added, report.Ingest.Updated, report.Ingest.Removed));
        var after = ReadAtom().Items.ToDictionary(i => i.Id);
        Assert.Equal(["a", "b", "d"], after.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("Story B, Corrected", after["b"].Title.Text);
        // Without dates of their own, the items take the file's time; the untouched one keeps its first.
        Assert.Equal(before["a"].LastUpdatedTime, after["a"].LastUpdatedTime);
        Assert.Equal(before["b"].PublishDate, after["b"].PublishDate);
        Assert.Equal(new DateTimeOffset(FirstWrite.AddDays(1)), after["b"].LastUpdatedTime);
        Assert.Equal(new DateTimeOffset(FirstWrite.AddDays(1)), after["d"].PublishDate);
    }

    [Theory]
    [MemberData(nameof(Watched))]
    public async Task Publish_DocumentDeleted_EveryItemLeaves(bool watched)
    {
        var changes = Track(watched);
        WriteFeed(FirstWrite, Item("a", "Story A", null), Item("b", "Story B", null));
        File.WriteAllText(Path.Combine(_articles, "plain.md"), "# A Plain Story\n\nBody.");
        changes?.Add("export.json");
        changes?.Add("plain.md");
        await _publisher.PublishAsync(CancellationToken.None);

        File.Delete(Path.Combine(_articles, "export.json"));
        changes?.Add("export.json");
        var report = await _publisher.PublishAsync(CancellationToken.None);

        Assert.Equal(2, report.Ingest.Removed);
        Assert.Equal(["A Plain Story"], ReadAtom().Items.Select(i => i.Title.Text));
    }

    /// <summary>Found by a review: a document saved half-way was no feed any more, and all its items left the store.</summary>
    [Theory]
    [MemberData(nameof(Watched))]
    public async Task Publish_DocumentNoLongerReadable_KeepsItsItemsAndSaysWhy(bool watched)
    {
        var changes = Track(watched);
        WriteFeed(FirstWrite, Item("a", "Story A", null), Item("b", "Story B", null));
        changes?.Add("export.json");
        await _publisher.PublishAsync(CancellationToken.None);

        var path = Path.Combine(_articles, "export.json");
        var text = File.ReadAllText(path);
        File.WriteAllText(path, text[..(text.Length / 2)]);
        File.SetLastWriteTimeUtc(path, FirstWrite.AddDays(1));
        changes?.Add("export.json");
        var report = await _publisher.PublishAsync(CancellationToken.None);

        Assert.Equal(0, report.Ingest.Removed);
        Assert.EndsWith("export.json", Assert.Single(report.Ingest.Problems).Path, StringComparison.Ordinal);
        Assert.Equal(["Story A", "Story B"], ReadAtom().Items.Select(i => i.Title.Text).Order(StringComparer.Ordinal));
    }

    /// <summary>Found by a review: an item taken out of one document and put in another kept its id held by the first, and was lost.</summary>
    [Theory]
    [MemberData(nameof(Watched))]
    public async Task Publish_ItemMovedToAnotherDocument_KeepsItsArticle(bool watched)
    {
        var changes = Track(watched);
        WriteFeed(FirstWrite, Item("a", "Story A", null), Item("moving", "Moving Story", null));
        File.WriteAllText(Path.Combine(_articles, "second.json"), Feed(Item("own", "Its Own", null)));
        changes?.Add("export.json");
        changes?.Add("second.json");
        await _publisher.PublishAsync(CancellationToken.None);

        WriteFeed(FirstWrite.AddDays(1), Item("a", "Story A", null));
        File.WriteAllText(Path.Combine(_articles, "second.json"), Feed(Item("own", "Its Own", null), Item("moving", "Moving Story", null)));
        changes?.Add("export.json");
        changes?.Add("second.json");
        var report = await _publisher.PublishAsync(CancellationToken.None);

        Assert.Empty(report.Ingest.Problems);
        Assert.Equal(["Its Own", "Moving Story", "Story A"], ReadAtom().Items.Select(i => i.Title.Text).Order(StringComparer.Ordinal));
    }

    /// <summary>Found by a review: one item alone in its file turned into a document holding that item was refused as its own duplicate.</summary>
    [Theory]
    [MemberData(nameof(Watched))]
    public async Task Publish_LoneItemTurnsIntoADocumentAndBack_KeepsItsArticle(bool watched)
    {
        var changes = Track(watched);
        var path = Path.Combine(_articles, "export.json");
        File.WriteAllText(path, """{"id": "a", "title": "Story A", "content_text": "According to Reuters, A."}""");
        changes?.Add("export.json");
        await _publisher.PublishAsync(CancellationToken.None);

        WriteFeed(FirstWrite.AddDays(1), Item("a", "Story A", null), Item("b", "Story B", null));
        changes?.Add("export.json");
        var toDocument = await _publisher.PublishAsync(CancellationToken.None);
        Assert.Empty(toDocument.Ingest.Problems);
        Assert.Equal(["a", "b"], ReadAtom().Items.Select(i => i.Id).Order(StringComparer.Ordinal));

        File.WriteAllText(path, """{"id": "a", "title": "Story A", "content_text": "According to Reuters, A."}""");
        changes?.Add("export.json");
        var back = await _publisher.PublishAsync(CancellationToken.None);
        Assert.Empty(back.Ingest.Problems);
        Assert.Equal(["a"], ReadAtom().Items.Select(i => i.Id));
    }

    [Fact]
    public async Task Publish_FileTurnsFromOneArticleIntoAFeedAndBack_LeavesNoArticleBehind()
    {
        File.WriteAllText(Path.Combine(_articles, "export.json"), """{"title": "One Article", "body_text": "Body."}""");
        await _publisher.PublishAsync(CancellationToken.None);

        WriteFeed(FirstWrite, Item("a", "Story A", null), Item("b", "Story B", null));
        await _publisher.PublishAsync(CancellationToken.None);
        Assert.Equal(["a", "b"], ReadAtom().Items.Select(i => i.Id).Order(StringComparer.Ordinal));

        File.WriteAllText(Path.Combine(_articles, "export.json"), """{"title": "One Article Again", "body_text": "Body."}""");
        File.SetLastWriteTimeUtc(Path.Combine(_articles, "export.json"), FirstWrite.AddDays(2));
        var report = await _publisher.PublishAsync(CancellationToken.None);

        Assert.Equal((1, 2), (report.Ingest.Added, report.Ingest.Removed));
        Assert.Equal(["One Article Again"], ReadAtom().Items.Select(i => i.Title.Text));
    }

    [Fact]
    public async Task Publish_UnusableItems_AreReportedByIndexAndTheOthersPublished()
    {
        WriteFeed(FirstWrite,
            Item("a", "Story A", null),
            new Dictionary<string, object?> { ["title"] = "No Id", ["content_text"] = "Body." },
            Item("a", "Story A Again", null),
            new Dictionary<string, object?> { ["id"] = "d", ["title"] = "No Content" },
            Item("e", "Story E", null));

        var report = await _publisher.PublishAsync(CancellationToken.None);

        Assert.Equal(["a", "e"], ReadAtom().Items.Select(i => i.Id).Order(StringComparer.Ordinal));
        Assert.Equal(["Story A", "Story E"], ReadAtom().Items.Select(i => i.Title.Text).Order(StringComparer.Ordinal));
        var problems = report.Ingest.Problems.Select(p => p.Path[(_articles.Length + 1)..] + ": " + p.Message).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(3, problems.Count);
        Assert.StartsWith("export.json item 2: it has no id", problems[0], StringComparison.Ordinal);
        Assert.StartsWith("export.json item 3 (a): another item of this document has the id", problems[1], StringComparison.Ordinal);
        Assert.StartsWith("export.json item 4 (d): it has neither 'content_html' nor 'content_text'", problems[2], StringComparison.Ordinal);

        // The document is read again by the next publish, as a rejected file is: the problems stay in view.
        var again = await _publisher.PublishAsync(CancellationToken.None);
        Assert.Equal(3, again.Ingest.Problems.Count);
        Assert.Equal((0, 0, 0), (again.Ingest.Added, again.Ingest.Updated, again.Ingest.Removed));
    }

    [Fact]
    public async Task Publish_ItemIdHeldByAnotherDocument_IsRejectedNamingIt()
    {
        WriteFeed(FirstWrite, Item("shared", "From The First", null));
        await _publisher.PublishAsync(CancellationToken.None);

        File.WriteAllText(Path.Combine(_articles, "second.json"), Feed(Item("shared", "From The Second", null), Item("own", "Its Own", null)));
        var report = await _publisher.PublishAsync(CancellationToken.None);

        var problem = Assert.Single(report.Ingest.Problems);
        Assert.Contains("an item of export.json", problem.Message, StringComparison.Ordinal);
        Assert.Equal(["From The First", "Its Own"], ReadAtom().Items.Select(i => i.Title.Text).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Publish_OneJsonFeedItemInAFileOfItsOwn_IsAnArticleUnderItsId()
    {
        File.WriteAllText(Path.Combine(_articles, "lone.json"), """
            {"id": "https://old.example.com/7", "title": "Lone Item", "content_html": "<p>According to Reuters, it stood alone.</p>",
             "date_published": "2026-02-03T10:00:00+01:00", "authors": [{"name": "Ada Okafor", "url": "https://old.example.com/ada"}], "tags": ["World"]}
            """);
        File.WriteAllText(Path.Combine(_articles, "number.json"), """{"id": 42, "title": "Numbered Item", "content_text": "According to the BBC, numbers work."}""");
        File.WriteAllText(Path.Combine(_articles, "no-id.json"), """{"title": "No Id", "content_text": "Body."}""");

        var report = await _publisher.PublishAsync(CancellationToken.None);

        var items = ReadAtom().Items.ToDictionary(i => i.Title.Text);
        Assert.Equal("https://old.example.com/7", items["Lone Item"].Id);
        Assert.Equal(new DateTimeOffset(2026, 2, 3, 9, 0, 0, TimeSpan.Zero), items["Lone Item"].PublishDate);
        Assert.Equal(["Ada Okafor"], items["Lone Item"].Authors.Select(a => a.Name));
        Assert.Equal(["World"], items["Lone Item"].Categories.Select(c => c.Name));
        Assert.Equal("42", items["Numbered Item"].Id);
        var problem = Assert.Single(report.Ingest.Problems);
        Assert.EndsWith("no-id.json", problem.Path, StringComparison.Ordinal);
        Assert.Equal("it has no id", problem.Message);
    }

    [Fact]
    public async Task Publish_NothingChanged_ReadsNothingAndWritesNothing()
    {
        WriteFeed(FirstWrite, Item("a", "Story A", null), Item("b", "Story B", null));
        await _publisher.PublishAsync(CancellationToken.None);

        var report = await _publisher.PublishAsync(CancellationToken.None);

        Assert.Equal((0, 0, 0, 0), (report.Ingest.Added, report.Ingest.Updated, report.Ingest.Removed, report.Written));
    }

    private ChangedArticles? Track(bool watched)
    {
        if (!watched)
        {
            return null;
        }

        var changes = _services.GetRequiredService<ChangedArticles>();
        changes.StartTracking();
        // The first publish after tracking starts walks everything; the ones after look at the named paths alone.
        _publisher.PublishAsync(CancellationToken.None).GetAwaiter().GetResult();
        return changes;
    }

    private static Dictionary<string, object?> Item(string id, string title, string? published)
    {
        var item = new Dictionary<string, object?> { ["id"] = id, ["title"] = title, ["content_html"] = $"<p>According to Reuters, {title}.</p>" };
        if (published is not null)
        {
            item["date_published"] = published;
        }

        return item;
    }

    private static string Feed(params Dictionary<string, object?>[] items) => JsonSerializer.Serialize(new Dictionary<string, object?>
    {
        ["version"] = "https://jsonfeed.org/version/1.1",
        ["title"] = "The Old Site",
        ["authors"] = new[] { new { name = "Ada Okafor" } },
        ["items"] = items,
    });

    private void WriteFeed(DateTime lastWriteUtc, params Dictionary<string, object?>[] items)
    {
        var path = Path.Combine(_articles, "export.json");
        File.WriteAllText(path, Feed(items));
        File.SetLastWriteTimeUtc(path, lastWriteUtc);
    }

    private SyndicationFeed ReadAtom()
    {
        using var reader = XmlReader.Create(_temp.Combine("feeds", "atom.xml"), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
        return SyndicationFeed.Load(reader);
    }

    private List<string> JsonItemIds()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(_temp.Combine("feeds", "feed.json")));
        return [.. json.RootElement.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("id").GetString()!)];
    }
}
