using FeedPublisher.Core.Html;

namespace FeedPublisher.Core.Tests.Html;

public sealed class HtmlDecodingTests
{
    [Theory]
    [InlineData("alert&amp;#40;1&amp;#41;", "alert&#40;1&#41;")] // an escaped reference is text that means "&#40;"
    [InlineData("AT&amp;T &lt;Game 5&gt;", "AT&T <Game 5>")]
    [InlineData("alert&#40;1&#41;", "alert(1)")]
    [InlineData("&#0000106;s", "js")] // leading zeros name a character, as browsers read them
    [InlineData("a&#xD800;b&#0;c&#x110000;d", "abcd")] // references that name no character go
    [InlineData("a&amp;#xD800;b", "a&#xD800;b")]
    [InlineData("&#128512;", "\U0001F600")]
    public void Decode_DecodesEachReferenceOnce(string raw, string text) =>
        Assert.Equal(text, HtmlDecoding.Decode(raw));
}
