using System.Text.Json;
using FeedPublisher.IntegrationTests.Support;

namespace FeedPublisher.IntegrationTests.Publishing;

/// <summary>
/// Issue 16, as the Universal Feed Parser reads a real publish's Atom feed: an author given with
/// a page keeps it (author/uri, feedparser's author_detail.href), and a syndicated article's
/// source element carries its id, title, link and updated date.
/// </summary>
public sealed class AtomAuthorAndSourceFeedParserTests : IDisposable
{
    private const string Script = """
        import feedparser, json, sys, calendar
        d = feedparser.parse(sys.argv[1])
        e = d.entries[0]
        s = e.get("source", {})
        print(json.dumps({"bozo": int(d.bozo), "bozo_exception": str(d.get("bozo_exception", "")),
            "authors": [{"name": a.get("name"), "href": a.get("href")} for a in e.get("authors", [])],
            "source": {"id": s.get("id"), "title": s.get("title"), "link": s.get("link"),
                       "updated": calendar.timegm(s["updated_parsed"]) if s.get("updated_parsed") else None}}))
        """;

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [SkippableFact]
    public async Task Publish_AuthorWithAPageAndASyndicatedArticle_FeedParserReadsUriAndSource()
    {
        FeedParser.SkipUnlessAvailable();
        var articles = _temp.CreateFolder("articles");
        File.WriteAllText(Path.Combine(articles, "harbour.md"), """
            ---
            title: Harbour reopens after the storm
            date: 2026-08-03T09:00:00Z
            updated: 2026-08-04T10:30:00Z
            authors:
              - name: Ann Lee
                url: https://news.example.com/people/ann
              - Bob Stone
            source: Reuters
            source_url: https://www.reuters.com/world/harbour-reopens
            ---
            The harbour reopened on Monday, Reuters reported.
            """);

        var result = await FeedPublisherCli.RunAsync(_temp.Path, "publish", "--articles", articles, "--feeds", "feeds", "--store", "store.db",
            "--base-url", "https://news.example.com/");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var parsed = JsonDocument.Parse(FeedParser.RunScript(Script, _temp.Combine("feeds", "atom.xml")));
        var root = parsed.RootElement;
        Assert.True(root.GetProperty("bozo").GetInt32() == 0, root.GetProperty("bozo_exception").GetString());
        var authors = root.GetProperty("authors").EnumerateArray().Select(a => (a.GetProperty("name").GetString(), a.GetProperty("href").GetString())).ToList();
        Assert.Equal([("Ann Lee", "https://news.example.com/people/ann"), ("Bob Stone", null)], authors);
        var source = root.GetProperty("source");
        Assert.Equal("https://www.reuters.com/world/harbour-reopens", source.GetProperty("link").GetString());
        Assert.Equal("Reuters", source.GetProperty("title").GetString());
        Assert.False(string.IsNullOrEmpty(source.GetProperty("id").GetString()));
        Assert.Equal(new DateTimeOffset(2026, 8, 4, 10, 30, 0, TimeSpan.Zero).ToUnixTimeSeconds(), source.GetProperty("updated").GetInt64());
    }
}
