using System.Diagnostics;
using System.Text;
using FeedPublisher.Core.Html;
using FeedPublisher.Core.Model;
using FeedPublisher.Core.Reading;
using FeedPublisher.Core.Tests.Support;

namespace FeedPublisher.Core.Tests.Html;

/// <summary>The pass before the parser: ordinary HTML goes through untouched, hostile nesting is cut before it costs.</summary>
public sealed class HtmlShapeTests
{
    internal static string Repeat(string unit, int count) => new StringBuilder(unit.Length * count).Insert(0, unit, count).ToString();

    [Fact]
    public void Bound_EveryTestDataPage_ReturnsTheSameString()
    {
        var pages = Directory.EnumerateFiles(Golden.TestData, "*.*", SearchOption.AllDirectories)
            .Where(path => path.EndsWith(".html", StringComparison.Ordinal) || path.EndsWith(".md", StringComparison.Ordinal))
            .Select(File.ReadAllText)
            .ToList();
        Assert.NotEmpty(pages);
        pages.Add(Repeat("<p>para<li>item<div><b>bold</b></div>", 3000));
        pages.Add(Repeat("<table><tr><td>a<td>b<tr><td>c</table>", 3000));

        foreach (var html in pages)
        {
            Assert.Same(html, HtmlShape.Bound(html));
        }
    }

    [Theory]
    [InlineData("<div>", "")]
    [InlineData("<b>", "")]
    [InlineData("<i><b>", "")]
    [InlineData("<table>", "")]
    [InlineData("<ul>", "")]
    [InlineData("<span class=\"x>y\">", "")]
    [InlineData("<div>", "</div>")]
    [InlineData("<em><strong>", "</strong></em>")]
    public void Parse_TwentyThousandNested_FlattenedBeforeParsingQuickly(string open, string close)
    {
        var html = Repeat(open, 20_000) + "deep <script>alert(1)</script>text" + Repeat(close, 20_000);
        var stopwatch = Stopwatch.StartNew();

        var document = HtmlDocuments.Parse(html);
        var sanitized = HtmlSanitizer.Sanitize(html, new Uri("https://news.example.com/"));

        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(1), $"took {stopwatch.Elapsed}");
        Assert.Contains("deep", HtmlTextContent.Of(document.DocumentNode), StringComparison.Ordinal);
        Assert.Contains("text", sanitized, StringComparison.Ordinal);
        Assert.DoesNotContain("alert", sanitized, StringComparison.Ordinal);
    }

    [Fact]
    public void Bound_OverDeep_KeepsTheTagsUpToTheLimitAndAllText()
    {
        var bounded = HtmlShape.Bound(Repeat("<div>", 300) + "x" + Repeat("</div>", 300) + "<p>after</p>");

        Assert.Equal(HtmlDocuments.MaxDepth, bounded.AsSpan().Count("<div>"));
        Assert.Equal(HtmlDocuments.MaxDepth, bounded.AsSpan().Count("</div>"));
        Assert.EndsWith("x" + Repeat("</div>", HtmlDocuments.MaxDepth) + "<p>after</p>", bounded, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MoreElementsThanTheLimit_RejectedNamingIt()
    {
        var html = Repeat("<b>x</b>", HtmlDocuments.MaxElements + 1);

        var e = Assert.Throws<ArticleRejectedException>(() => HtmlDocuments.TryParse(html));

        Assert.Equal($"the body has more than {HtmlDocuments.MaxElements:N0} HTML elements (tags, or paragraphs of plain text); at most {HtmlDocuments.MaxElements:N0} are read", e.Message);
    }

    [Fact]
    public void Parse_ElementsUpToTheLimit_Parsed()
    {
        var html = Repeat("<b>x</b>", HtmlDocuments.MaxElements);

        Assert.Equal(HtmlDocuments.MaxElements, HtmlDocuments.Parse(html).DocumentNode.ChildNodes.Count);
    }
}
