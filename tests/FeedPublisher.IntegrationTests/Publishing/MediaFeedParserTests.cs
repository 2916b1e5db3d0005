using System.Text.Json;
using FeedPublisher.IntegrationTests.Support;

namespace FeedPublisher.IntegrationTests.Publishing;

/// <summary>
/// Issue 17: an article's picture and files as the Universal Feed Parser (many aggregators, and
/// the model of most others) reads them from a real publish: Media RSS content and thumbnail, RSS
/// and Atom enclosures, JSON Feed image and attachments; and a body's player as a link to its video.
/// </summary>
public sealed class MediaFeedParserTests : IDisposable
{
    /// <summary>Each entry's media as feedparser gives them, by title.</summary>
    private const string Script = """
        import feedparser, json, sys
        d = feedparser.parse(sys.argv[1])
        print(json.dumps({"bozo": int(d.bozo), "bozo_exception": str(d.get("bozo_exception", "")), "entries": {e.title: {
            "media_content": [{"url": m.get("url"), "type": m.get("type"), "medium": m.get("medium")} for m in e.get("media_content", [])],
            "media_thumbnail": [m.get("url") for m in e.get("media_thumbnail", [])],
            "enclosures": [{"href": x.get("href"), "type": x.get("type"), "length": x.get("length")} for x in e.get("enclosures", [])],
            "content": [c.get("value") for c in e.get("content", [])]} for e in d.entries}}))
        """;

    private static readonly string[] XmlFiles = ["rss.xml", "atom.xml", "archive/1/rss.xml", "archive/1/atom.xml"];

    private const string Podcast = "Episode 12: Harbour sounds";
    private const string Story = "Harbour reopens";

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [SkippableFact]
    public async Task Publish_PictureAndAttachments_FeedParserReadsThemInRssAndAtom()
    {
        FeedParser.SkipUnlessAvailable();
        var feeds = await PublishAsync();

        var rss = Parse(Path.Combine(feeds, "rss.xml"));
        var atom = Parse(Path.Combine(feeds, "atom.xml"));

        foreach (var feed in new[] { rss, atom })
        {
            Assert.True(feed.GetProperty("bozo").GetInt32() == 0, feed.GetProperty("bozo_exception").GetString());
            Assert.Equal(["https://news.example.com/media/episode-12.jpg"], Thumbnails(feed, Podcast));
            Assert.Equal(["https://news.example.com/img/harbour.png"], Thumbnails(feed, Story));
            Assert.Contains("href=\"https://www.youtube.com/watch?v=dQw4w9WgXcQ\"", Entry(feed, Story).GetProperty("content")[0].GetString(), StringComparison.Ordinal);
        }

        // RSS: the first file is the one enclosure, the other and the picture Media RSS.
        Assert.Equal(
            [("https://cdn.example.com/episode-12.mp3", "audio/mpeg", "24986239")],
            Enclosures(rss, Podcast));
        Assert.Equal(
            [("https://news.example.com/media/episode-12.m4a", "audio/mp4", null), ("https://news.example.com/media/episode-12.jpg", "image/jpeg", "image")],
            MediaContent(rss, Podcast).Select(m => (m.Url, m.Type, m.Medium == "audio" ? null : m.Medium)));

        // Atom: every file and the picture as enclosures; no length where none was given.
        Assert.Equal(
            [("https://cdn.example.com/episode-12.mp3", "audio/mpeg", "24986239"), ("https://news.example.com/media/episode-12.m4a", "audio/mp4", null),
             ("https://news.example.com/media/episode-12.jpg", "image/jpeg", null)],
            Enclosures(atom, Podcast));
    }

    [Fact]
    public async Task Publish_PictureAndAttachments_JsonFeedImageAndAttachments()
    {
        var feeds = await PublishAsync();

        using var json = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(feeds, "feed.json")));
        var items = json.RootElement.GetProperty("items").EnumerateArray().ToDictionary(i => i.GetProperty("title").GetString()!);
        var podcast = items[Podcast];
        Assert.Equal("https://news.example.com/media/episode-12.jpg", podcast.GetProperty("image").GetString());
        var attachments = podcast.GetProperty("attachments").EnumerateArray().ToList();
        Assert.Equal(2, attachments.Count);
        Assert.Equal("https://cdn.example.com/episode-12.mp3", attachments[0].GetProperty("url").GetString());
        Assert.Equal("audio/mpeg", attachments[0].GetProperty("mime_type").GetString());
        Assert.Equal(24_986_239, attachments[0].GetProperty("size_in_bytes").GetInt64());
        Assert.Equal(1_830, attachments[0].GetProperty("duration_in_seconds").GetInt64());
        Assert.Equal("audio/mp4", attachments[1].GetProperty("mime_type").GetString());
        Assert.False(attachments[1].TryGetProperty("size_in_bytes", out _));
        Assert.Equal("https://news.example.com/img/harbour.png", items[Story].GetProperty("image").GetString());
        Assert.False(items[Story].TryGetProperty("attachments", out _));
    }

    [SkippableFact]
    public async Task Publish_PictureAndAttachments_WellFormedForXmlLintAndValid()
    {
        XmlLint.SkipUnlessAvailable();
        var feeds = await PublishAsync();

        foreach (var file in XmlFiles.Select(f => Path.Combine(feeds, f)).Where(File.Exists))
        {
            var (exitCode, errors) = XmlLint.Check(file);
            Assert.True(exitCode == 0, $"{file}: {errors}");
        }

        var validate = await FeedPublisherCli.RunAsync(_temp.Path, "validate", "--feeds", feeds);
        Assert.True(validate.ExitCode == 0, validate.ToString());
    }

    private async Task<string> PublishAsync()
    {
        var articles = _temp.Combine("articles");
        var feeds = _temp.Combine("feeds");
        Directory.CreateDirectory(articles);
        File.WriteAllText(Path.Combine(articles, "episode-12.md"), """
            ---
            title: "Episode 12: Harbour sounds"
            date: 2025-03-02T06:00:00Z
            image: /media/episode-12.jpg
            enclosure:
              url: https://cdn.example.com/episode-12.mp3
              type: audio/mpeg
              length: 24986239
              duration: "30:30"
            audio: /media/episode-12.m4a
            ---
            Gulls, ropes and engines at dawn: a walk along the harbour with the night shift.
            """);
        File.WriteAllText(Path.Combine(articles, "harbour.md"), """
            ---
            title: Harbour reopens
            date: 2025-03-01T09:00:00Z
            ---
            The harbour reopened to ships on Saturday after the storm.

            ![The quay](/img/harbour.png)

            <iframe width="560" height="315" src="https://www.youtube.com/embed/dQw4w9WgXcQ" title="YouTube video player" allowfullscreen></iframe>
            """);
        var publish = await FeedPublisherCli.RunAsync(_temp.Path, "publish", "--articles", articles, "--feeds", feeds, "--store", _temp.Combine("store.db"),
            "--base-url", "https://news.example.com/");
        Assert.True(publish.ExitCode == 0, publish.ToString());
        return feeds;
    }

    private static JsonElement Parse(string path) => JsonDocument.Parse(FeedParser.RunScript(Script, path)).RootElement.Clone();

    private static JsonElement Entry(JsonElement feed, string title) => feed.GetProperty("entries").GetProperty(title);

    private static List<string?> Thumbnails(JsonElement feed, string title) =>
        [.. Entry(feed, title).GetProperty("media_thumbnail").EnumerateArray().Select(t => t.GetString())];

    private static List<(string? Url, string? Type, string? Length)> Enclosures(JsonElement feed, string title) =>
        [.. Entry(feed, title).GetProperty("enclosures").EnumerateArray()
            .Select(e => (e.GetProperty("href").GetString(), e.GetProperty("type").GetString(), e.GetProperty("length").ValueKind == JsonValueKind.String ? e.GetProperty("length").GetString() : null))];

    private static List<(string? Url, string? Type, string? Medium)> MediaContent(JsonElement feed, string title) =>
        [.. Entry(feed, title).GetProperty("media_content").EnumerateArray()
            .Select(m => (m.GetProperty("url").GetString(), m.GetProperty("type").GetString(), m.GetProperty("medium").GetString()))];
}
