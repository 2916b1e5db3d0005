using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace FeedPublisher.IntegrationTests.Hostile;

/// <summary>
/// What a reader's HTML renderer makes of a field, judged by a real HTML5 parser (AngleSharp, which
/// follows the WHATWG parsing algorithm as browsers do): no element that runs script or loads
/// active content, no event handler or style attribute, and no URL with a scheme other than
/// http, https or mailto, wherever an attribute can hold one.
/// </summary>
public static class HarmlessHtml
{
    private static readonly HtmlParser Parser = new();

    private static readonly HashSet<string> Executable = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "form", "svg", "math", "base", "meta", "link",
        "input", "button", "textarea", "select", "option", "video", "audio", "source", "track", "template", "noscript", "xmp", "plaintext",
        "isindex", "portal", "param", "dialog", "marquee", "bgsound", "keygen", "noembed", "noframes", "image", "xss", "animate", "set", "handler",
    };

    private static readonly HashSet<string> UrlAttributes = new(StringComparer.OrdinalIgnoreCase)
    {
        "href", "src", "action", "formaction", "poster", "cite", "background", "data", "codebase", "longdesc", "lowsrc", "dynsrc",
        "usemap", "xlink:href", "ping", "manifest", "icon", "profile", "classid", "archive",
    };

    /// <summary>An HTML fragment as a feed reader renders it (the content of a &lt;div&gt;).</summary>
    public static IReadOnlyList<string> ProblemsInFragment(string html) =>
        Problems(Parser.ParseFragment(html, Parser.ParseDocument("<!DOCTYPE html><div></div>").Body!.FirstElementChild!).OfType<IElement>()
            .SelectMany(e => e.DescendantsAndSelf<IElement>()), pageUrl: null);

    /// <summary>
    /// A whole page of ours, served over HTTP from <paramref name="pageUrl"/> (so a relative link
    /// is resolved as a browser resolves it): its own head elements (meta, link, style) are
    /// expected where they belong.
    /// </summary>
    public static IReadOnlyList<string> ProblemsInPage(string html, Uri pageUrl, Func<IElement, bool> ownHeadElement)
    {
        var document = Parser.ParseDocument(html);
        return Problems(document.All.Where(e => !(e.ParentElement is { } parent && parent == document.Head && ownHeadElement(e))), pageUrl);
    }

    /// <summary>The text a reader sees in an HTML fragment.</summary>
    public static string TextOf(string html) =>
        Parser.ParseFragment(html, Parser.ParseDocument("<!DOCTYPE html><div></div>").Body!.FirstElementChild!).Select(n => n.TextContent).Aggregate("", string.Concat);

    /// <summary>A feed's fields have no base a reader agrees on, so <paramref name="pageUrl"/> null asks for absolute URLs.</summary>
    private static List<string> Problems(IEnumerable<IElement> elements, Uri? pageUrl)
    {
        var problems = new List<string>();
        foreach (var element in elements)
        {
            if (Executable.Contains(element.LocalName) || element.NamespaceUri is not (null or "http://www.w3.org/1999/xhtml"))
            {
                problems.Add($"<{element.LocalName}> ({element.NamespaceUri})");
            }

            foreach (var attribute in element.Attributes)
            {
                if (attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase) || attribute.Name is "style" or "srcdoc")
                {
                    problems.Add($"<{element.LocalName} {attribute.Name}>");
                }
                else if (UrlAttributes.Contains(attribute.Name) && !IsSafeUrl(attribute.Value, pageUrl))
                {
                    problems.Add($"<{element.LocalName} {attribute.Name}=\"{attribute.Value}\">");
                }
                else if (attribute.Name is "srcset" && attribute.Value.Split(',').Any(candidate => !IsSafeUrl(candidate.Trim().Split(' ')[0], pageUrl)))
                {
                    problems.Add($"<{element.LocalName} srcset=\"{attribute.Value}\">");
                }
            }
        }

        return problems;
    }

    /// <summary>Absolute http, https or mailto, judged as a browser reads it (control characters and whitespace ignored).</summary>
    private static bool IsSafeUrl(string value, Uri? pageUrl)
    {
        var compact = new string(value.Where(c => !char.IsControl(c) && !char.IsWhiteSpace(c)).ToArray());
        if (compact.Length == 0)
        {
            return true; // the document itself: a sanitizer's way of emptying a URL it refused
        }

        var parsed = pageUrl is null ? Uri.TryCreate(compact, UriKind.Absolute, out var url) : Uri.TryCreate(pageUrl, compact, out url);
        return parsed && url!.Scheme is "http" or "https" or "mailto";
    }
}
