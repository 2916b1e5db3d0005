using System.Text.RegularExpressions;
using FeedPublisher.Core.Html;
using FeedPublisher.Core.Text;
using HtmlAgilityPack;

namespace FeedPublisher.Core.Reading;

/// <summary>
/// The story's own markup in a page: page furniture (navigation, header, footer, aside, forms,
/// scripts, comments, share/follow/related/newsletter blocks, cookie banners) is removed, then
/// the body is the &lt;article&gt;, else &lt;main&gt;, else the articleBody, else the block with the
/// most paragraph text. The result still goes through the sanitizer.
/// </summary>
internal static partial class HtmlMainContent
{
    private static readonly string[] FurnitureTags = ["nav", "header", "footer", "aside", "form", "script", "style", "noscript", "template", "iframe", "button", "dialog", "menu", "svg"];

    public static string Extract(HtmlDocument document, string? title)
    {
        var root = document.DocumentNode;
        RemoveFurniture(root);
        var body = root.SelectSingleNode("//article") is { } article ? Largest(root.SelectNodes("//article")) ?? article
            : root.SelectSingleNode("//main")
            ?? root.SelectSingleNode("//*[@itemprop='articleBody']")
            ?? Densest(root)
            ?? root;

        // The headline and byline are the item's title and author, not its text.
        foreach (var node in body.SelectNodes(".//h1 | .//*[@rel='author' or contains(concat(' ', normalize-space(@class), ' '), ' byline ')]")?.ToList() ?? [])
        {
            if (node.Name != "h1" || title is null || string.Equals(TextHygiene.CleanLine(HtmlTextContent.Of(node)), title, StringComparison.Ordinal))
            {
                node.Remove();
            }
        }

        return body == root ? root.InnerHtml : body.InnerHtml;
    }

    private static void RemoveFurniture(HtmlNode root)
    {
        var furniture = root.Descendants()
            .Where(n => n.NodeType == HtmlNodeType.Comment
                || (n.NodeType == HtmlNodeType.Element && (FurnitureTags.Contains(n.Name) || IsWidget(n))))
            .ToList();
        foreach (var node in furniture)
        {
            node.Remove();
        }
    }

    /// <summary>Share bars, related links, newsletter boxes, cookie banners and ads, known by their class, id or role.</summary>
    private static bool IsWidget(HtmlNode element)
    {
        if (element.Name is "article" or "main" or "body" or "html")
        {
            return false;
        }

        var names = $"{element.GetAttributeValue("class", "")} {element.GetAttributeValue("id", "")}";
        var role = element.GetAttributeValue("role", "");
        return WidgetNames().IsMatch(names) || role is "navigation" or "banner" or "contentinfo" or "complementary" or "dialog";
    }

    private static HtmlNode? Largest(HtmlNodeCollection? nodes) =>
        nodes?.MaxBy(n => HtmlTextContent.Of(n).Length);

    /// <summary>The element whose direct paragraphs hold the most text.</summary>
    private static HtmlNode? Densest(HtmlNode root) =>
        root.Descendants()
            .Where(n => n.NodeType == HtmlNodeType.Element && n.Name is "div" or "section" or "td" or "body")
            .Select(n => (Node: n, Score: n.ChildNodes.Where(c => c.Name == "p").Sum(p => HtmlTextContent.Of(p).Length)))
            .Where(c => c.Score > 0)
            .OrderByDescending(c => c.Score)
            .Select(c => c.Node)
            .FirstOrDefault();

    [GeneratedRegex(@"(?:^|[\s_-])(?:share|sharing|social|related|recommend\w*|newsletter|subscribe|signup|cookie\w*|consent|gdpr|promo|advert\w*|ads?|sponsor\w*|sidebar|comments?|breadcrumbs?|popup|modal|paywall|outbrain|taboola|more-stories|read-more|trending|most-popular)(?:$|[\s_-])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WidgetNames();
}
