using System.Text;
using System.Xml.Linq;
using FeedPublisher.Core.Building;
using FeedPublisher.Core.Tests.Support;
using FeedPublisher.Core.Writing;
using HtmlAgilityPack;

namespace FeedPublisher.Core.Tests.Writing;

/// <summary>
/// RSS has no type attribute: readers render <c>description</c> as HTML and show titles as text.
/// A plain-text summary must therefore arrive as HTML text, and a title as the text it is.
/// </summary>
public sealed class RssTextFieldTests
{
    private const string Hostile = "<img src=x onerror=alert(1)> AT&T says <Game 5> &amp; more";

    [Fact]
    public void Render_SummaryThatLooksLikeMarkup_DescriptionIsHtmlWhoseTextIsTheSummary()
    {
        var item = RenderOne(SampleFeed.Articles[0] with { Summary = Hostile, Title = Hostile });

        var description = item.Element("description")!.Value;
        var html = new HtmlDocument();
        html.LoadHtml(description);
        Assert.DoesNotContain(html.DocumentNode.Descendants(), n => n.NodeType == HtmlNodeType.Element);
        Assert.Equal(Hostile, System.Net.WebUtility.HtmlDecode(html.DocumentNode.InnerHtml));
    }

    [Fact]
    public void Render_TitleThatLooksLikeMarkup_TitleIsThePlainTextWithHexReferences()
    {
        var article = SampleFeed.Articles[0] with { Title = Hostile, Categories = ["R&D <lab>"], Authors = ["A <b>"] };
        var bytes = new RssFeedWriter().Render(new FeedBuilder(SampleFeed.Site).BuildMain([article]));
        var xml = Encoding.UTF8.GetString(bytes);

        var item = XDocument.Parse(xml).Descendants("item").Single();
        Assert.Equal(Hostile, item.Element("title")!.Value);
        Assert.Equal("R&D <lab>", item.Element("category")!.Value);
        Assert.Equal("A <b>", item.Element(FeedNamespaces.DublinCore + "creator")!.Value);
        // The RSS Best Practices Profile's encoding for plain text: "&#x3C;", never "&lt;".
        Assert.Contains("<title>&#x3C;img src=x onerror=alert(1)&#x3E; AT&#x26;T says", xml, StringComparison.Ordinal);
    }

    private static XElement RenderOne(FeedPublisher.Core.Model.Article article) =>
        XDocument.Parse(Encoding.UTF8.GetString(new RssFeedWriter().Render(new FeedBuilder(SampleFeed.Site).BuildMain([article])))).Descendants("item").Single();
}
