using FeedPublisher.Core.Extraction;

namespace FeedPublisher.Core.Tests.Extraction;

public sealed class HostsTests
{
    [Theory]
    [InlineData("www.reuters.com", "reuters.com", true)]
    [InlineData("edition.cnn.com", "www.cnn.com", true)]
    [InlineData("cnn.com", "edition.cnn.com", true)]
    [InlineData("notcnn.com", "cnn.com", false)]
    [InlineData("cnn.com.evil.example", "cnn.com", false)]
    public void SameSite_Hosts_ComparedAsSites(string a, string b, bool expected)
    {
        Assert.Equal(expected, Hosts.SameSite(a, b));
    }

    [Theory]
    [InlineData("https://twitter.com/intent/tweet?text=x", true)]
    [InlineData("https://mobile.twitter.com/share?url=x", true)]
    [InlineData("https://www.facebook.com/sharer/sharer.php?u=x", true)]
    [InlineData("mailto:desk@news.example.com", true)]
    [InlineData("https://nottwitter.com/intent/tweet", false)]
    [InlineData("https://twitter.com/reuters/status/1", false)]
    public void IsShareLink_Url_TellsShareButtonsFromCitations(string url, bool expected)
    {
        Assert.Equal(expected, ShareLinks.IsShareLink(new Uri(url)));
    }
}
