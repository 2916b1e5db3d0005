using System.Xml.Linq;
using FeedPublisher.Core.Model;

namespace FeedPublisher.Core.Writing;

/// <summary>
/// OPML 2.0 listing every published feed in every format, grouped (main, named, categories,
/// authors), so a reader can subscribe to all of them at once.
/// </summary>
public static class OpmlWriter
{
    public const string FileName = "feeds.opml";

    public static byte[] Render(SiteInfo site, IReadOnlyList<PublishedFeed> feeds)
    {
        var body = new XElement("body");
        foreach (var group in feeds.GroupBy(f => f.Group).OrderBy(g => g.Key))
        {
            var outline = new XElement("outline", new XAttribute("text", GroupTitle(group.Key)), new XAttribute("title", GroupTitle(group.Key)));
            foreach (var feed in group.Select(f => f.Feed))
            {
                foreach (var format in FeedFormats.All)
                {
                    outline.Add(new XElement("outline",
                        new XAttribute("type", "rss"),
                        new XAttribute("text", $"{feed.Title} ({format.Label})"),
                        new XAttribute("title", $"{feed.Title} ({format.Label})"),
                        new XAttribute("xmlUrl", feed.UrlOf(format.FileName).AbsoluteUri),
                        new XAttribute("htmlUrl", feed.HomePage.AbsoluteUri),
                        new XAttribute("language", feed.Language)));
                }
            }

            body.Add(outline);
        }

        var updated = feeds.Count == 0 ? DateTimeOffset.UnixEpoch : feeds.Max(f => f.Feed.Updated);
        var opml = new XElement("opml", new XAttribute("version", "2.0"),
            new XElement("head",
                new XElement("title", $"{site.Title}: feeds"),
                new XElement("dateModified", FeedXml.Rfc822(updated)),
                new XElement("docs", "http://opml.org/spec2.opml")),
            body);
        return FeedXml.ToBytes(new XDocument(opml));
    }

    private static string GroupTitle(FeedGroup group) => group switch
    {
        FeedGroup.Main => "All articles",
        FeedGroup.Named => "Feeds",
        FeedGroup.Category => "Categories",
        _ => "Authors",
    };
}
