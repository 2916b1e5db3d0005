using System.Runtime.InteropServices;
using System.Xml;
using FeedPublisher.Core.Text;
using HtmlAgilityPack;

namespace FeedPublisher.Core.Html;

/// <summary>
/// Removes blocks of an HTML body whose whole text is a junk line ("Share this article", "More
/// from X", "Advertisement"): the HTML counterpart of <see cref="JunkFilter"/>. In HTML a block's
/// bounds are explicit, so any such block goes, wherever it stands.
/// </summary>
/// <remarks>
/// A block's text is a stretch of the document's text, so one walk collects all of it; asking
/// each block for its own text walked every subtree again for each enclosing block. A block whose
/// text is surely too long for a junk line is not decoded at all. Blocks inside invisible elements
/// (script, style, template, noscript) are not looked at: the sanitizer drops those whole.
/// </remarks>
public static class HtmlJunkFilter
{
    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "li", "div", "h2", "h3", "h4", "h5", "h6", "section", "aside", "figure", "ul", "ol", "span", "small", "strong", "em",
    };

    /// <summary>Removes the junk blocks from a parsed document, in place.</summary>
    public static void RemoveJunk(HtmlDocument document)
    {
        var texts = new List<string>();
        var printable = 0;
        var open = 0;
        var junk = new List<HtmlNode>();
        var openBlocks = new Stack<(int FirstText, int Printable, int Open)>();

        // Iterative, so hostile nesting cannot overflow the stack; a block is judged when left.
        var pending = new Stack<(HtmlNode Node, bool Leaving)>();
        pending.Push((document.DocumentNode, false));
        while (pending.TryPop(out var item))
        {
            var (node, leaving) = item;
            if (leaving)
            {
                var start = openBlocks.Pop();
                if (MayBeJunk(printable - start.Printable, open - start.Open)
                    && IsJunk(node, string.Concat(CollectionsMarshal.AsSpan(texts)[start.FirstText..])))
                {
                    junk.Add(node);
                }
            }
            else if (node.NodeType == HtmlNodeType.Text)
            {
                var raw = ((HtmlTextNode)node).Text;
                texts.Add(raw);
                Count(raw, ref printable, ref open);
            }
            else if (!HtmlTextContent.IsInvisible(node))
            {
                if (node.NodeType == HtmlNodeType.Element && Blocks.Contains(node.Name))
                {
                    openBlocks.Push((texts.Count, printable, open));
                    pending.Push((node, true));
                }

                for (var i = node.ChildNodes.Count - 1; i >= 0; i--)
                {
                    pending.Push((node.ChildNodes[i], false));
                }
            }
        }

        foreach (var block in junk)
        {
            block.Remove();
        }
    }

    /// <summary>
    /// False when the decoded line is surely longer than a junk line: each text counts the
    /// printable characters it decodes to, which decoding and cleaning the block's line keep, unless
    /// a character reference may be split between two texts ("&amp;am" + "p;"), which only the
    /// whole line tells. (Counting raw characters and decoding every block with an ampersand made
    /// every enclosing block decode its whole text again: 12,740 nested lists took a second.)
    /// </summary>
    private static bool MayBeJunk(int printable, int open) => open > 0 || printable <= JunkFilter.MaxJunkLength;

    /// <summary>
    /// Counts the characters of a text, decoded, that cleaning a line never drops, and whether it
    /// ends in a reference that the next text could complete (an ampersand with no semicolon after it).
    /// </summary>
    private static void Count(string raw, ref int printable, ref int open)
    {
        var lastAmpersand = raw.LastIndexOf('&');
        if (lastAmpersand >= 0 && raw.IndexOf(';', lastAmpersand) < 0)
        {
            open++;
        }

        var text = lastAmpersand < 0 ? raw.AsSpan() : HtmlDecoding.Decode(raw).AsSpan();
        if (text.IndexOfAnyExceptInRange(' ', '~') < 0)
        {
            // Printable ASCII, the usual case: everything but spaces, by a vectorized count.
            printable += text.Length - text.Count(' ');
            return;
        }

        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c) && !char.IsSurrogate(c) && c is not ('\u200B' or '\uFEFF') && XmlConvert.IsXmlChar(c))
            {
                printable++;
            }
        }
    }

    private static bool IsJunk(HtmlNode block, string rawText) =>
        HtmlDecoding.DecodeLine(rawText) is { } text && JunkFilter.IsJunkLine(text) && !block.Descendants("img").Any();
}
