using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using FeedPublisher.Core.Building;
using FeedPublisher.Core.Model;
using FeedPublisher.Core.Tests.Support;
using FeedPublisher.Core.Writing;

namespace FeedPublisher.Core.Tests.Writing;

/// <summary>The channel's identity (image, icon, rights, publisher, ttl) in every format, read back with real parsers.</summary>
public sealed class ChannelIdentityTests
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    public static readonly ChannelIdentity Everything = new()
    {
        Image = new Uri("https://news.example.com/images/logo.png"),
        Icon = new Uri("https://cdn.example.net/favicon-32.png"),
        Copyright = "© 2018 Example News & partners",
        PublisherName = "Example News Desk",
        PublisherEmail = "desk@news.example.com",
        PublisherUrl = new Uri("https://news.example.com/about/"),
        TtlMinutes = 30,
    };

    public static TheoryData<string> Formats() => [.. FeedFormats.All.Select(f => f.FileName)];

    private static FeedDocument Feed(ChannelIdentity? channel) =>
        new FeedBuilder(SampleFeed.Site with { Channel = channel }).BuildMain(SampleFeed.Articles);

    private static byte[] Render(string fileName, ChannelIdentity? channel) =>
        FeedFormats.All.Single(f => f.FileName == fileName).Writer.Render(Feed(channel));

    [Theory]
    [MemberData(nameof(Formats))]
    public void Render_EveryIdentitySetting_MatchesGoldenFile(string fileName) =>
        Golden.AssertMatches(Path.Combine("Writing", "Channel", fileName), Encoding.UTF8.GetString(Render(fileName, Everything)));

    [Theory]
    [MemberData(nameof(Formats))]
    public void Render_EveryIdentitySetting_KeepsTheFormatsRules(string fileName)
    {
        // The sample's title with markup is there to test escaping; the rules rightly flag it.
        var format = FeedFormats.All.Single(f => f.FileName == fileName);
        var feed = new FeedBuilder(SampleFeed.Site with { Channel = Everything }).BuildMain([.. SampleFeed.Articles.Where(a => !a.Title.Contains('<', StringComparison.Ordinal))]);

        Assert.Empty(format.Rules.Check(format.Writer.Render(feed), feed.UrlOf(fileName).AbsoluteUri));
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Render_NoPartSet_SameBytesAsWithoutIdentity(string fileName) =>
        Assert.Equal(Render(fileName, null), Render(fileName, new ChannelIdentity()));

    [Fact]
    public void Rss_Channel_HasImageWithUrlTitleLinkAndTheRest()
    {
        var channel = XDocument.Parse(Encoding.UTF8.GetString(Render("rss.xml", Everything))).Root!.Element("channel")!;

        // RSS 2.0: <image> has url, title and link, and the title and link are the channel's.
        var image = channel.Element("image")!;
        Assert.Equal("https://news.example.com/images/logo.png", (string?)image.Element("url"));
        Assert.Equal((string?)channel.Element("title"), (string?)image.Element("title"));
        Assert.Equal((string?)channel.Element("link"), (string?)image.Element("link"));
        Assert.Equal("© 2018 Example News & partners", (string?)channel.Element("copyright"));
        Assert.Equal("desk@news.example.com (Example News Desk)", (string?)channel.Element("managingEditor"));
        Assert.Equal("30", (string?)channel.Element("ttl"));
    }

    [Theory]
    [InlineData("url")]
    [InlineData("title")]
    [InlineData("link")]
    public void RssRules_ImageMissingAPart_Reported(string part)
    {
        var rss = XDocument.Parse(Encoding.UTF8.GetString(Render("rss.xml", Everything)));
        rss.Root!.Element("channel")!.Element("image")!.Element(part)!.Remove();
        var rules = FeedFormats.All.Single(f => f.FileName == "rss.xml").Rules;

        Assert.Contains(rules.Check(Encoding.UTF8.GetBytes(rss.ToString()), null), p => p.StartsWith("<image>", StringComparison.Ordinal));
    }

    [Fact]
    public void AtomRules_RelativeLogo_Reported()
    {
        var atom = XDocument.Parse(Encoding.UTF8.GetString(Render("atom.xml", Everything)));
        atom.Root!.Element(Atom + "logo")!.Value = "images/logo.png";
        var rules = FeedFormats.All.Single(f => f.FileName == "atom.xml").Rules;

        Assert.Contains(rules.Check(Encoding.UTF8.GetBytes(atom.ToString()), null), p => p.StartsWith("<logo>", StringComparison.Ordinal));
    }

    [Fact]
    public void Rss_NameWithoutEmail_NoManagingEditor()
    {
        // RSS requires an address in managingEditor; a name alone goes only where a name may stand.
        var channel = XDocument.Parse(Encoding.UTF8.GetString(Render("rss.xml", new ChannelIdentity { PublisherName = "Desk" }))).Root!.Element("channel")!;

        Assert.Null(channel.Element("managingEditor"));
    }

    [Fact]
    public void Atom_Feed_HasLogoIconRightsAndPublisherAsAuthor()
    {
        var feed = XDocument.Parse(Encoding.UTF8.GetString(Render("atom.xml", Everything))).Root!;

        // RFC 4287: logo and icon are IRIs (we write absolute http(s) ones), one each.
        Assert.True(Uri.TryCreate(feed.Elements(Atom + "logo").Single().Value, UriKind.Absolute, out var logo));
        Assert.Equal("https://news.example.com/images/logo.png", logo.AbsoluteUri);
        Assert.True(Uri.TryCreate(feed.Elements(Atom + "icon").Single().Value, UriKind.Absolute, out var icon));
        Assert.Equal("https://cdn.example.net/favicon-32.png", icon.AbsoluteUri);
        Assert.Equal("© 2018 Example News & partners", feed.Element(Atom + "rights")!.Value);
        var author = feed.Elements(Atom + "author").Single();
        Assert.Equal("Example News Desk", author.Element(Atom + "name")!.Value);
        Assert.Equal("desk@news.example.com", author.Element(Atom + "email")!.Value);
        Assert.Equal("https://news.example.com/about/", author.Element(Atom + "uri")!.Value);
    }

    [Fact]
    public void Atom_EmailWithoutName_AuthorNamedAfterTheFeed()
    {
        var feed = XDocument.Parse(Encoding.UTF8.GetString(Render("atom.xml", new ChannelIdentity { PublisherEmail = "desk@news.example.com" }))).Root!;

        var author = feed.Elements(Atom + "author").Single();
        Assert.Equal("Example News", author.Element(Atom + "name")!.Value);
        Assert.Equal("desk@news.example.com", author.Element(Atom + "email")!.Value);
    }

    [Fact]
    public void Json_Feed_HasIconFaviconAndPublisherAsAuthor()
    {
        using var json = JsonDocument.Parse(Render("feed.json", Everything));
        var root = json.RootElement;

        Assert.Equal("https://news.example.com/images/logo.png", root.GetProperty("icon").GetString());
        Assert.Equal("https://cdn.example.net/favicon-32.png", root.GetProperty("favicon").GetString());
        var author = Assert.Single(root.GetProperty("authors").EnumerateArray());
        Assert.Equal("Example News Desk", author.GetProperty("name").GetString());
        Assert.Equal("https://news.example.com/about/", author.GetProperty("url").GetString());
    }

    [Fact]
    public void Json_EmailWithoutUrl_AuthorUrlIsMailto()
    {
        using var json = JsonDocument.Parse(Render("feed.json", new ChannelIdentity { PublisherName = "Desk", PublisherEmail = "desk@news.example.com" }));

        Assert.Equal("mailto:desk@news.example.com", json.RootElement.GetProperty("authors")[0].GetProperty("url").GetString());
    }

    [Fact]
    public void IndexPage_Icon_LinkedAsIcon()
    {
        var site = SampleFeed.Site with { Channel = Everything };
        var page = Encoding.UTF8.GetString(IndexPageWriter.Render(site, [new PublishedFeed(FeedGroup.Main, Feed(Everything))]));
        var without = Encoding.UTF8.GetString(IndexPageWriter.Render(SampleFeed.Site, [new PublishedFeed(FeedGroup.Main, Feed(null))]));

        Assert.Contains("<link rel=\"icon\" href=\"https://cdn.example.net/favicon-32.png\">\n", page, StringComparison.Ordinal);
        Assert.DoesNotContain("rel=\"icon\"", without, StringComparison.Ordinal);
    }
}
