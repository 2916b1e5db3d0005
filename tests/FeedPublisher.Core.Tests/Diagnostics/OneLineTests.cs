using FeedPublisher.Core.Diagnostics;
using FeedPublisher.Core.Ingesting;

namespace FeedPublisher.Core.Tests.Diagnostics;

public sealed class OneLineTests
{
    [Theory]
    [InlineData("world/story.txt", "world/story.txt")]
    [InlineData("a\nb\rc\td", "a\\nb\\rc\\td")]
    [InlineData("nul\0bell\a\u2028\u0085", "nul\\u0000bell\\u0007\\u2028\\u0085")]
    [InlineData("Zürich 😀", "Zürich 😀")]
    public void Of_EscapesWhatWouldBreakTheLine(string text, string line) => Assert.Equal(line, OneLine.Of(text));

    [Fact]
    public void ArticleProblem_NameWithANewline_PrintsOneLine() =>
        Assert.Equal("a\\nfail: forged.txt: skipped: it is\\nbinary", new ArticleProblem("a\nfail: forged.txt", "it is\nbinary", Rejected: true).ToString());
}
