using FeedPublisher.Core.Html;

namespace FeedPublisher.Core.Tests.Html;

public sealed class HtmlJunkFilterTests
{
    [Theory]
    [InlineData("<p>The story.</p><p>Share this article</p>", "<p>The story.</p>")]
    [InlineData("<p>The story.</p><p>&#83;hare this article</p>", "<p>The story.</p>")]
    [InlineData("<div><span>Advertisement</span><p>The story.</p></div>", "<div><p>The story.</p></div>")]
    [InlineData("<ul><li><em>Related stories</em></li></ul><p>The story.</p>", "<p>The story.</p>")]
    [InlineData("<p>Advertisement <img src='ad.png'></p>", "<p>Advertisement <img src='ad.png'></p>")]
    [InlineData("<p>More from <script>var x;</script>the desk</p>", "")]
    public void RemoveJunk_Body_RemovesJunkBlocks(string html, string expected)
    {
        Assert.Equal(expected, WithoutJunk(html));
    }

    [Fact]
    public void RemoveJunk_JunkPaddedWithLongWhiteSpace_IsRemoved()
    {
        Assert.Equal("<p>The story.</p>", WithoutJunk("<p>The story.</p><p>Share this article" + new string(' ', 300) + "\n\n</p>"));
    }

    [Fact]
    public void RemoveJunk_LongParagraphStartingLikeJunk_IsKept()
    {
        var html = "<p>Share this article with anyone who " + string.Concat(Enumerable.Repeat("reads about the harbour, ", 10)) + "</p>";

        Assert.Equal(html, WithoutJunk(html));
    }

    private static string WithoutJunk(string html)
    {
        var document = HtmlDocuments.Parse(html);
        HtmlJunkFilter.RemoveJunk(document);
        return document.DocumentNode.OuterHtml;
    }
}
