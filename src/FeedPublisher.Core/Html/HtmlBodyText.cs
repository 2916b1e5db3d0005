using HtmlAgilityPack;

namespace FeedPublisher.Core.Html;

/// <summary>
/// Reading a sanitized body: its prose as plain text (for attributions), its lead paragraphs (the
/// top-level &lt;p&gt;s, for the summary: not list items, quotes or captions) and its links with
/// their text (for sources).
/// </summary>
public sealed record HtmlBodyText(IReadOnlyList<string> Paragraphs, IReadOnlyList<string> Lead, IReadOnlyList<(Uri Url, string Text)> Links)
{
    private static readonly HashSet<string> Prose = new(StringComparer.OrdinalIgnoreCase) { "p", "li", "blockquote", "dd", "pre" };

    public static HtmlBodyText Read(string sanitizedHtml)
    {
        var root = HtmlDocuments.Parse(sanitizedHtml).DocumentNode;
        var paragraphs = root.Descendants()
            .Where(n => n.NodeType == HtmlNodeType.Element && Prose.Contains(n.Name) && !n.Ancestors().Any(a => Prose.Contains(a.Name)))
            .Select(n => HtmlDecoding.DecodeLine(HtmlTextContent.Of(n)))
            .OfType<string>()
            .ToList();
        if (paragraphs.Count == 0 && HtmlDecoding.DecodeLine(HtmlTextContent.Of(root)) is { } all)
        {
            paragraphs.Add(all);
        }

        var lead = root.Descendants("p")
            .Where(p => !p.Ancestors().Any(a => Prose.Contains(a.Name)))
            .Select(p => HtmlDecoding.DecodeLine(HtmlTextContent.Of(p)))
            .OfType<string>()
            .ToList();

        var links = root.Descendants("a")
            .Select(a => (Href: a.GetAttributeValue("href", null), Text: HtmlDecoding.DecodeLine(HtmlTextContent.Of(a)) ?? ""))
            .Where(a => a.Href is not null && Uri.TryCreate(HtmlDecoding.Decode(a.Href), UriKind.Absolute, out _))
            .Select(a => (new Uri(HtmlDecoding.Decode(a.Href!)), a.Text))
            .ToList();
        return new HtmlBodyText(paragraphs, lead.Count > 0 ? lead : paragraphs, links);
    }
}
