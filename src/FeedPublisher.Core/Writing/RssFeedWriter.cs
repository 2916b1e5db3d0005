using System.ServiceModel.Syndication;
using System.Xml.Linq;
using FeedPublisher.Core.Model;

namespace FeedPublisher.Core.Writing;

/// <summary>
/// RSS 2.0 with the usual modules: <c>content:encoded</c> for the full HTML, <c>dc:creator</c> for
/// author names, and Atom links for the self link and each source.
/// </summary>
public sealed class RssFeedWriter : IFeedWriter
{
    public string FileName => "rss.xml";

    public byte[] Render(FeedDocument feed)
    {
        var syndication = new SyndicationFeed(feed.Title, feed.Description, feed.HomePage)
        {
            Language = feed.Language,
            LastUpdatedTime = feed.Updated,
            Generator = "FeedPublisher",
            Items = feed.Entries.Select(ToItem),
        };
        syndication.ElementExtensions.Add(new XElement(FeedNamespaces.Atom + "link",
            new XAttribute("href", feed.UrlOf(FileName).AbsoluteUri),
            new XAttribute("rel", "self"),
            new XAttribute("type", "application/rss+xml")));
        foreach (var link in feed.Links.Concat(feed.Hub is { } hub ? [new FeedLink("hub", hub)] : []))
        {
            syndication.ElementExtensions.Add(new XElement(FeedNamespaces.Atom + "link", new XAttribute("href", link.Href.AbsoluteUri), new XAttribute("rel", link.Rel)));
        }

        if (feed.IsArchive)
        {
            syndication.ElementExtensions.Add(new XElement(FeedNamespaces.FeedHistory + "archive"));
        }

        var document = FeedXml.ToDocument(new Rss20FeedFormatter(syndication, serializeExtensionsAsAtom: true));
        FixItems(document, feed);
        FeedXml.DeclareNamespacesOnRoot(document,
            [("atom", FeedNamespaces.Atom), ("content", FeedNamespaces.Content), ("dc", FeedNamespaces.DublinCore), .. feed.IsArchive ? [("fh", FeedNamespaces.FeedHistory)] : Array.Empty<(string, XNamespace)>()]);
        return FeedXml.ToBytes(document);
    }

    private static SyndicationItem ToItem(FeedEntry entry)
    {
        var item = SyndicationItems.Create(entry);
        foreach (var author in entry.Article.Authors)
        {
            item.ElementExtensions.Add(new XElement(FeedNamespaces.DublinCore + "creator", author));
        }

        if (entry.ContentHtml is not null)
        {
            item.ElementExtensions.Add(new XElement(FeedNamespaces.Content + "encoded", entry.ContentHtml));
        }

        return item;
    }

    /// <summary>
    /// Replaces Syndication's "... Z" dates with RFC 822 "GMT" dates, and gives &lt;source&gt; the
    /// url attribute RSS requires (Syndication only writes it from a self link, which in Atom
    /// would wrongly claim the outlet's home page is a feed).
    /// </summary>
    private static void FixItems(XDocument document, FeedDocument feed)
    {
        var channel = document.Root!.Element("channel")!;
        channel.Element("lastBuildDate")?.SetValue(FeedXml.Rfc822(feed.Updated));
        foreach (var (item, entry) in channel.Elements("item").Zip(feed.Entries))
        {
            item.Element("pubDate")?.SetValue(FeedXml.Rfc822(entry.Article.Published));
            if (entry.Article.Origin is { } origin)
            {
                item.Element("source")?.SetAttributeValue("url", origin.Url.AbsoluteUri);
            }
        }
    }
}
