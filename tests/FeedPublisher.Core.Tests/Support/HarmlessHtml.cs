using System.Net;
using HtmlAgilityPack;

namespace FeedPublisher.Core.Tests.Support;

/// <summary>
/// What in an HTML field could run in a reader: a script-capable element, an event handler, a
/// style, or a javascript:/vbscript:/data: URL (judged as a browser reads it, entities decoded and
/// control characters ignored). The integration tests judge the published files again with a
/// WHATWG HTML5 parser; this one is fast enough for every case of a fuzz run.
/// </summary>
public static class HarmlessHtml
{
    private static readonly HashSet<string> ForbiddenElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "iframe", "frame", "object", "embed", "applet", "form", "svg", "math", "base", "meta", "link",
        "input", "button", "textarea", "select", "video", "audio", "template", "noscript", "xmp", "plaintext",
    };

    private static readonly string[] ExecutableSchemes = ["javascript:", "vbscript:", "data:"];

    public static IEnumerable<string> Problems(string html)
    {
        if (html.Contains("<script", StringComparison.OrdinalIgnoreCase))
        {
            yield return "<script";
        }

        var document = new HtmlDocument();
        document.LoadHtml(html);
        foreach (var element in document.DocumentNode.Descendants().Where(n => n.NodeType == HtmlNodeType.Element))
        {
            if (ForbiddenElements.Contains(element.Name))
            {
                yield return $"<{element.Name}>";
            }

            foreach (var attribute in element.Attributes)
            {
                if (attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase) || attribute.Name.Equals("style", StringComparison.OrdinalIgnoreCase))
                {
                    yield return $"<{element.Name} {attribute.Name}>";
                }

                var value = new string((WebUtility.HtmlDecode(attribute.Value) ?? "").Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c)).ToArray());
                if (ExecutableSchemes.FirstOrDefault(scheme => value.StartsWith(scheme, StringComparison.OrdinalIgnoreCase)) is { } scheme)
                {
                    yield return $"<{element.Name} {attribute.Name}=\"{scheme}...\">";
                }
            }
        }
    }
}
