using System.ServiceModel.Syndication;
using System.Xml.Linq;
using FeedPublisher.Core.Model;

namespace FeedPublisher.Core.Writing;

/// <summary>
/// The channel's identity (<see cref="ChannelIdentity"/>) on a Syndication feed, for RSS and Atom.
/// Syndication writes the image as RSS <c>image</c> (with the channel's title and link, which RSS
/// 2.0 requires beside the url) and as Atom <c>logo</c>, and the copyright as RSS <c>copyright</c>
/// and Atom <c>rights</c>; what it has no property for is added as an element of the format's own.
/// </summary>
internal static class ChannelElements
{
    public static void AddToRss(SyndicationFeed syndication, ChannelIdentity? channel)
    {
        if (channel is null)
        {
            return;
        }

        AddShared(syndication, channel);
        if (channel.ManagingEditor() is { } editor)
        {
            syndication.ElementExtensions.Add(new XElement("managingEditor", editor));
        }

        if (channel.TtlMinutes is { } ttl)
        {
            syndication.ElementExtensions.Add(new XElement("ttl", ttl));
        }
    }

    public static void AddToAtom(SyndicationFeed syndication, ChannelIdentity? channel)
    {
        if (channel is null)
        {
            return;
        }

        AddShared(syndication, channel);
        if (channel.Icon is { } icon)
        {
            syndication.ElementExtensions.Add(new XElement(FeedNamespaces.Atom + "icon", icon.AbsoluteUri));
        }
    }

    /// <summary>
    /// The Atom feed's author: the publisher when any of it is set, else the feed's
    /// title, as before (RFC 4287 wants an author for every entry, and the feed's covers those without).
    /// </summary>
    public static SyndicationPerson AtomAuthor(FeedDocument feed) => feed.Channel is { } c && c.HasPublisher()
        ? new SyndicationPerson(c.PublisherEmail, c.PublisherName ?? feed.Title, c.PublisherUrl?.AbsoluteUri)
        : new SyndicationPerson { Name = feed.Title };

    private static void AddShared(SyndicationFeed syndication, ChannelIdentity channel)
    {
        if (channel.Image is { } image)
        {
            syndication.ImageUrl = image;
        }

        if (channel.Copyright is { } copyright)
        {
            syndication.Copyright = new TextSyndicationContent(copyright);
        }
    }
}
