using System.Text.Json;
using System.Xml.Linq;
using AngleSharp.Html.Parser;
using FeedPublisher.Configuration;
using FeedPublisher.Core.Model;
using FeedPublisher.Hosting;
using FeedPublisher.IntegrationTests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FeedPublisher.IntegrationTests.Configuration;

/// <summary>The Site section's identity keys: checked by name, resolved against the base URL, and in every file a real publish writes.</summary>
public sealed class ChannelIdentitySettingsTests : IDisposable
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    private static readonly string[] XmlFiles = ["rss.xml", "atom.xml", "categories/science/rss.xml", "archive/1/rss.xml", "archive/1/atom.xml"];

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private FeedPublisherSettings Load(params (string Key, string Value)[] values) =>
        FeedPublisherSettings.Load(new ConfigurationBuilder()
            .AddInMemoryCollection(values.Prepend(("Articles:Directory", _temp.Path)).Prepend(("Feeds:Directory", _temp.Combine("feeds")))
                .Select(v => KeyValuePair.Create(v.Item1, (string?)v.Item2)))
            .Build());

    [Theory]
    [InlineData("Site:Image", "javascript:alert(1)")]
    [InlineData("Site:Icon", "data:image/png;base64,iVBORw0KGgo=")]
    [InlineData("Site:PublisherUrl", "ftp://files.example.com/")]
    [InlineData("Site:PublisherEmail", "Desk <desk@news.example.com>")]
    [InlineData("Site:PublisherEmail", "not an address")]
    [InlineData("Site:Ttl", "0")]
    [InlineData("Site:Ttl", "20000")]
    public void Load_BadIdentityValue_NamesItsKey(string key, string value)
    {
        var e = Assert.Throws<SettingsException>(() => Load((key, value)));

        var error = Assert.Single(e.Errors);
        Assert.StartsWith(key + ":", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Services_PathsResolvedAgainstTheBaseUrl()
    {
        var channel = await ChannelOf(Load(
            ("Site:BaseUrl", "https://news.example.com/feeds"), ("Site:Image", "img/logo.png"), ("Site:Icon", "/favicon.ico"),
            ("Site:PublisherUrl", "https://news.example.com/about/?utm_source=feed")));

        Assert.NotNull(channel);
        Assert.Equal("https://news.example.com/feeds/img/logo.png", channel.Image!.AbsoluteUri);
        Assert.Equal("https://news.example.com/favicon.ico", channel.Icon!.AbsoluteUri);
        // The same URL policy as every article URL: tracking parameters go.
        Assert.Equal("https://news.example.com/about/", channel.PublisherUrl!.AbsoluteUri);
    }

    [Fact]
    public async Task Services_TextWithControlCharactersAndNewlines_OneCleanLine()
    {
        // From an environment file a value may carry what XML forbids; a feed must still be written.
        var channel = await ChannelOf(Load(("Site:Copyright", "© 2026\u0001 Example\n  News"), ("Site:PublisherName", " \t ")));

        Assert.Equal("© 2026 Example News", channel!.Copyright);
        Assert.Null(channel.PublisherName);
    }

    [Fact]
    public async Task Services_NoIdentityKey_NoChannel() => Assert.Null(await ChannelOf(Load()));

    [SkippableFact]
    public async Task Publish_EveryIdentityKey_WellFormedForXmlLint()
    {
        XmlLint.SkipUnlessAvailable();
        var feeds = await PublishWithEveryKeyAsync();

        foreach (var file in XmlFiles.Select(f => Path.Combine(feeds, f)).Where(File.Exists))
        {
            var (exitCode, errors) = XmlLint.Check(file);
            Assert.True(exitCode == 0, $"{file}: {errors}");
        }
    }

    [Fact]
    public async Task Publish_EveryIdentityKey_InEveryFeedAndTheIndexPage()
    {
        var feeds = await PublishWithEveryKeyAsync();

        foreach (var folder in new[] { feeds, Path.Combine(feeds, "categories", "science") })
        {
            var channel = XDocument.Load(Path.Combine(folder, "rss.xml")).Root!.Element("channel")!;
            var image = channel.Element("image")!;
            Assert.Equal("https://news.example.com/logo.png", (string?)image.Element("url"));
            Assert.Equal((string?)channel.Element("title"), (string?)image.Element("title"));
            Assert.Equal((string?)channel.Element("link"), (string?)image.Element("link"));
            Assert.Equal("© 2026 Example News & partners", (string?)channel.Element("copyright"));
            Assert.Equal("desk@news.example.com (News Desk)", (string?)channel.Element("managingEditor"));
            Assert.Equal("30", (string?)channel.Element("ttl"));
            XNamespace sy = "http://purl.org/rss/1.0/modules/syndication/";
            Assert.Equal("hourly", (string?)channel.Element(sy + "updatePeriod"));
            Assert.Equal("2", (string?)channel.Element(sy + "updateFrequency"));

            var atom = XDocument.Load(Path.Combine(folder, "atom.xml")).Root!;
            Assert.Equal("https://news.example.com/logo.png", atom.Element(Atom + "logo")!.Value);
            Assert.Equal("https://cdn.example.net/icon.png", atom.Element(Atom + "icon")!.Value);
            Assert.Equal("© 2026 Example News & partners", atom.Element(Atom + "rights")!.Value);
            Assert.Equal("News Desk", atom.Element(Atom + "author")!.Element(Atom + "name")!.Value);

            using var json = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, "feed.json")));
            Assert.Equal("https://news.example.com/logo.png", json.RootElement.GetProperty("icon").GetString());
            Assert.Equal("https://cdn.example.net/icon.png", json.RootElement.GetProperty("favicon").GetString());
            Assert.Equal("News Desk", json.RootElement.GetProperty("authors")[0].GetProperty("name").GetString());
        }

        // An HTML5 parser, as a browser reads the page: one icon link, in the head.
        var page = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(feeds, "index.html")));
        var icon = Assert.Single(page.Head!.QuerySelectorAll("link[rel=icon]"));
        Assert.Equal("https://cdn.example.net/icon.png", icon.GetAttribute("href"));

        var validate = await FeedPublisherCli.RunAsync(_temp.Path, "validate", "--feeds", feeds);
        Assert.True(validate.ExitCode == 0, validate.ToString());
    }

    private async Task<string> PublishWithEveryKeyAsync()
    {
        var articles = _temp.Combine("articles");
        var feeds = _temp.Combine("feeds");
        RepositoryPaths.CopySampleArticles(articles);
        var publish = await FeedPublisherCli.RunAsync(_temp.Path, "publish", "--articles", articles, "--feeds", feeds, "--store", _temp.Combine("store.db"),
            "--base-url", "https://news.example.com/", "--Site:Image=logo.png", "--Site:Icon=https://cdn.example.net/icon.png",
            "--Site:Copyright=© 2026 Example News & partners", "--Site:PublisherName=News Desk", "--Site:PublisherEmail=desk@news.example.com", "--Site:Ttl=30");
        Assert.True(publish.ExitCode == 0, publish.ToString());
        return feeds;
    }

    private async Task<ChannelIdentity?> ChannelOf(FeedPublisherSettings settings)
    {
        await using var services = new ServiceCollection().AddLogging().AddFeedPublisher(settings with { Storage = new StorageOptions { ConnectionString = _temp.Combine("store.db") } })
            .BuildServiceProvider();
        return services.GetRequiredService<SiteInfo>().Channel;
    }
}
