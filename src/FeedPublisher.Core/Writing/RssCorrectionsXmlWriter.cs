using System.Xml;
using FeedPublisher.Core.Model;

namespace FeedPublisher.Core.Writing;

/// <summary>
/// Mends Syndication's RSS while it is written: RFC 822 dates with "GMT" instead of "... Z"
/// (which some validators reject), and &lt;source&gt; with the url attribute RSS requires
/// (Syndication only writes it from a self link, which in Atom would wrongly claim the outlet's
/// home page is a feed). Items come out in the feed's order, so the n-th &lt;item&gt; is the
/// n-th entry.
/// </summary>
internal sealed class RssCorrectionsXmlWriter(XmlWriter output, IReadOnlyList<(string Prefix, string Namespace)> namespaces, FeedDocument feed)
    : RootNamespacesXmlWriter(output, namespaces)
{
    // rss > channel > item > pubDate: the names of the open elements, by depth.
    private readonly string[] _open = new string[4];
    private int _item = -1;

    public override void WriteStartElement(string? prefix, string localName, string? ns)
    {
        var parent = Depth is > 0 and <= 4 ? _open[Depth - 1] : null;
        base.WriteStartElement(prefix, localName, ns);
        var plain = string.IsNullOrEmpty(ns);
        if (Depth <= _open.Length)
        {
            _open[Depth - 1] = plain ? localName : "";
        }

        if (plain && parent == "channel" && localName == "item")
        {
            _item++;
        }
        else if (plain && parent == "item" && localName == "source" && feed.Entries[_item].Article.Origin is { } origin)
        {
            WriteAttributeString("url", origin.Url.AbsoluteUri);
        }
    }

    public override void WriteString(string? text)
    {
        var element = Depth is >= 2 and <= 4 ? _open[Depth - 1] : null;
        var parent = element is null ? null : _open[Depth - 2];
        if (!InAttribute)
        {
            if (element == "pubDate" && parent == "item")
            {
                text = FeedXml.Rfc822(feed.Entries[_item].Article.Published);
            }
            else if (element == "lastBuildDate" && parent == "channel")
            {
                text = FeedXml.Rfc822(feed.Updated);
            }
        }

        base.WriteString(text);
    }
}
