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
            // The same interval for readers that read the syndication module rather than ttl.
            var (period, frequency) = UpdatePeriod(ttl);
            syndication.ElementExtensions.Add(new XElement(FeedNamespaces.Syndication + "updatePeriod", period));
            syndication.ElementExtensions.Add(new XElement(FeedNamespaces.Syndication + "updateFrequency", frequency));
        }
    }

    /// <summary>True when the RSS channel carries the syndication module (declared on the root only then).</summary>
    public static bool UsesSyndicationModule(ChannelIdentity? channel) => channel?.TtlMinutes is not null;

    /// <summary>
    /// A ttl in minutes as the syndication module says it: the shortest period that holds it, and
    /// how many times per period (at least once). 30 minutes: hourly, 2; 90: daily, 16; a week: weekly, 1.
    /// </summary>
    public static (string Period, int Frequency) UpdatePeriod(int ttlMinutes)
    {
        (string Name, int Minutes)[] periods = [("hourly", 60), ("daily", 1440), ("weekly", 10080), ("monthly", 43200), ("yearly", 525600)];
        var (name, minutes) = periods.FirstOrDefault(p => p.Minutes >= ttlMinutes, periods[^1]);
        return (name, Math.Max(1, minutes / Math.Max(1, ttlMinutes)));
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
