using FeedPublisher.Core.Html;

namespace FeedPublisher.Core.Tests.Html;

public sealed class TextHygieneTests
{
    [Theory]
    [InlineData("a\u0001b", "ab")]
    [InlineData("a\uFFFEb\uFFFF", "ab")]
    [InlineData("pair 😀 kept", "pair 😀 kept")]
    [InlineData("tab\tand\nnewline", "tab\tand\nnewline")]
    public void StripInvalidXmlChars_RemovesWhatXmlForbids(string input, string expected)
    {
        Assert.Equal(expected, TextHygiene.StripInvalidXmlChars(input));
    }

    /// <summary>Built in code: attribute arguments cannot carry a lone surrogate (the compiler replaces it).</summary>
    [Fact]
    public void StripInvalidXmlChars_LoneSurrogates_AreRemoved()
    {
        var input = "high " + '\uD800' + " low " + '\uDC00' + " end";

        Assert.Equal("high  low  end", TextHygiene.StripInvalidXmlChars(input));
    }

    [Fact]
    public void CleanLine_CollapsesWhitespaceAndTrims()
    {
        Assert.Equal("a b c", TextHygiene.CleanLine("  a \u00A0\t b\u200B\n c  "));
    }

    [Fact]
    public void Paragraphs_EscapesMarkup()
    {
        Assert.Equal("<p>1 &lt; 2 &amp; \"x\" &gt; 0</p>\n", HtmlText.Paragraphs(["1 < 2 & \"x\" > 0"]));
    }
}
