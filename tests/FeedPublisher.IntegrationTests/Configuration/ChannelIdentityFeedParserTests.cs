using System.Text.Json;
using FeedPublisher.IntegrationTests.Support;

namespace FeedPublisher.IntegrationTests.Configuration;

/// <summary>The channel's identity as the Universal Feed Parser (many aggregators) reads it from a real publish.</summary>
public sealed class ChannelIdentityFeedParserTests : IDisposable
{
    /// <summary>The feed-level fields as feedparser gives them: RSS image as image.href, Atom logo as logo.</summary>
    private const string Script = """
        import feedparser, json, sys
        d = feedparser.parse(sys.argv[1])
        f = d.feed
        a = f.get("author_detail", {})
        print(json.dumps({"bozo": int(d.bozo), "bozo_exception": str(d.get("bozo_exception", "")), "image": f.get("image", {}).get("href") or f.get("logo"),
            "image_link": f.get("image", {}).get("link"), "icon": f.get("icon"), "rights": f.get("rights"), "ttl": f.get("ttl"),
            "author_name": a.get("name"), "author_email": a.get("email"), "author_href": a.get("href")}))
        """;

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [SkippableFact]
    public async Task Publish_EveryIdentityKey_FeedParserReadsIt()
    {
        FeedParser.SkipUnlessAvailable();
        var articles = _temp.Combine("articles");
        var feeds = _temp.Combine("feeds");
        RepositoryPaths.CopySampleArticles(articles);
        var publish = await FeedPublisherCli.RunAsync(_temp.Path, "publish", "--articles", articles, "--feeds", feeds, "--store", _temp.Combine("store.db"),
            "--base-url", "https://news.example.com/", "--Site:Image=logo.png", "--Site:Icon=icon.png", "--Site:Copyright=© Example News <Ltd> & partners",
            "--Site:PublisherName=News Desk", "--Site:PublisherEmail=desk@news.example.com", "--Site:PublisherUrl=https://news.example.com/about/", "--Site:Ttl=45");
        Assert.True(publish.ExitCode == 0, publish.ToString());

        var rss = Parse(Path.Combine(feeds, "rss.xml"));
        var atom = Parse(Path.Combine(feeds, "atom.xml"));

        foreach (var feed in new[] { rss, atom })
        {
            Assert.True(feed.GetProperty("bozo").GetInt32() == 0, feed.GetProperty("bozo_exception").GetString());
            Assert.Equal("https://news.example.com/logo.png", feed.GetProperty("image").GetString());
            Assert.Equal("© Example News <Ltd> & partners", feed.GetProperty("rights").GetString());
            Assert.Equal("News Desk", feed.GetProperty("author_name").GetString());
            Assert.Equal("desk@news.example.com", feed.GetProperty("author_email").GetString());
        }

        Assert.Equal("https://news.example.com/", rss.GetProperty("image_link").GetString());
        Assert.Equal("45", rss.GetProperty("ttl").GetString());
        Assert.Equal("https://news.example.com/icon.png", atom.GetProperty("icon").GetString());
        Assert.Equal("https://news.example.com/about/", atom.GetProperty("author_href").GetString());
    }

    private static JsonElement Parse(string path) => JsonDocument.Parse(FeedParser.RunScript(Script, path)).RootElement.Clone();
}
