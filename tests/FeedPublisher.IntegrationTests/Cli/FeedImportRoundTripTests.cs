using System.Text.Json;
using FeedPublisher.IntegrationTests.Support;

namespace FeedPublisher.IntegrationTests.Cli;

/// <summary>
/// Migrating a site (issue 16): <c>import</c> an old site's feed (RSS, Atom, JSON Feed, a
/// WordPress export) with the real executable and a real SQLite store, publish, and read the old
/// feed and our RSS, Atom and JSON Feed with feedparser: every item the old feed published is in
/// ours under the same GUID/id, byte for byte, with the same dates (to the second, UTC). A reader
/// that moves to our feed sees no item twice. The sources are the Core's import golden files.
/// </summary>
public sealed class FeedImportRoundTripTests : IDisposable
{
    /// <summary>
    /// Each entry's id (the GUID; without one, the link, as readers fall back) and its dates as Unix
    /// seconds. Debian's feedparser predates JSON Feed, so a .json is read with Python's json module.
    /// </summary>
    private const string Script = """
        import calendar, datetime, feedparser, json, sys
        path = sys.argv[1]
        def seconds(text):
            if not text:
                return None
            return int(datetime.datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp())
        if path.endswith(".json"):
            f = json.load(open(path, encoding="utf-8"))
            out = [{"id": str(i["id"]) if "id" in i else None, "published": seconds(i.get("date_published")), "updated": seconds(i.get("date_modified"))}
                   for i in f["items"]]
        else:
            d = feedparser.parse(path)
            parsed = lambda t: calendar.timegm(t) if t else None
            # An updated date only where the feed has one: feedparser fills updated_parsed from the published date.
            out = [{"id": e.get("id") or e.get("link"), "published": parsed(e.get("published_parsed")),
                    "updated": parsed(e.get("updated_parsed")) if "updated" in e else None}
                   for e in d.entries]
        print(json.dumps(out))
        """;

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [SkippableTheory]
    [InlineData("rss.xml", new[] { "untitled-7", "bad-date-8" })]
    [InlineData("atom.xml", new string[0])]
    [InlineData("jsonfeed-1.1.json", new[] { "3" })]
    [InlineData("jsonfeed-1.0.json", new[] { "no-body" })]
    [InlineData("wordpress.xml", new[] { "https://old.example.com/?p=102", "https://old.example.com/?p=103", "https://old.example.com/?page_id=2", "https://old.example.com/wp-content/uploads/photo.jpg" })]
    public async Task Import_OldSiteFeed_PublishedUnderTheSameGuidsAndDates(string source, string[] notPublished)
    {
        FeedParser.SkipUnlessAvailable();
        var old = OldSite(source);
        var expected = Read(old).Where(e => e.Id is not null && !notPublished.Contains(e.Id)).ToList();

        var import = await FeedPublisherCli.RunAsync(_temp.Path, ["import", old, .. Common()]);
        var publish = await FeedPublisherCli.RunAsync(_temp.Path, ["publish", .. Common()]);

        Assert.True(publish.ExitCode == 0, publish.ToString());
        Assert.Contains($"{expected.Count} added", import.StandardOutput, StringComparison.Ordinal);
        foreach (var file in new[] { "rss.xml", "atom.xml", "feed.json" })
        {
            var ours = Read(_temp.Combine("feeds", file)).ToDictionary(e => e.Id!, StringComparer.Ordinal);
            foreach (var item in expected)
            {
                Assert.True(ours.TryGetValue(item.Id!, out var published), $"{file}: no item has the id {item.Id}; ids: {string.Join(", ", ours.Keys)}");
                if (item.Published is not null)
                {
                    Assert.Equal((item.Id, item.Published), (item.Id, published.Published));
                }

                // RSS 2.0 has no updated date: only the formats that carry one are compared.
                if (item.Updated is not null && file != "rss.xml")
                {
                    Assert.Equal((item.Id, item.Updated), (item.Id, published.Updated));
                }
            }

            Assert.DoesNotContain(ours.Keys, notPublished.Contains);
        }
    }

    [Fact]
    public async Task Import_FeedWithBadItems_ReportsEachByIndexAndGuidExit1AndKeepsTheRest()
    {
        var old = OldSite("rss.xml");

        var result = await FeedPublisherCli.RunAsync(_temp.Path, ["import", old, .. Common()]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("item 4 (untitled-7): skipped: it has no title", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("item 5 (bad-date-8): skipped: <pubDate> 'yesterday at noon' is not a date", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("3 added", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("2 refused", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_WordPressExportAgain_UnchangedAndSkipsPagesAndAttachments()
    {
        var old = OldSite("wordpress.xml");

        var first = await FeedPublisherCli.RunAsync(_temp.Path, ["import", old, .. Common()]);
        var again = await FeedPublisherCli.RunAsync(_temp.Path, ["import", old, .. Common()]);

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Contains("2 added", first.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("2 not published (drafts, expired)", first.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("2 WordPress items skipped", first.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("2 unchanged", again.StandardOutput, StringComparison.Ordinal);
    }

    /// <summary>
    /// GUIDs that are URLs (WordPress's ?p=, Atom's tag: and http ids) keep every published file
    /// valid: RSS writes an http GUID as a permalink, Atom takes any absolute URI as an id.
    /// </summary>
    [Theory]
    [InlineData("wordpress.xml")]
    [InlineData("atom.xml")]
    public async Task Import_FeedWithUriGuids_PublishedFilesValidate(string source)
    {
        var old = OldSite(source);

        await FeedPublisherCli.RunAsync(_temp.Path, ["import", old, "--publish", .. Common()]);
        var validate = await FeedPublisherCli.RunAsync(_temp.Path, ["validate", .. Common()]);

        Assert.True(validate.ExitCode == 0, validate.ToString());
    }

    /// <summary>The sample articles folder, and the old site's feed (one of the Core's import golden sources) beside it.</summary>
    private string OldSite(string source)
    {
        RepositoryPaths.CopySampleArticles(_temp.Combine("articles"));
        var old = _temp.Combine(source);
        File.Copy(Path.Combine(RepositoryPaths.Root, "tests", "FeedPublisher.Core.Tests", "TestData", "Import", source), old);
        return old;
    }

    private string[] Common() => ["--articles", _temp.Combine("articles"), "--feeds", _temp.Combine("feeds"), "--base-url", "https://news.example.com/", "--store", _temp.Combine("store.db")];

    private static List<Entry> Read(string path) => JsonSerializer.Deserialize<List<Entry>>(FeedParser.RunScript(Script, path), JsonOptions)!;

    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNameCaseInsensitive = true };

    private sealed record Entry(string? Id, long? Published, long? Updated);
}
