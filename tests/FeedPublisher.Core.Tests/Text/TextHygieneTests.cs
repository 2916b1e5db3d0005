using FeedPublisher.Core.Html;
using FeedPublisher.Core.Text;

namespace FeedPublisher.Core.Tests.Text;

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

    /// <summary>Found by an outside probe: a title with an unclosed right-to-left override turned the rest of the browser tab's title around.</summary>
    [Theory]
    [InlineData("plain title", "plain title")]
    [InlineData("evil \u202Etxt.exe", "evil \u202Etxt.exe\u202C")]
    [InlineData("a \u202Bb \u2067c", "a \u202Bb \u2067c\u2069\u202C")]
    [InlineData("closed \u202Ex\u202C y", "closed \u202Ex\u202C y")]
    [InlineData("isolate \u2068\u202Ex\u2069 done", "isolate \u2068\u202Ex\u2069 done")]
    [InlineData("stray closers \u202C\u2069", "stray closers \u202C\u2069")]
    public void CleanLine_DirectionsLeftOpen_AreClosedAtTheEnd(string input, string expected) =>
        Assert.Equal(expected, TextHygiene.CleanLine(input));

    /// <summary>Found by a review: each stray PDI scanned the whole stack, and 100,000 of them after as many embeddings took 1.1 s.</summary>
    [Fact]
    public void CleanLine_ManyEmbeddingsAndStrayIsolateClosers_LinearTime()
    {
        var line = "t" + new string('\u202A', 300_000) + new string('\u2069', 300_000);
        var watch = System.Diagnostics.Stopwatch.StartNew();

        var clean = TextHygiene.CleanLine(line);

        // Quadratic, this took tens of seconds; linear, milliseconds.
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(3), $"{watch.Elapsed}");
        Assert.Equal(300_000, clean.Count(c => c == '\u202C'));
    }

    [Fact]
    public void CleanLine_CollapsesWhitespaceAndTrims()
    {
        Assert.Equal("a b c", TextHygiene.CleanLine("  a \u00A0\t b\u200B\n c  "));
    }

    [Theory]
    [InlineData("a\u200Bb", "a b")]
    [InlineData("a  b", "a b")]
    [InlineData(" a", "a")]
    [InlineData("a ", "a")]
    [InlineData("a\tb", "a b")]
    [InlineData("a\u00A0b", "a b")]
    [InlineData("a\uFEFF", "a")]
    public void CleanLine_NearlyCleanLine_IsCleaned(string input, string expected)
    {
        Assert.Equal(expected, TextHygiene.CleanLine(input));
    }

    [Fact]
    public void CleanLine_CleanLine_IsReturnedAsIs()
    {
        var line = "Already clean, with é and 😀.";

        Assert.Same(line, TextHygiene.CleanLine(line));
    }

    [Fact]
    public void StripInvalidXmlChars_ForbiddenCharacterAfterLongValidText_IsRemoved()
    {
        var valid = string.Concat(Enumerable.Repeat("plain text é ", 20));

        Assert.Equal(valid + "end", TextHygiene.StripInvalidXmlChars(valid + "\u0001end\uFFFF"));
    }

    [Fact]
    public void EncodeAttribute_QuotesAndMarkup_AreEscaped()
    {
        Assert.Equal("say &quot;a&lt;b&quot; &amp; go&gt;", HtmlText.EncodeAttribute("say \"a<b\" & go>"));
        Assert.Equal("say \"a&lt;b\" &amp; go&gt;", HtmlText.Encode("say \"a<b\" & go>"));
    }

    [Fact]
    public void Paragraphs_EscapesMarkup()
    {
        Assert.Equal("<p>1 &lt; 2 &amp; \"x\" &gt; 0</p>\n", HtmlText.Paragraphs(["1 < 2 & \"x\" > 0"]));
    }
}
