using FeedPublisher.Core.Writing.Rules;

namespace FeedPublisher.Core.Writing;

/// <summary>
/// The registry of feed formats: the one list from which the writers, the archive's formats, the
/// formats in the publish key, the validator's rules, the OPML list, the index page and the
/// server's content types are all derived. The order is the order of the OPML list and the index
/// page, so it is part of the output.
/// </summary>
public static class FeedFormats
{
    public static readonly IReadOnlyList<FeedFormat> All =
    [
        new("RSS", "application/rss+xml", new RssFeedWriter(), new RssRules(), HasArchive: true),
        new("Atom", "application/atom+xml", new AtomFeedWriter(), new AtomRules(), HasArchive: true),
        new("JSON Feed", "application/feed+json", new JsonFeedWriter(), new JsonFeedRules(), HasArchive: false),
    ];

    /// <summary>The format written to files of this name, or null when no format is.</summary>
    public static FeedFormat? Named(string fileName) => All.FirstOrDefault(f => f.FileName == fileName);
}
