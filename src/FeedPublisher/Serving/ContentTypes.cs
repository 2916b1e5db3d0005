using FeedPublisher.Core.Writing;

namespace FeedPublisher.Serving;

/// <summary>The media types feed readers expect for each file of the feed directory.</summary>
public static class ContentTypes
{
    public static string For(string fileName) => FeedFormats.Named(fileName)?.ContentType ?? fileName switch
    {
        _ when fileName.EndsWith(".opml", StringComparison.Ordinal) => "text/x-opml; charset=utf-8",
        _ when fileName.EndsWith(".html", StringComparison.Ordinal) => "text/html; charset=utf-8",
        _ when fileName.EndsWith(".xml", StringComparison.Ordinal) => "application/xml; charset=utf-8",
        _ when fileName.EndsWith(".json", StringComparison.Ordinal) => "application/json; charset=utf-8",
        _ when fileName.EndsWith(".gz", StringComparison.Ordinal) => "application/gzip",
        _ => "application/octet-stream",
    };
}
