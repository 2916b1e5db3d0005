using FeedPublisher.Core.Text;

namespace FeedPublisher.Core.Tests.Text;

public sealed class NearestNameTests
{
    private static readonly string[] Known = ["pubDate", "MaxItems", "validate", "title", "publish"];

    [Theory]
    [InlineData("pubdate", "pubDate")]
    [InlineData("MaxItem", "MaxItems")]
    [InlineData("vaildate", "validate")]
    [InlineData("title", "title")]
    [InlineData("colour", null)]
    public void Find_CloseName_OnlyThen(string typed, string? expected) =>
        Assert.Equal(expected, NearestName.Find(typed, Known));

    [Fact]
    public void Hint_NothingClose_IsEmpty() => Assert.Equal("", NearestName.Hint("colour", Known));
}
