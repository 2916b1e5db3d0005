using FeedPublisher.Core.Extraction;
using HtmlAgilityPack;

namespace FeedPublisher.Core.Html;

/// <summary>
/// Removes blocks of an HTML body whose whole text is a junk line ("Share this article", "More
/// from X", "Advertisement"): the HTML counterpart of <see cref="JunkFilter"/>. In HTML a block's
/// bounds are explicit, so any such block goes, wherever it stands.
/// </summary>
public static class HtmlJunkFilter
{
    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "li", "div", "h2", "h3", "h4", "h5", "h6", "section", "aside", "figure", "ul", "ol", "span", "small", "strong", "em",
    };

    /// <summary>Removes the junk blocks from a parsed document, in place.</summary>
    public static void RemoveJunk(HtmlDocument document)
    {
        var junk = document.DocumentNode.Descendants()
            .Where(n => n.NodeType == HtmlNodeType.Element && Blocks.Contains(n.Name) && IsJunk(n))
            .ToList();
        foreach (var block in junk)
        {
            block.Remove();
        }
    }

    private static bool IsJunk(HtmlNode block) =>
        HtmlDecoding.DecodeLine(HtmlTextContent.Of(block)) is { } text && JunkFilter.IsJunkLine(text) && !block.Descendants("img").Any();
}
