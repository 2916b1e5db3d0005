using FeedPublisher.Core.Html;

namespace FeedPublisher.Core.Tests.Html;

/// <summary>The text collected while sanitizing is the text of the published HTML, as parsing that HTML reads it.</summary>
public sealed class SanitizedBodyTests
{
    private static readonly Uri Base = new("https://news.example.com/world/story");

    [Theory]
    [InlineData("<p>One <a href='https://www.reuters.com/a?utm_source=x&amp;id=2'>Reuters &amp; co</a>.</p>\n<p>Two</p>")]
    [InlineData("<h2>Head</h2><ul><li>a<ul><li>b</li></ul></li><li><p>c</p></li></ul><blockquote><p>q</p></blockquote>")]
    [InlineData("<table><thead><tr><th>h</th></tr></thead><tbody><tr><td>1 <a href='/x'>x</a></td><td><p>2</p></td></tr></tbody></table>")]
    [InlineData("<pre><code>  keep\n  spaces  </code></pre><dl><dt>t</dt><dd>d &amp;#0; e</dd></dl><figure><img src='a.png'><figcaption>cap</figcaption></figure>")]
    [InlineData("just text &amp; more <b>bold</b>")]
    [InlineData("<div><p>x<div>block in p</div>y</p></div><li>loose</li>")]
    [InlineData("<ul><li>one<div><li>two</li></div></li></ul>")]
    [InlineData("<a href='https://a.example/'>outer <span><a href='https://b.example/'>inner</a></span></a>")]
    [InlineData("<p>p <h3>heading in p</h3> tail</p><table><tr><td>c<table><tr><td>d</td></tr></table></td></tr></table>")]
    public void Of_Body_TextIsWhatParsingTheOutputReads(string body)
    {
        var sanitized = SanitizedBody.Of(HtmlDocuments.Parse(body), Base);

        var reread = HtmlBodyText.Read(HtmlDocuments.Parse(sanitized.Html));
        Assert.Equal(reread.Paragraphs, sanitized.Text.Paragraphs);
        Assert.Equal(reread.Lead, sanitized.Text.Lead);
        Assert.Equal(reread.Links, sanitized.Text.Links);
    }

    [Fact]
    public void Of_ListItemUnwrappedIntoListItem_ReadAsTheParserSplitsIt()
    {
        // The sanitizer unwraps the div and writes <li>one<li>two</li></li>; the parser closes the first item.
        var sanitized = SanitizedBody.Of(HtmlDocuments.Parse("<ul><li>one<div><li>two</li></div></li></ul>"), Base);

        Assert.Equal(["one", "two"], sanitized.Text.Paragraphs);
    }

    [Fact]
    public void Of_Body_HtmlTrimmedAndEndsInOneNewline()
    {
        var sanitized = SanitizedBody.Of(HtmlDocuments.Parse("  \n<p>x</p>\n\n  "), Base);

        Assert.Equal("<p>x</p>\n", sanitized.Html);
    }

    [Fact]
    public void Of_NoDocument_IsEmpty()
    {
        var sanitized = SanitizedBody.Of(null, Base);

        Assert.Equal("\n", sanitized.Html);
        Assert.Empty(sanitized.Text.Paragraphs);
    }
}
