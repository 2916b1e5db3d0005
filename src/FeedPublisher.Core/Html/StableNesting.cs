namespace FeedPublisher.Core.Html;

/// <summary>
/// Whether HtmlAgilityPack would parse the sanitizer's output back into the very tree it was
/// written from, one element at a time. It does not always: like a browser, it closes an open
/// &lt;p&gt; when a block starts, a heading when another starts, a list item, cell or row when a
/// nested one starts without a list or table between, and a link when another starts inside it.
/// </summary>
/// <remarks>
/// The rules are narrower than the parser's, on purpose: ordinary content (paragraphs, lists,
/// quotes, tables, figures, inline markup) passes, and anything else counts as unstable, so the
/// caller reads the output the slow and sure way, by parsing it. Tested against the parser itself.
/// </remarks>
internal static class StableNesting
{
    private static readonly HashSet<string> Inline = new(StringComparer.Ordinal)
    {
        "a", "img", "br", "em", "strong", "b", "i", "u", "s", "sub", "sup", "small", "mark", "cite", "code", "kbd", "samp",
        "var", "abbr", "q", "time", "del", "ins",
    };

    /// <summary>Blocks that may hold other blocks (besides the structure of lists and tables).</summary>
    private static readonly HashSet<string> FlowContainers = new(StringComparer.Ordinal) { "blockquote", "li", "dd", "figure", "td", "th" };

    /// <summary>The parts of lists and tables, each only directly inside its own container.</summary>
    private static readonly Dictionary<string, string[]> StructureParents = new(StringComparer.Ordinal)
    {
        ["li"] = ["ul", "ol"], ["dt"] = ["dl"], ["dd"] = ["dl"],
        ["caption"] = ["table"], ["thead"] = ["table"], ["tbody"] = ["table"], ["tfoot"] = ["table"],
        ["tr"] = ["table", "thead", "tbody", "tfoot"], ["td"] = ["tr"], ["th"] = ["tr"],
    };

    /// <param name="parent">The enclosing written element, or null at the top.</param>
    /// <param name="child">The element being written.</param>
    /// <param name="insideLink">Whether a link encloses it, at any depth.</param>
    public static bool Allows(string? parent, string child, bool insideLink)
    {
        if (Inline.Contains(child))
        {
            return child != "a" || !insideLink;
        }

        if (StructureParents.TryGetValue(child, out var parents))
        {
            return parent is not null && parents.Contains(parent);
        }

        return parent is null || FlowContainers.Contains(parent);
    }
}
