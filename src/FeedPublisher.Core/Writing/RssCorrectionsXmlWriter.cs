using System.Net;
using System.Xml;
using FeedPublisher.Core.Model;

namespace FeedPublisher.Core.Writing;

/// <summary>
/// Mends Syndication's RSS while it is written: RFC 822 dates with "GMT" instead of "... Z"
/// (which some validators reject), and &lt;source&gt; with the url attribute RSS requires
/// (Syndication only writes it from a self link, which in Atom would wrongly claim the outlet's
/// home page is a feed). Items come out in the feed's order, so the n-th &lt;item&gt; is the
/// n-th entry.
/// <para>
/// RSS cannot say whether a title is text or HTML, and readers split: most show it as text,
/// some render it as HTML (feedparser guesses from what it looks like). The
/// two readings differ where the text opens a tag ("&lt;" and a letter, "/", "!" or "?") or
/// holds a character reference ("&amp;amp;", "&amp;#60;"): as HTML such text is lost, changed
/// or, in "&lt;a href=…&gt;", run. So such a title is written as HTML that shows exactly the
/// text ("&amp;lt;Game 5&amp;gt;"), which HTML readers, feedparser and
/// the text readers that decode entities all show literally, and which opens no tag in any
/// reading. Any other title, and every category, source and name, and the channel's copyright and
/// managingEditor (which readers, feedparser among them, read as text), is written as itself, with "&amp;", "&lt;" and "&gt;" as the
/// hexadecimal references the RSS Best Practices Profile asks for (&amp;#x26; &amp;#x3C; &amp;#x3E;).
/// </para>
/// </summary>
internal sealed class RssCorrectionsXmlWriter(XmlWriter output, IReadOnlyList<(string Prefix, string Namespace)> namespaces, FeedDocument feed)
    : RootNamespacesXmlWriter(output, namespaces)
{
    private static readonly System.Buffers.SearchValues<char> Referenced = System.Buffers.SearchValues.Create("&<>");

    // rss > channel > item > pubDate: the names of the open elements, by depth ("dc:creator" for
    // Dublin Core's, "" for any other namespace's).
    private readonly string[] _open = new string[4];
    private int _item = -1;

    public override void WriteStartElement(string? prefix, string localName, string? ns)
    {
        var parent = Depth is > 0 and <= 4 ? _open[Depth - 1] : null;
        base.WriteStartElement(prefix, localName, ns);
        var plain = string.IsNullOrEmpty(ns);
        if (Depth <= _open.Length)
        {
            _open[Depth - 1] = plain ? localName : ns == FeedNamespaces.DublinCore.NamespaceName ? "dc:" + localName : "";
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

        if (!InAttribute && text is not null && IsPlainText(element, parent) && text.AsSpan().IndexOfAny(Referenced) >= 0)
        {
            if (element == "title" && ReadsDifferentlyAsHtml(text))
            {
                base.WriteString(EscapedAsHtml(text));
            }
            else
            {
                WriteWithReferences(text);
            }

            return;
        }

        base.WriteString(text);
    }

    private static bool IsPlainText(string? element, string? parent) => (element, parent) switch
    {
        ("title", "channel" or "item" or "image") => true,
        ("category" or "source" or "dc:creator", "item") => true,
        ("copyright" or "managingEditor", "channel") => true,
        _ => false,
    };

    private static bool ReadsDifferentlyAsHtml(string text) =>
        OpensTag(text) || (text.Contains('&', StringComparison.Ordinal) && WebUtility.HtmlDecode(text) != text);

    /// <summary>Whether an HTML parser would read a tag (or comment, or declaration) somewhere in <paramref name="text"/>.</summary>
    private static bool OpensTag(string text)
    {
        for (var i = text.IndexOf('<', StringComparison.Ordinal); i >= 0 && i + 1 < text.Length; i = text.IndexOf('<', i + 1))
        {
            if (char.IsAsciiLetter(text[i + 1]) || text[i + 1] is '/' or '!' or '?')
            {
                return true;
            }
        }

        return false;
    }

    private static string EscapedAsHtml(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    private void WriteWithReferences(string text)
    {
        var rest = text.AsSpan();
        for (var i = rest.IndexOfAny(Referenced); i >= 0; i = rest.IndexOfAny(Referenced))
        {
            base.WriteString(rest[..i].ToString());
            WriteCharEntity(rest[i]);
            rest = rest[(i + 1)..];
        }

        base.WriteString(rest.ToString());
    }
}
