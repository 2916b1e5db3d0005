using FeedPublisher.Core.Extraction;

namespace FeedPublisher.Core.Tests.Extraction;

public sealed class SummarizerTests
{
    [Fact]
    public void Summarize_SentencesFit_KeepsWholeSentencesOnly()
    {
        var summary = new Summarizer(60).Summarize(["First sentence is here. Second one is also here. Third will not fit at all."]);

        Assert.Equal("First sentence is here. Second one is also here.", summary);
    }

    [Fact]
    public void Summarize_FirstSentenceTooLong_CutsAtWordBoundaryWithEllipsis()
    {
        var sentence = string.Join(' ', Enumerable.Repeat("word", 100)) + ".";

        var summary = new Summarizer(300).Summarize([sentence]);

        Assert.True(summary.Length <= 300, $"{summary.Length} characters");
        Assert.EndsWith("word…", summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Summarize_CutNearPunctuation_DropsTrailingComma()
    {
        var summary = new Summarizer(50).Summarize(["Alpha beta gamma delta epsilon zeta eta, theta iota kappa lambda mu nu xi omicron."]);

        Assert.Equal("Alpha beta gamma delta epsilon zeta eta, theta…", summary);
    }

    [Fact]
    public void Summarize_ContinuesIntoNextParagraph_WhenRoomIsLeft()
    {
        var summary = new Summarizer(100).Summarize(["Short lead.", "A second paragraph sentence."]);

        Assert.Equal("Short lead. A second paragraph sentence.", summary);
    }

    [Fact]
    public void Constructor_TinyLimit_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Summarizer(10));
    }
}
