using FeedPublisher.Core.Model;
using HtmlAgilityPack;

namespace FeedPublisher.Core.Html;

/// <summary>
/// Parsing hostile HTML. HtmlAgilityPack never throws on broken markup and never expands DTD
/// entities; what it does not bound is depth, and much of its API (and ours) recurses. Its work
/// grows with the square of the nesting, so <see cref="HtmlShape"/> drops the tags of elements
/// opened deeper than <see cref="MaxDepth"/> before it parses, and rejects a body of more than
/// <see cref="MaxElements"/>; anything still nested deeper is flattened to its text right after parsing.
/// </summary>
public static class HtmlDocuments
{
    public const int MaxDepth = 256;

    /// <summary>
    /// Start tags in one body or page. Reading costs some 20 µs per element (parse, metadata, junk
    /// filter, sanitizer, parsed again), so this keeps any file under half a second; a long saved
    /// page has a few thousand.
    /// </summary>
    public const int MaxElements = 20_000;

    /// <summary>
    /// The nesting at which the parser itself gives up (HtmlAgilityPack's own limit): a second
    /// line behind <see cref="HtmlShape"/>, for markup its one pass reads otherwise than the parser
    /// does (a quote that the parser takes as text: fuzz seed 14, case 67204, nested 12,000 deep
    /// and took 1.8 s to parse). Four times <see cref="MaxDepth"/>, so it only stops what the pass
    /// missed; at this depth the parse takes milliseconds.
    /// </summary>
    public const int MaxParsedDepth = MaxDepth * 4;

    static HtmlDocuments()
    {
        // By default <form> does not contain its children; we want the tree as written.
        HtmlNode.ElementsFlags.Remove("form");
    }

    public static HtmlDocument Parse(string html)
    {
        var document = new HtmlDocument
        {
            OptionFixNestedTags = true,
            OptionAutoCloseOnEnd = true,
            OptionCheckSyntax = false,
            // The text is already decoded; a <meta charset> must not make the parser look up an
            // encoding (UTF-7 throws NotSupportedException, a vector in its own right).
            OptionReadEncoding = false,
            OptionMaxNestedChildNodes = MaxParsedDepth,
        };
        try
        {
            document.LoadHtml(HtmlShape.Bound(html));
        }
        catch (Exception e) when (e.GetType() == typeof(Exception) && e.Message.StartsWith("Document has more than", StringComparison.Ordinal))
        {
            // HtmlAgilityPack throws a bare Exception for its nesting limit.
            throw new ArticleRejectedException($"the HTML is nested deeper than {MaxParsedDepth} elements, as a parser reads it");
        }

        // Every element starts with a '<': with fewer of them, nothing can be nested that deep.
        if (html.AsSpan().Count('<') >= MaxDepth)
        {
            FlattenBeyondMaxDepth(document);
        }

        return document;
    }

    /// <summary>
    /// The parsed document, or null when the parser fails: callers fail closed. A body over the
    /// limits still rejects the file, saying which limit.
    /// </summary>
    public static HtmlDocument? TryParse(string html)
    {
        try
        {
            return Parse(html);
        }
        catch (Exception e) when (e is not (OutOfMemoryException or ArticleRejectedException))
        {
            return null;
        }
    }

    /// <summary>Walks the tree without recursion and replaces every too-deep subtree by its text.</summary>
    private static void FlattenBeyondMaxDepth(HtmlDocument document)
    {
        var pending = new Stack<(HtmlNode Node, int Depth)>();
        pending.Push((document.DocumentNode, 0));
        while (pending.Count > 0)
        {
            var (node, depth) = pending.Pop();
            if (depth == MaxDepth && node.HasChildNodes)
            {
                var text = HtmlTextContent.Of(node);
                node.RemoveAllChildren();
                node.AppendChild(document.CreateTextNode(text));
                continue;
            }

            foreach (var child in node.ChildNodes)
            {
                pending.Push((child, depth + 1));
            }
        }
    }
}
