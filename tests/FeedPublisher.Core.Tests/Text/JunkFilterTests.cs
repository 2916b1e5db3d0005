using FeedPublisher.Core.Extraction;
using FeedPublisher.Core.Text;

namespace FeedPublisher.Core.Tests.Text;

public sealed class JunkFilterTests
{
    [Theory]
    [InlineData("Share this article: Kim Jong Un Says He is Open For Dialogue With Seoul")]
    [InlineData("More from Inquisitr")]
    [InlineData("Share on Facebook")]
    [InlineData("Follow us on Twitter")]
    [InlineData("Subscribe to our newsletter for daily market updates")]
    [InlineData("Related: How climate change is making South Asia's monsoon more erratic")]
    [InlineData("Related Articles")]
    [InlineData("Read more: Five things to know about coral bleaching")]
    [InlineData("Advertisement")]
    [InlineData("You may also like")]
    [InlineData("© 2024 Daily News")]
    public void IsJunkLine_Furniture_IsJunk(string line)
    {
        Assert.True(JunkFilter.IsJunkLine(line));
    }

    [Theory]
    [InlineData("More from the hearing is expected on Monday, officials said.")]
    [InlineData("Related to the merger, regulators opened a second inquiry into the deal last week and asked both companies for documents.")]
    [InlineData("Share prices fell 3% on Tuesday.")]
    [InlineData("Following the vote, the minister resigned.")]
    public void IsJunkLine_Prose_IsNotJunk(string line)
    {
        Assert.False(JunkFilter.IsJunkLine(line));
    }

    [Fact]
    public void Clean_TrailingJunkInsideLastParagraph_RemovesOnlyJunkLines()
    {
        var cleaned = JunkFilter.Clean(["Body one.", "Body two.\nShare this article: Title\nMore from Inquisitr"]);

        Assert.Equal(["Body one.", "Body two."], cleaned);
    }

    [Fact]
    public void Clean_JunkLineWrappedInsideProse_IsKept()
    {
        var cleaned = JunkFilter.Clean(["The committee will publish\nMore from the hearing next week,\nits chair said."]);

        Assert.Single(cleaned);
    }

    [Fact]
    public void Clean_InteriorJunkParagraph_IsRemoved()
    {
        var cleaned = JunkFilter.Clean(["Lead.", "Advertisement", "Rest of story."]);

        Assert.Equal(["Lead.", "Rest of story."], cleaned);
    }
}
