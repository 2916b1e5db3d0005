using System.Text;
using FeedPublisher.Core.Html;
using FeedPublisher.Core.Model;
using FeedPublisher.Core.Tests.Support;

namespace FeedPublisher.Core.Tests.Html;

/// <summary>Input built to hurt the parser: it must neither crash nor hang, and what it keeps is still sanitized.</summary>
public sealed class HostileInputTests
{
    private static readonly Uri Base = new("https://news.example.com/");

    private static string Nested(string tag, int depth, string inner) =>
        new StringBuilder().Insert(0, $"<{tag}>", depth).Append(inner).Insert(depth * (tag.Length + 2) + inner.Length, $"</{tag}>", depth).ToString();

    [Theory]
    [InlineData("div")]
    [InlineData("b")]
    [InlineData("blockquote")]
    public void Sanitize_TenThousandNestedElements_KeepsTheTextWithoutCrashing(string tag)
    {
        var html = Nested(tag, 10_000, "deep <script>alert(1)</script>text");

        var sanitized = HtmlSanitizer.Sanitize(html, Base);

        Assert.Contains("deep", sanitized, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", sanitized, StringComparison.Ordinal);
    }

    [Fact]
    public void HtmlReader_TenThousandNestedDivsPage_IsReadWithoutCrashing()
    {
        var page = $"<html><head><title>Deep Page</title></head><body>{Nested("div", 10_000, "<p>According to Reuters, it is deep.</p>")}</body></html>";

        var article = ArticlePipeline.Read("deep.html", Encoding.UTF8.GetBytes(page));

        Assert.Equal("Deep Page", article.Title);
        Assert.Contains("deep", article.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void MarkdownReader_TenThousandNestedQuotes_IsRejectedWithReason()
    {
        var markdown = "# Deep Quotes\n\n" + new string('>', 10_000) + " According to Reuters, it is deep.\n";

        var e = Assert.Throws<ArticleRejectedException>(() => ArticlePipeline.Read("deep.md", Encoding.UTF8.GetBytes(markdown)));

        Assert.Contains("too deeply nested", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Sanitize_UnclosedTagsAndGarbage_GivesWellFormedOutput()
    {
        var sanitized = HtmlSanitizer.Sanitize("<p><b><i>open <a href='https://x.example/'>link <ul><li>item", Base);

        var xml = System.Xml.Linq.XElement.Parse("<root>" + sanitized.Replace("<br>", "<br/>", StringComparison.Ordinal) + "</root>");
        Assert.Contains("item", xml.Value, StringComparison.Ordinal);
    }
}
