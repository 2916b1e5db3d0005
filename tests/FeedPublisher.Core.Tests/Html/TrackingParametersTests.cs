using FeedPublisher.Core.Html;

namespace FeedPublisher.Core.Tests.Html;

public sealed class TrackingParametersTests
{
    [Theory]
    [InlineData("https://a.example/p?utm_source=x&id=1&&FBCLID=2&Q=3&=v&utm_=4", "https://a.example/p?id=1&Q=3&=v")]
    [InlineData("https://a.example/p?utm_medium=x#frag", "https://a.example/p#frag")]
    [InlineData("https://a.example/p?id=1", "https://a.example/p?id=1")]
    [InlineData("https://a.example/p", "https://a.example/p")]
    public void Remove_Url_DropsOnlyTrackingParameters(string url, string expected)
    {
        Assert.Equal(expected, TrackingParameters.Remove(new Uri(url)).AbsoluteUri);
    }
}
