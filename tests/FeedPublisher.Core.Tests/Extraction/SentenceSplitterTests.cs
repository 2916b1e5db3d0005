using FeedPublisher.Core.Extraction;

namespace FeedPublisher.Core.Tests.Extraction;

public sealed class SentenceSplitterTests
{
    [Theory]
    [InlineData("One. Two.", new[] { "One.", "Two." })]
    [InlineData("Mr. Smith went to Washington. He stayed.", new[] { "Mr. Smith went to Washington.", "He stayed." })]
    [InlineData("The U.S. Army said so. Then it left.", new[] { "The U.S. Army said so.", "Then it left." })]
    [InlineData("It rose 3.5 percent. Then fell.", new[] { "It rose 3.5 percent.", "Then fell." })]
    [InlineData("On Jan. 5 it began. It ended.", new[] { "On Jan. 5 it began.", "It ended." })]
    [InlineData("She lives at No. 10 Downing St. in London. Yes.", new[] { "She lives at No. 10 Downing St. in London.", "Yes." })]
    [InlineData("Tools, e.g. hammers, help. Really.", new[] { "Tools, e.g. hammers, help.", "Really." })]
    [InlineData("\"Go now.\" He went.", new[] { "\"Go now.\"", "He went." })]
    [InlineData("Wait... it works. Yes!", new[] { "Wait... it works.", "Yes!" })]
    [InlineData("Wait... It works.", new[] { "Wait...", "It works." })]
    [InlineData("J. R. R. Tolkien wrote it. Fans agree?", new[] { "J. R. R. Tolkien wrote it.", "Fans agree?" })]
    [InlineData("No terminator at the end", new[] { "No terminator at the end" })]
    public void Split_Prose_SplitsAtRealSentenceEnds(string text, string[] expected)
    {
        Assert.Equal(expected, SentenceSplitter.Split(text));
    }
}
