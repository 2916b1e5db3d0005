using System.Text;
using FeedPublisher.Core.Html;

namespace FeedPublisher.Core.Tests.Html;

/// <summary>The nestings that <see cref="StableNesting"/> accepts are exactly what the parser reads back; the ones it refuses, the parser rewrites.</summary>
public sealed class StableNestingTests
{
    private static readonly string[] Tags =
    [
        "a", "img", "br", "em", "strong", "b", "i", "u", "s", "sub", "sup", "small", "mark", "cite", "code", "kbd", "samp", "var",
        "abbr", "q", "time", "del", "ins", "p", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "hr", "blockquote", "ul", "ol", "li",
        "dl", "dt", "dd", "figure", "figcaption", "table", "caption", "thead", "tbody", "tfoot", "tr", "td", "th",
    ];

    private static readonly HashSet<string> Void = ["br", "hr", "img"];

    [Fact]
    public void Allows_RandomTreesOfAcceptedNestings_ParserReadsThemBackAsWritten()
    {
        var random = new Random(6);
        for (var tree = 0; tree < 3000; tree++)
        {
            var html = new StringBuilder();
            WriteChildren(html, random, parent: null, insideLink: false, depth: 0);

            Assert.Equal(html.ToString(), HtmlDocuments.Parse(html.ToString()).DocumentNode.OuterHtml);
        }
    }

    [Theory]
    [InlineData("p", "ul")]
    [InlineData("p", "p")]
    [InlineData("p", "hr")]
    [InlineData("h2", "h3")]
    [InlineData("li", "li")]
    [InlineData("td", "td")]
    [InlineData("tr", "tr")]
    [InlineData("dd", "dt")]
    [InlineData("a", "a")]
    [InlineData("table", "table")]
    public void Allows_NestingTheParserRewrites_IsRefused(string parent, string child)
    {
        var html = $"<{parent}>x<{child}>y</{child}>z</{parent}>";

        Assert.NotEqual(html, HtmlDocuments.Parse(html).DocumentNode.OuterHtml);
        Assert.False(StableNesting.Allows(parent, child, insideLink: parent == "a"));
    }

    [Fact]
    public void Allows_LinkDeepInsideLink_IsRefused()
    {
        Assert.False(StableNesting.Allows("em", "a", insideLink: true));
        Assert.True(StableNesting.Allows("em", "a", insideLink: false));
    }

    private static void WriteChildren(StringBuilder html, Random random, string? parent, bool insideLink, int depth)
    {
        var count = depth > 6 ? 0 : random.Next(0, 4);
        for (var i = 0; i < count; i++)
        {
            if (random.Next(3) == 0)
            {
                html.Append(random.Next(2) == 0 ? "text" : "\n");
            }

            var candidates = Tags.Where(t => StableNesting.Allows(parent, t, insideLink)).ToList();
            var tag = candidates[random.Next(candidates.Count)];
            html.Append('<').Append(tag).Append('>');
            if (!Void.Contains(tag))
            {
                WriteChildren(html, random, tag, insideLink || tag == "a", depth + 1);
                html.Append("</").Append(tag).Append('>');
            }
        }
    }
}
