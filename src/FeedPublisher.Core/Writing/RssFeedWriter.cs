using System.ServiceModel.Syndication;
using System.Xml.Linq;
using FeedPublisher.Core.Html;
using FeedPublisher.Core.Model;

namespace FeedPublisher.Core.Writing;

/// <summary>
/// RSS 2.0 with the usual modules: <c>content:encoded</c> for the full HTML, <c>dc:creator</c> for
/// author names, and Atom links for the self link and each source. RSS readers render every
/// <c>description</c> (the channel's and the items') as HTML, so our plain-text summaries are
/// written there as HTML text: escaped for HTML, then again for XML. Titles, names and categories
/// stay plain text, escaped once, as RSS readers (and the Universal Feed Parser) read them.
/// </summary>
public sealed class RssFeedWriter : IFeedWriter
{
    public string FileName => "rss.xml";

    public void Write(FeedDocument feed, Stream output)
    {
        var syndication = new SyndicationFeed(feed.Title, feed.Description, feed.HomePage)
        {
            Language = feed.Language,
            LastUpdatedTime = feed.Updated,
            Generator = "FeedPublisher",
            Items = feed.Entries.Select(ToItem),
            Description = AsHtml(feed.Description),
        };
        ChannelElements.AddToRss(syndication, feed.Channel);
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

        (string, string)[] namespaces =
        [
            ("atom", FeedNamespaces.Atom.NamespaceName), ("content", FeedNamespaces.Content.NamespaceName), ("dc", FeedNamespaces.DublinCore.NamespaceName),
            .. feed.IsArchive ? [("fh", FeedNamespaces.FeedHistory.NamespaceName)] : Array.Empty<(string, string)>(),
            .. MediaElements.UseMediaRss(feed, atom: false) ? [("media", FeedNamespaces.MediaRss.NamespaceName)] : Array.Empty<(string, string)>(),
            .. ChannelElements.UsesSyndicationModule(feed.Channel) ? [("sy", FeedNamespaces.Syndication.NamespaceName)] : Array.Empty<(string, string)>(),
        ];
        FeedXml.Write(output, new Rss20FeedFormatter(syndication, serializeExtensionsAsAtom: true), xml => new RssCorrectionsXmlWriter(xml, namespaces, feed));
    }

    private static SyndicationItem ToItem(FeedEntry entry)
    {
        var item = SyndicationItems.Create(entry);
        item.Summary = AsHtml(entry.Article.Summary);
        foreach (var author in entry.Article.Authors)
        {
            item.ElementExtensions.Add(new XElement(FeedNamespaces.DublinCore + "creator", author));
        }

        if (entry.ContentHtml is not null)
        {
            item.ElementExtensions.Add(new XElement(FeedNamespaces.Content + "encoded", entry.ContentHtml));
        }

        MediaElements.AddToRss(item, entry.Article);

        return item;
    }

    /// <summary>Plain text as the HTML that a <c>description</c> holds: "AT&amp;T &lt;Game 5&gt;" reads back as written, never as markup.</summary>
    private static TextSyndicationContent AsHtml(string text) => new(HtmlText.Encode(text), TextSyndicationContentKind.Html);
}
