using System.Xml.Linq;

namespace FeedPublisher.Core.Writing;

/// <summary>The XML namespaces our feeds use, with the prefixes readers expect.</summary>
public static class FeedNamespaces
{
    public static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    public static readonly XNamespace Content = "http://purl.org/rss/1.0/modules/content/";
    public static readonly XNamespace DublinCore = "http://purl.org/dc/elements/1.1/";
    public static readonly XNamespace Xml = XNamespace.Xml;
    public static readonly XNamespace FeedHistory = "http://purl.org/syndication/history/1.0";
    public static readonly XNamespace MediaRss = "http://search.yahoo.com/mrss/";

    /// <summary>The RSS 1.0 syndication module (sy:updatePeriod, sy:updateFrequency), which WordPress writes into RSS 2.0 too.</summary>
    public static readonly XNamespace Syndication = "http://purl.org/rss/1.0/modules/syndication/";
}
