using System.Text;
using HtmlAgilityPack;

namespace FeedPublisher.Core.Html;

/// <summary>
/// The allowlist sanitizer that every article body passes through last. Only the elements and
/// attributes listed here survive; dangerous elements go with their content; any other element
/// is unwrapped (its content kept); URLs pass <see cref="UrlPolicy"/> and become absolute. The
/// output is written from scratch, never copied from the input, so nothing the parser tolerated
/// can slip through: what cannot be represented safely is dropped.
/// </summary>
public static class HtmlSanitizer
{
    /// <summary>Deeper nesting than this is flattened to its text, so hostile nesting cannot exhaust the stack.</summary>
    public const int MaxDepth = 64;

    private static readonly HashSet<string> Dropped = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "form", "input", "button",
        "select", "option", "optgroup", "textarea", "noscript", "noembed", "noframes", "template", "svg", "math",
        "base", "link", "meta", "title", "head", "canvas", "audio", "video", "source", "track", "picture", "map",
        "area", "xmp", "plaintext", "listing", "portal", "dialog", "param", "slot", "marquee", "isindex", "keygen",
    };

    private static readonly Dictionary<string, string[]> Allowed = new(StringComparer.OrdinalIgnoreCase)
    {
        ["a"] = ["href", "title"],
        ["img"] = ["src", "alt", "title", "width", "height", "srcset"],
        ["blockquote"] = ["cite"], ["q"] = ["cite"], ["del"] = ["cite", "datetime"], ["ins"] = ["cite", "datetime"],
        ["time"] = ["datetime"], ["abbr"] = ["title"], ["ol"] = ["start"],
        ["td"] = ["colspan", "rowspan"], ["th"] = ["colspan", "rowspan", "scope"],
        ["p"] = [], ["br"] = [], ["hr"] = [], ["h1"] = [], ["h2"] = [], ["h3"] = [], ["h4"] = [], ["h5"] = [], ["h6"] = [],
        ["em"] = [], ["strong"] = [], ["b"] = [], ["i"] = [], ["u"] = [], ["s"] = [], ["sub"] = [], ["sup"] = [],
        ["small"] = [], ["mark"] = [], ["cite"] = [], ["code"] = [], ["pre"] = [], ["kbd"] = [], ["samp"] = [],
        ["var"] = [], ["ul"] = [], ["li"] = [], ["dl"] = [], ["dt"] = [], ["dd"] = [], ["figure"] = [],
        ["figcaption"] = [], ["table"] = [], ["thead"] = [], ["tbody"] = [], ["tfoot"] = [], ["tr"] = [], ["caption"] = [],
    };

    private static readonly HashSet<string> Void = new(StringComparer.OrdinalIgnoreCase) { "br", "hr", "img" };

    private static readonly HashSet<string> UrlAttributes = new(StringComparer.OrdinalIgnoreCase) { "href", "src", "cite" };

    public static string Sanitize(string html, Uri baseUrl, Action<HtmlDocument>? transform = null)
    {
        HtmlDocument document;
        try
        {
            document = HtmlDocuments.Parse(html);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Fail closed: markup the parser cannot take is dropped whole.
            return "";
        }

        // A transform of the parsed tree (junk removal) runs before, never after, the sanitizer.
        transform?.Invoke(document);
        var output = new StringBuilder(html.Length);
        WriteChildren(output, document.DocumentNode, baseUrl, depth: 0);
        return output.ToString();
    }

    private static void WriteChildren(StringBuilder output, HtmlNode parent, Uri baseUrl, int depth)
    {
        foreach (var node in parent.ChildNodes)
        {
            switch (node.NodeType)
            {
                case HtmlNodeType.Text when string.IsNullOrWhiteSpace(((HtmlTextNode)node).Text) && !node.Ancestors("pre").Any():
                    // Source indentation between blocks is noise; one newline or space keeps words apart.
                    output.Append(((HtmlTextNode)node).Text.Contains('\n', StringComparison.Ordinal) ? '\n' : ' ');
                    break;
                case HtmlNodeType.Text:
                    HtmlText.AppendEncoded(output, HtmlDecoding.Decode(((HtmlTextNode)node).Text));
                    break;
                case HtmlNodeType.Element when depth >= MaxDepth:
                    HtmlText.AppendEncoded(output, HtmlDecoding.Decode(HtmlTextContent.Of(node)));
                    break;
                case HtmlNodeType.Element:
                    WriteElement(output, node, baseUrl, depth);
                    break;
            }
        }
    }

    private static void WriteElement(StringBuilder output, HtmlNode element, Uri baseUrl, int depth)
    {
        var name = element.Name;
        if (Dropped.Contains(name))
        {
            return;
        }

        if (!Allowed.TryGetValue(name, out var attributes))
        {
            WriteChildren(output, element, baseUrl, depth + 1);
            return;
        }

        var written = new StringBuilder();
        foreach (var attribute in attributes)
        {
            if (SafeAttributeValue(element, attribute, baseUrl) is { } value)
            {
                written.Append(' ').Append(attribute).Append("=\"");
                HtmlText.AppendAttribute(written, value);
                written.Append('"');
            }
        }

        // A link that lost its href is only text; an image without a source is nothing.
        if (name.Equals("a", StringComparison.OrdinalIgnoreCase) && written.Length == 0)
        {
            WriteChildren(output, element, baseUrl, depth + 1);
            return;
        }

        if (name.Equals("img", StringComparison.OrdinalIgnoreCase) && !written.ToString().Contains(" src=", StringComparison.Ordinal))
        {
            return;
        }

        var tag = name.ToLowerInvariant();
        output.Append('<').Append(tag).Append(written).Append('>');
        if (Void.Contains(tag))
        {
            return;
        }

        WriteChildren(output, element, baseUrl, depth + 1);
        output.Append("</").Append(tag).Append('>');
    }

    private static string? SafeAttributeValue(HtmlNode element, string attribute, Uri baseUrl)
    {
        var raw = element.Attributes[attribute]?.Value;
        if (raw is null)
        {
            return null;
        }

        if (UrlAttributes.Contains(attribute))
        {
            return UrlPolicy.Resolve(raw, baseUrl, allowMailto: attribute == "href")?.AbsoluteUri;
        }

        if (attribute == "srcset")
        {
            return SafeSrcset(raw, baseUrl);
        }

        var value = HtmlDecoding.Decode(raw);
        return attribute is "width" or "height" or "colspan" or "rowspan" or "start"
            ? int.TryParse(value, out var number) && number is >= 0 and <= 10_000 ? number.ToString(System.Globalization.CultureInfo.InvariantCulture) : null
            : value;
    }

    /// <summary>Each candidate of a srcset ("url 2x, url 640w") passes the URL policy, or the candidate goes.</summary>
    private static string? SafeSrcset(string raw, Uri baseUrl)
    {
        var candidates = HtmlDecoding.Decode(raw)
            .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(candidate => candidate.Split(' ', 2, StringSplitOptions.TrimEntries))
            .Select(parts => (Url: UrlPolicy.ResolveDecoded(parts[0], baseUrl), Descriptor: parts.Length > 1 ? parts[1] : ""))
            .Where(c => c.Url is not null && c.Descriptor.All(ch => char.IsAsciiLetterOrDigit(ch) || ch == '.'))
            .Select(c => c.Descriptor.Length > 0 ? $"{c.Url!.AbsoluteUri} {c.Descriptor}" : c.Url!.AbsoluteUri)
            .ToList();
        return candidates.Count > 0 ? string.Join(", ", candidates) : null;
    }
}
