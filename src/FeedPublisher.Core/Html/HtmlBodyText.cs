using HtmlAgilityPack;

namespace FeedPublisher.Core.Html;

/// <summary>
/// Reading a sanitized body: its prose as plain text (for attributions), its lead paragraphs (the
/// top-level &lt;p&gt;s, for the summary: not list items, quotes or captions) and its links with
/// their text (for sources). Usually collected while the sanitizer writes the body
/// (<see cref="SanitizedBody"/>); <see cref="Read"/> reads it from the parsed output instead.
/// </summary>
public sealed record HtmlBodyText(IReadOnlyList<string> Paragraphs, IReadOnlyList<string> Lead, IReadOnlyList<(Uri Url, string Text)> Links)
{
    /// <summary>Reads a parsed sanitized body (whose depth the sanitizer bounds, so the walk may recurse).</summary>
    public static HtmlBodyText Read(HtmlDocument sanitized)
    {
        var collector = new HtmlBodyTextCollector();
        Tell(collector, sanitized.DocumentNode);
        return collector.Build();
    }

    private static void Tell(HtmlBodyTextCollector collector, HtmlNode parent)
    {
        foreach (var node in parent.ChildNodes)
        {
            if (node.NodeType == HtmlNodeType.Text)
            {
                collector.Text(((HtmlTextNode)node).Text);
            }
            else if (node.NodeType == HtmlNodeType.Element)
            {
                collector.Open(node.Name, node.Name == "a" ? node.GetAttributeValue("href", null) : null);
                Tell(collector, node);
                collector.Close();
            }
        }
    }
}
