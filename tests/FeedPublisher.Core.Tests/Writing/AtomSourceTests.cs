using System.Xml.Linq;
using FeedPublisher.Core.Building;
using FeedPublisher.Core.Model;
using FeedPublisher.Core.Tests.Support;
using FeedPublisher.Core.Writing;

namespace FeedPublisher.Core.Tests.Writing;

/// <summary>
/// An Atom entry's &lt;source&gt; (the feed a syndicated article came from) carries what RFC 4287
/// and the W3C validator ask for: id, title, updated and a link.
/// </summary>
public sealed class AtomSourceTests
{
    private static readonly XNamespace A = "http://www.w3.org/2005/Atom";

    private static readonly Article Syndicated = new()
    {
        Id = "world/port-strike",
        Title = "Port strike talks stall",
        Path = "world/port-strike",
        Published = new DateTimeOffset(2018, 1, 3, 9, 0, 0, TimeSpan.Zero),
        Updated = new DateTimeOffset(2018, 1, 4, 12, 30, 0, TimeSpan.FromHours(2)),
        Summary = "Talks stalled.",
        ContentHtml = "<p>Talks stalled.</p>\n",
        Origin = new SourceLink("Associated Press", new Uri("https://apnews.com/")),
    };

    private static byte[] Render() => new AtomFeedWriter().Render(new FeedBuilder(SampleFeed.Site).BuildMain([Syndicated]));

    [Fact]
    public void Render_ArticleWithOrigin_SourceHasIdTitleUpdatedAndLink()
    {
        var source = Assert.Single(XDocument.Load(new MemoryStream(Render())).Descendants(A + "source"));

        Assert.Equal("https://apnews.com/", (string?)source.Element(A + "id"));
        Assert.Equal("Associated Press", (string?)source.Element(A + "title"));
        // The article's own update date, in UTC: stable from one publish to the next.
        Assert.Equal("2018-01-04T10:30:00Z", (string?)source.Element(A + "updated"));
        var link = Assert.Single(source.Elements(A + "link"));
        Assert.Equal("alternate", (string?)link.Attribute("rel"));
        Assert.Equal("https://apnews.com/", (string?)link.Attribute("href"));
    }

    [Fact]
    public void Render_Twice_SameSourceBytes()
    {
        Assert.Equal(Render(), Render());
    }

    [Fact]
    public void Rules_ItsOwnSource_NoProblems()
    {
        Assert.Empty(AtomRules().Check(Render(), expectedSelf: null));
    }

    [Theory]
    [InlineData("id")]
    [InlineData("title")]
    [InlineData("updated")]
    [InlineData("link")]
    public void Rules_SourceWithoutAPart_Problem(string part)
    {
        var document = XDocument.Load(new MemoryStream(Render()));
        document.Descendants(A + "source").Elements(A + part).Remove();
        using var bytes = new MemoryStream();
        document.Save(bytes);

        var problem = Assert.Single(AtomRules().Check(bytes.ToArray(), expectedSelf: null));
        Assert.StartsWith("entry 1: <source> has no", problem, StringComparison.Ordinal);
    }

    private static IFeedRules AtomRules() => FeedFormats.Named("atom.xml")!.Rules;
}
