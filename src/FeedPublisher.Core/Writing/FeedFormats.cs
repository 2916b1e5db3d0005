namespace FeedPublisher.Core.Writing;

/// <summary>The formats every feed is published in, with their file names, labels and media types.</summary>
public static class FeedFormats
{
    public static readonly IReadOnlyList<(string FileName, string Label, string MediaType)> All =
    [
        ("rss.xml", "RSS", "application/rss+xml"),
        ("atom.xml", "Atom", "application/atom+xml"),
        ("feed.json", "JSON Feed", "application/feed+json"),
    ];
}
