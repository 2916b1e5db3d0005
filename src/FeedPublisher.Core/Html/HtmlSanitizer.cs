using System.Globalization;
using System.Text;
using HtmlAgilityPack;

namespace FeedPublisher.Core.Html;

/// <summary>
/// The allowlist sanitizer that every article body passes through last. Only the elements and
/// attributes listed here survive; dangerous elements go with their content; any other element
/// is unwrapped (its content kept); URLs pass <see cref="UrlPolicy"/> and become absolute. A
/// video, audio or iframe player becomes a link to its media (<see cref="MediaPlayers"/>). The
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

    public static string Sanitize(string html, Uri baseUrl)
    {
        if (HtmlDocuments.TryParse(html) is not { } document)
        {
            return "";
        }

        var output = new StringBuilder(html.Length);
        Write(output, document, baseUrl, text: null);
        return output.ToString();
    }

    /// <summary>
    /// Appends the sanitized form of a parsed document (the parser's tree as it stands, after any
    /// transform such as junk removal: the sanitizer always comes last). When <paramref name="text"/>
    /// is given, it is told every element and every piece of text as they are written.
    /// </summary>
    public static void Write(StringBuilder output, HtmlDocument document, Uri baseUrl, HtmlBodyTextCollector? text) =>
        new Writer(output, baseUrl, text).WriteChildren(document.DocumentNode, depth: 0, inPre: false);

    private sealed class Writer(StringBuilder output, Uri baseUrl, HtmlBodyTextCollector? text)
    {
        private readonly StringBuilder _attributes = new();

        // The elements written and still open, innermost on top, and how many of them are links:
        // where a player's link goes depends on them (StableNesting).
        private readonly Stack<string> _written = new();
        private int _openLinks;

        public void WriteChildren(HtmlNode parent, int depth, bool inPre)
        {
            foreach (var node in parent.ChildNodes)
            {
                switch (node.NodeType)
                {
                    case HtmlNodeType.Text:
                        // The parser cuts a text node's text from the document anew on every read: once is enough.
                        WriteText(((HtmlTextNode)node).Text, inPre);
                        break;
                    case HtmlNodeType.Element when depth >= MaxDepth:
                        WriteText(HtmlDecoding.Decode(HtmlTextContent.Of(node)));
                        break;
                    case HtmlNodeType.Element:
                        WriteElement(node, depth, inPre);
                        break;
                }
            }
        }

        private void WriteText(string raw, bool inPre)
        {
            // Source indentation between blocks is noise; one newline or space keeps words apart.
            if (!inPre && string.IsNullOrWhiteSpace(raw))
            {
                WriteText(raw.Contains('\n', StringComparison.Ordinal) ? "\n" : " ");
            }
            else
            {
                WriteText(HtmlDecoding.Decode(raw));
            }
        }

        private void WriteText(string decoded)
        {
            var start = output.Length;
            HtmlText.AppendEncoded(output, decoded);
            text?.Text(output, start, output.Length - start);
        }

        private void WriteElement(HtmlNode element, int depth, bool inPre)
        {
            var name = element.Name;
            if (MediaPlayers.IsPlayer(name))
            {
                WritePlayerLink(element);
                return;
            }

            if (Dropped.Contains(name))
            {
                return;
            }

            inPre = inPre || name == "pre";
            if (!Allowed.TryGetValue(name, out var attributes))
            {
                WriteChildren(element, depth + 1, inPre);
                return;
            }

            var href = WriteAttributes(element, attributes);

            // A link that lost its href is only text; an image without a source is nothing.
            if (name.Equals("a", StringComparison.OrdinalIgnoreCase) && _attributes.Length == 0)
            {
                WriteChildren(element, depth + 1, inPre);
                return;
            }

            if (name.Equals("img", StringComparison.OrdinalIgnoreCase) && !_attributes.ToString().Contains(" src=", StringComparison.Ordinal))
            {
                return;
            }

            var tag = name.ToLowerInvariant();
            output.Append('<').Append(tag).Append(_attributes).Append('>');
            text?.Open(tag, href);
            if (!Void.Contains(tag))
            {
                _written.Push(tag);
                _openLinks += tag == "a" ? 1 : 0;
                WriteChildren(element, depth + 1, inPre);
                _openLinks -= tag == "a" ? 1 : 0;
                _written.Pop();
                output.Append("</").Append(tag).Append('>');
            }

            text?.Close();
        }

        /// <summary>
        /// A player as <c>&lt;p&gt;&lt;a href="media"&gt;media&lt;/a&gt;&lt;/p&gt;</c>, the
        /// poster as the link's image when there is one; without the paragraph where one cannot
        /// stand (inside a paragraph or inline markup), and nothing inside a link, which cannot hold
        /// another. The text collector is told of it as of any element, so it reads what a parser would.
        /// </summary>
        private void WritePlayerLink(HtmlNode player)
        {
            if (_openLinks > 0 || MediaPlayers.LinkFor(player, baseUrl) is not { } link)
            {
                return;
            }

            var parent = _written.TryPeek(out var open) ? open : null;
            var paragraph = StableNesting.Allows(parent, "p", insideLink: false);
            if (paragraph)
            {
                output.Append("<p>");
                text?.Open("p", null);
            }

            var href = HtmlText.EncodeAttribute(link.Href.AbsoluteUri);
            output.Append("<a href=\"").Append(href).Append("\">");
            text?.Open("a", href);
            if (link.Poster is { } poster)
            {
                output.Append("<img src=\"").Append(HtmlText.EncodeAttribute(poster.AbsoluteUri))
                    .Append("\" alt=\"").Append(HtmlText.EncodeAttribute(link.Title ?? link.Href.AbsoluteUri)).Append("\">");
                text?.Open("img", null);
                text?.Close();
            }
            else
            {
                // The URL, not the player's title (YouTube's default is "YouTube video player"): a
                // paragraph that is a bare URL is never taken for the article's lead (LeadFilter).
                WriteText(link.Href.AbsoluteUri);
            }

            output.Append("</a>");
            text?.Close();
            if (paragraph)
            {
                output.Append("</p>");
                text?.Close();
            }
        }

        /// <summary>Writes the safe attributes to <see cref="_attributes"/>; returns the href as written, if any.</summary>
        private string? WriteAttributes(HtmlNode element, string[] attributes)
        {
            _attributes.Clear();
            string? href = null;
            foreach (var attribute in attributes)
            {
                if (SafeAttributeValue(element, attribute, baseUrl) is { } value)
                {
                    _attributes.Append(' ').Append(attribute).Append("=\"");
                    var start = _attributes.Length;
                    HtmlText.AppendAttribute(_attributes, value);
                    href = attribute == "href" ? _attributes.ToString(start, _attributes.Length - start) : href;
                    _attributes.Append('"');
                }
            }

            return href;
        }
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
            ? int.TryParse(value, out var number) && number is >= 0 and <= 10_000 ? number.ToString(CultureInfo.InvariantCulture) : null
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
