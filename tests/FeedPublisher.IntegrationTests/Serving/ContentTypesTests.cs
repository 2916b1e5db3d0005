using FeedPublisher.Core.Writing;
using FeedPublisher.Serving;

namespace FeedPublisher.IntegrationTests.Serving;

/// <summary>The server's content types of feed files come from the registry of formats, nowhere else.</summary>
public sealed class ContentTypesTests
{
    public static TheoryData<string> FeedFileNames() => [.. FeedFormats.All.Select(f => f.FileName)];

    [Theory]
    [MemberData(nameof(FeedFileNames))]
    public void For_EveryFormatsFileName_ItsMediaTypeInUtf8(string fileName)
    {
        Assert.Equal(FeedFormats.Named(fileName)!.MediaType + "; charset=utf-8", ContentTypes.For(fileName));
    }

    [Theory]
    [InlineData("feeds.opml", "text/x-opml; charset=utf-8")]
    [InlineData("index.html", "text/html; charset=utf-8")]
    [InlineData("other.xml", "application/xml; charset=utf-8")]
    [InlineData("rss.xml.gz", "application/gzip")]
    public void For_FileOfNoFeedFormat_ByItsExtension(string fileName, string contentType)
    {
        Assert.Equal(contentType, ContentTypes.For(fileName));
    }
}
