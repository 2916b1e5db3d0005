using FeedPublisher.Core.Html;
using HtmlAgilityPack;

namespace FeedPublisher.Core.Reading;

/// <summary>
/// What a page's markup says about the article: Open Graph and article:* meta tags, the canonical
/// link, &lt;time&gt;, a byline. Text is returned as plain text: the page's entities decoded
/// exactly once, here, as for every reader.
/// </summary>
internal static class HtmlPageMetadata
{
    public static ArticleMetadata Read(HtmlDocument document)
    {
        var root = document.DocumentNode;
        var siteName = Meta(root, "og:site_name");
        return new ArticleMetadata
        {
            Title = Meta(root, "og:title") is { } og ? PageTitle.WithoutSiteSuffix(og, siteName) : null,
            Url = Url(root.SelectSingleNode("//link[@rel='canonical']")?.GetAttributeValue("href", null)) ?? Url(RawMeta(root, "og:url")),
            Date = DateParser.Parse(Meta(root, "article:published_time"))
                ?? DateParser.Parse(Meta(root, "date"))
                ?? DateParser.Parse(root.SelectSingleNode("//time[@datetime]")?.GetAttributeValue("datetime", null)),
            Updated = DateParser.Parse(Meta(root, "article:modified_time")) ?? DateParser.Parse(Meta(root, "og:updated_time")),
            Authors = Authors(root),
            Categories = root.SelectNodes("//meta[@property='article:tag' or @property='article:section']")?
                .Select(m => Line(m.GetAttributeValue("content", null)))
                .OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).ToList() ?? [],
            Image = Url(RawMeta(root, "og:image")),
            Language = Line(root.SelectSingleNode("//html")?.GetAttributeValue("lang", null)),
        };
    }

    /// <summary>The headline when neither Open Graph nor JSON-LD gives one: the &lt;h1&gt;, else the &lt;title&gt; without the site's name.</summary>
    public static string? FallbackTitle(HtmlDocument document)
    {
        var root = document.DocumentNode;
        return Text(root.SelectSingleNode("//h1"))
            ?? (Text(root.SelectSingleNode("//title")) is { } title ? PageTitle.WithoutSiteSuffix(title, Meta(root, "og:site_name")) : null);
    }

    private static IReadOnlyList<string> Authors(HtmlNode root)
    {
        if ((Meta(root, "author") ?? Meta(root, "article:author")) is { } meta && !meta.StartsWith("http", StringComparison.OrdinalIgnoreCase))
        {
            return [meta];
        }

        var byline = root.SelectSingleNode("//*[@rel='author' or @itemprop='author' or contains(concat(' ', normalize-space(@class), ' '), ' byline ') or contains(concat(' ', normalize-space(@class), ' '), ' author ')]");
        return Text(byline) is { } name ? [Byline.Name(name)] : [];
    }

    private static string? Meta(HtmlNode root, string name) => Line(RawMeta(root, name));

    /// <summary>A meta tag's content as written, entities still encoded.</summary>
    private static string? RawMeta(HtmlNode root, string name) =>
        root.SelectSingleNode($"//meta[@property='{name}' or @name='{name}']")?.GetAttributeValue("content", null);

    private static string? Text(HtmlNode? node) => node is null ? null : Line(HtmlTextContent.Of(node));

    private static string? Line(string? raw) => HtmlDecoding.DecodeLine(raw);

    private static Uri? Url(string? value) =>
        value is not null && Uri.TryCreate(HtmlDecoding.Decode(value).Trim(), UriKind.RelativeOrAbsolute, out var url) ? url : null;
}
