using System.ServiceModel.Syndication;
using System.Xml;
using FeedPublisher.Core.Model;

namespace FeedPublisher.Core.Writing;

/// <summary>
/// Atom 1.0: text summary, HTML content, a related link per source, and an author on the feed so
/// that every entry has one (RFC 4287 requires it).
/// </summary>
public sealed class AtomFeedWriter : IFeedWriter
{
    public string FileName => "atom.xml";

    public void Write(FeedDocument feed, Stream output)
    {
        var syndication = new SyndicationFeed(feed.Title, feed.Description, feed.HomePage)
        {
            // Syndication invents a random id and the current time when these are missing.
            Id = feed.Id,
            LastUpdatedTime = feed.Updated,
            Generator = "FeedPublisher",
            Items = feed.Entries.Select(ToItem),
        };
        syndication.AttributeExtensions.Add(new XmlQualifiedName("lang", FeedNamespaces.Xml.NamespaceName), feed.Language);
        syndication.Authors.Add(ChannelElements.AtomAuthor(feed));
        ChannelElements.AddToAtom(syndication, feed.Channel);
        syndication.Links.Add(new SyndicationLink(feed.UrlOf(FileName), "self", null, "application/atom+xml", 0));
        foreach (var link in feed.Links.Concat(feed.Hub is { } hub ? [new FeedLink("hub", hub)] : []))
        {
            syndication.Links.Add(new SyndicationLink(link.Href, link.Rel, null, null, 0));
        }

        if (feed.IsArchive)
        {
            syndication.ElementExtensions.Add(new System.Xml.Linq.XElement(FeedNamespaces.FeedHistory + "archive"));
        }

        (string, string)[] namespaces =
        [
            .. feed.IsArchive ? [("fh", FeedNamespaces.FeedHistory.NamespaceName)] : Array.Empty<(string, string)>(),
            .. MediaElements.UseMediaRss(feed, atom: true) ? [("media", FeedNamespaces.MediaRss.NamespaceName)] : Array.Empty<(string, string)>(),
        ];
        FeedXml.Write(output, new Atom10FeedFormatter(syndication), namespaces.Length == 0 ? null : xml => new RootNamespacesXmlWriter(xml, namespaces));
    }

    private static SyndicationItem ToItem(FeedEntry entry)
    {
        var item = SyndicationItems.Create(entry);
        if (entry.ContentHtml is not null)
        {
            item.Content = new TextSyndicationContent(entry.ContentHtml, TextSyndicationContentKind.Html);
        }
        foreach (var author in entry.Article.Authors)
        {
            item.Authors.Add(new SyndicationPerson { Name = author, Uri = entry.Article.AuthorUrls.GetValueOrDefault(author)?.AbsoluteUri });
        }

        MediaElements.AddToAtom(item, entry.Article);

        return item;
    }
}
