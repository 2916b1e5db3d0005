using FeedPublisher.Core.Writing;

namespace FeedPublisher.Serving;

/// <summary>
/// The media types feed readers expect for each file of the feed directory, and those of the
/// images and media a site keeps beside its feeds (a logo, an icon, a podcast's episodes). SVG is
/// not among them: it can carry script, so it is served as a download, never rendered from here.
/// </summary>
public static class ContentTypes
{
    public static string For(string fileName) => FeedFormats.Named(fileName)?.ContentType ?? fileName switch
    {
        _ when fileName.EndsWith(".opml", StringComparison.Ordinal) => "text/x-opml; charset=utf-8",
        _ when fileName.EndsWith(".html", StringComparison.Ordinal) => "text/html; charset=utf-8",
        _ when fileName.EndsWith(".xml", StringComparison.Ordinal) => "application/xml; charset=utf-8",
        _ when fileName.EndsWith(".json", StringComparison.Ordinal) => "application/json; charset=utf-8",
        _ when fileName.EndsWith(".gz", StringComparison.Ordinal) => "application/gzip",
        _ when fileName.EndsWith(".png", StringComparison.OrdinalIgnoreCase) => "image/png",
        _ when fileName.EndsWith(".jpg", StringComparison.OrdinalIgnoreCase) || fileName.EndsWith(".jpeg", StringComparison.OrdinalIgnoreCase) => "image/jpeg",
        _ when fileName.EndsWith(".gif", StringComparison.OrdinalIgnoreCase) => "image/gif",
        _ when fileName.EndsWith(".webp", StringComparison.OrdinalIgnoreCase) => "image/webp",
        _ when fileName.EndsWith(".avif", StringComparison.OrdinalIgnoreCase) => "image/avif",
        _ when fileName.EndsWith(".ico", StringComparison.OrdinalIgnoreCase) => "image/x-icon",
        _ when fileName.EndsWith(".mp3", StringComparison.OrdinalIgnoreCase) => "audio/mpeg",
        _ when fileName.EndsWith(".m4a", StringComparison.OrdinalIgnoreCase) => "audio/mp4",
        _ when fileName.EndsWith(".mp4", StringComparison.OrdinalIgnoreCase) => "video/mp4",
        _ => "application/octet-stream",
    };
}
