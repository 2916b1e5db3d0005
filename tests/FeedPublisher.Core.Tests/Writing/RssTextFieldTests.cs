using System.Text;
using System.Xml.Linq;
using FeedPublisher.Core.Building;
using FeedPublisher.Core.Tests.Support;
using FeedPublisher.Core.Writing;
using HtmlAgilityPack;

namespace FeedPublisher.Core.Tests.Writing;

/// <summary>
/// RSS has no type attribute: readers render <c>description</c> as HTML and show titles as text.
/// A plain-text summary must therefore arrive as HTML text, and a title as the text it is in
/// either reading.
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

    [Theory]
    [InlineData("AT&T: 3 < 4 & 5 > 2", "<title>AT&#x26;T: 3 &#x3C; 4 &#x26; 5 &#x3E; 2</title>")]
    [InlineData("Q&A: 3 < 4", "<title>Q&#x26;A: 3 &#x3C; 4</title>")]
    public void Render_TextThatOpensNoTag_TitleIsTheTextWithHexReferences(string title, string written)
    {
        var xml = RenderXml(SampleFeed.Articles[0] with { Title = title });

        Assert.Equal(title, XDocument.Parse(xml).Descendants("item").Single().Element("title")!.Value);
        Assert.Contains(written, xml, StringComparison.Ordinal); // the RSS Best Practices Profile's "&#x3C;", never "&lt;"
    }

    [Theory]
    [InlineData(Hostile)]
    [InlineData("Fish &amp; chips &#60;3")]
    public void Render_TitleThatReadsDifferentlyAsHtml_TitleIsHtmlThatShowsTheTextAndOpensNoTag(string text)
    {
        var xml = RenderXml(SampleFeed.Articles[0] with { Title = text, Categories = ["R&D <lab>"], Authors = ["A <b>"] });

        var item = XDocument.Parse(xml).Descendants("item").Single();
        var title = item.Element("title")!.Value;
        Assert.DoesNotContain('<', title);
        var html = new HtmlDocument();
        html.LoadHtml(title);
        Assert.DoesNotContain(html.DocumentNode.Descendants(), n => n.NodeType == HtmlNodeType.Element);
        Assert.Equal(text, System.Net.WebUtility.HtmlDecode(title));
        // Categories and names are read as text everywhere: they stay the text itself.
        Assert.Equal("R&D <lab>", item.Element("category")!.Value);
        Assert.Equal("A <b>", item.Element(FeedNamespaces.DublinCore + "creator")!.Value);
        Assert.Contains("<category>R&#x26;D &#x3C;lab&#x3E;</category>", xml, StringComparison.Ordinal);
    }

    private static string RenderXml(FeedPublisher.Core.Model.Article article) =>
        Encoding.UTF8.GetString(new RssFeedWriter().Render(new FeedBuilder(SampleFeed.Site).BuildMain([article])));

    private static XElement RenderOne(FeedPublisher.Core.Model.Article article) =>
        XDocument.Parse(Encoding.UTF8.GetString(new RssFeedWriter().Render(new FeedBuilder(SampleFeed.Site).BuildMain([article])))).Descendants("item").Single();
}
