using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using FeedPublisher.Core.Model;
using static FeedPublisher.Core.Html.HtmlText;

namespace FeedPublisher.Core.Writing;

/// <summary>
/// An article's own page, where its item link leads when it has no URL of its own: a small
/// standalone HTML document with the title, date, authors and categories, the featured image, the
/// sanitized content, the sources as a list and the feeds the article is in; for machines the
/// canonical link, feed discovery links, Open Graph and a JSON-LD NewsArticle. No JavaScript, no
/// web fonts, no third-party request; a stylesheet that reads on a phone and prints cleanly. The
/// same article always gives the same bytes.
/// </summary>
public static class ArticlePageWriter
{
    /// <summary>Changes whenever the page's markup does, so that every page is written again once.</summary>
    public const int Revision = 1;

    /// <summary>
    /// In the head of every page, near its start: how a publish tells its own page from a file
    /// someone else put at the same path (<see cref="IsOwnPage"/>).
    /// </summary>
    public const string Generator = "<meta name=\"generator\" content=\"FeedPublisher\">";

    private const string Style = """
        :root{color-scheme:light dark}
        body{font:17px/1.6 Georgia,"Times New Roman",serif;max-width:42rem;margin:0 auto;padding:1rem;color:#1d1d1f;background:#fff}
        header.site,footer,.meta,.feeds,.sources{font-family:system-ui,-apple-system,"Segoe UI",sans-serif}
        header.site{font-size:.9rem;border-bottom:1px solid #ddd;padding-bottom:.5rem}header.site a{color:inherit;text-decoration:none;font-weight:600}
        h1{font-size:1.9rem;line-height:1.2;margin:1.2rem 0 .4rem}.meta{color:#666;font-size:.9rem;margin:0 0 1rem}
        a{color:#0b57d0}img,video{max-width:100%;height:auto}figure{margin:1rem 0}
        blockquote{margin:1rem 0;padding-left:1rem;border-left:3px solid #ccc;color:#444}pre{overflow:auto}
        .sources,.feeds{font-size:.9rem;border-top:1px solid #ddd;margin-top:2rem;padding-top:.5rem}
        .sources h2,.feeds h2{font-size:1rem;margin:.5rem 0}.feeds a{margin-right:.4rem}
        @media (prefers-color-scheme:dark){body{color:#e8e8e8;background:#161616}a{color:#8ab4f8}.meta{color:#aaa}blockquote{color:#ccc}}
        @media print{body{max-width:none;font-size:12pt;color:#000;background:#fff}header.site,.feeds{display:none}a{color:#000}.sources a::after{content:" (" attr(href) ")";font-size:.8em}}
        """;

    /// <summary>
    /// Text in any script stays readable (not \uXXXX), while an encoder made by Create still escapes
    /// what HTML gives meaning to (&lt; &gt; &amp; and quotes), so nothing can close the script element.
    /// </summary>
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false, Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    /// <summary>One feed the article is in, for the page's list of feeds: its title and its folder's URL.</summary>
    public sealed record ListedFeed(string Title, Uri Folder);

    /// <param name="link">The page's own URL (canonical).</param>
    /// <param name="feeds">The feeds the article is in, the site's main feed first.</param>
    public static byte[] Render(SiteInfo site, Article article, Uri link, IReadOnlyList<ListedFeed> feeds)
    {
        var html = new StringBuilder(article.ContentHtml.Length + 6 * 1024);
        var published = HtmlPageParts.Stamp(article.Published);
        var description = article.Summary;
        html.Append("<!DOCTYPE html>\n<html lang=\"").Append(EncodeAttribute(article.Language ?? site.Language)).Append("\">\n<head>\n<meta charset=\"utf-8\">\n");
        html.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n").Append(Generator).Append('\n');
        html.Append("<title>").Append(Encode($"{article.Title} – {site.Title}")).Append("</title>\n");
        Meta(html, "name", "description", description);
        html.Append("<link rel=\"canonical\" href=\"").Append(EncodeAttribute(link.AbsoluteUri)).Append("\">\n");
        HtmlPageParts.AppendIcon(html, site.Channel);
        HtmlPageParts.AppendFeedDiscovery(html, site.Title, fileName => new Uri(site.Root, fileName));

        Meta(html, "property", "og:type", "article");
        Meta(html, "property", "og:title", article.Title);
        Meta(html, "property", "og:description", description);
        Meta(html, "property", "og:url", link.AbsoluteUri);
        Meta(html, "property", "og:site_name", site.Title);
        if (article.Image is { } image)
        {
            Meta(html, "property", "og:image", image.AbsoluteUri);
        }

        Meta(html, "property", "article:published_time", published);
        Meta(html, "property", "article:modified_time", HtmlPageParts.Stamp(article.Updated));
        foreach (var category in article.Categories)
        {
            Meta(html, "property", "article:tag", category);
        }

        Meta(html, "name", "twitter:card", article.Image is null ? "summary" : "summary_large_image");
        html.Append("<script type=\"application/ld+json\">").Append(LinkedData(site, article, link)).Append("</script>\n");
        html.Append("<style>").Append(Style).Append("</style>\n</head>\n<body>\n");
        html.Append("<header class=\"site\"><a href=\"").Append(EncodeAttribute(site.Root.AbsoluteUri)).Append("\">").Append(Encode(site.Title)).Append("</a></header>\n");
        html.Append("<main>\n<article>\n<h1>").Append(Encode(article.Title)).Append("</h1>\n");
        AppendByline(html, article);
        if (article.Image is { } figure && !article.ContentHtml.Contains(figure.AbsoluteUri, StringComparison.Ordinal))
        {
            html.Append("<figure><img src=\"").Append(EncodeAttribute(figure.AbsoluteUri)).Append("\" alt=\"\"></figure>\n");
        }

        // Sanitized at ingest by the allowlist (Html/HtmlSanitizer): the same HTML the feeds carry.
        html.Append("<div class=\"content\">\n").Append(article.ContentHtml).Append("\n</div>\n");
        AppendSources(html, article);
        html.Append("</article>\n</main>\n");
        AppendFeeds(html, feeds);
        html.Append("</body>\n</html>\n");
        return Encoding.UTF8.GetBytes(html.ToString());
    }

    private static void AppendByline(StringBuilder html, Article article)
    {
        html.Append("<p class=\"meta\">");
        HtmlPageParts.AppendTime(html, article.Published);
        if (article.Authors.Count > 0)
        {
            html.Append(" · By ");
            html.AppendJoin(", ", article.Authors.Select(name => article.AuthorUrls.GetValueOrDefault(name) is { } page
                ? $"<a rel=\"author\" href=\"{EncodeAttribute(page.AbsoluteUri)}\">{Encode(name)}</a>"
                : Encode(name)));
        }

        if (article.Categories.Count > 0)
        {
            html.Append(" · ").Append(Encode(string.Join(", ", article.Categories)));
        }

        html.Append("</p>\n");
    }

    private static void AppendSources(StringBuilder html, Article article)
    {
        var sources = article.Origin is { } origin ? [origin, .. article.Sources.Where(s => s.Url != origin.Url)] : article.Sources;
        if (sources.Count == 0)
        {
            return;
        }

        html.Append("<section class=\"sources\">\n<h2>Sources</h2>\n<ul>\n");
        foreach (var source in sources)
        {
            html.Append("<li><a href=\"").Append(EncodeAttribute(source.Url.AbsoluteUri)).Append("\">").Append(Encode(source.Name)).Append("</a></li>\n");
        }

        html.Append("</ul>\n</section>\n");
    }

    private static void AppendFeeds(StringBuilder html, IReadOnlyList<ListedFeed> feeds)
    {
        html.Append("<footer class=\"feeds\">\n<h2>Follow in a feed reader</h2>\n<ul>\n");
        foreach (var feed in feeds)
        {
            html.Append("<li>").Append(Encode(feed.Title)).Append(':');
            foreach (var format in FeedFormats.All)
            {
                html.Append(" <a href=\"").Append(EncodeAttribute(new Uri(feed.Folder, format.FileName).AbsoluteUri)).Append("\">").Append(format.Label).Append("</a>");
            }

            html.Append("</li>\n");
        }

        html.Append("</ul>\n</footer>\n");
    }

    /// <summary>schema.org NewsArticle, serialized so that no text can close the script element (<see cref="Json"/>).</summary>
    private static string LinkedData(SiteInfo site, Article article, Uri link)
    {
        var data = new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "NewsArticle",
            ["headline"] = article.Title,
            ["description"] = article.Summary,
            ["datePublished"] = HtmlPageParts.Stamp(article.Published),
            ["dateModified"] = HtmlPageParts.Stamp(article.Updated),
            ["mainEntityOfPage"] = link.AbsoluteUri,
            ["url"] = link.AbsoluteUri,
        };
        if (article.Image is { } image)
        {
            data["image"] = new JsonArray(image.AbsoluteUri);
        }

        if (article.Authors.Count > 0)
        {
            data["author"] = new JsonArray([.. article.Authors.Select(name =>
            {
                var person = new JsonObject { ["@type"] = "Person", ["name"] = name };
                if (article.AuthorUrls.GetValueOrDefault(name) is { } page)
                {
                    person["url"] = page.AbsoluteUri;
                }

                return (JsonNode)person;
            })]);
        }

        if (article.Categories.Count > 0)
        {
            data["keywords"] = new JsonArray([.. article.Categories.Select(c => (JsonNode)JsonValue.Create(c))]);
        }

        var publisher = new JsonObject { ["@type"] = "Organization", ["name"] = site.Channel?.PublisherName ?? site.Title, ["url"] = site.Root.AbsoluteUri };
        if (site.Channel?.Image is { } logo)
        {
            publisher["logo"] = new JsonObject { ["@type"] = "ImageObject", ["url"] = logo.AbsoluteUri };
        }

        data["publisher"] = publisher;
        return data.ToJsonString(Json);
    }

    private static void Meta(StringBuilder html, string attribute, string name, string content) =>
        html.Append("<meta ").Append(attribute).Append("=\"").Append(name).Append("\" content=\"").Append(EncodeAttribute(content)).Append("\">\n");


    /// <summary>True when the file at <paramref name="path"/> is a page this writer wrote (its first KB holds <see cref="Generator"/>).</summary>
    public static bool IsOwnPage(string path)
    {
        Span<byte> head = stackalloc byte[1024];
        using var handle = File.OpenHandle(path);
        var read = RandomAccess.Read(handle, head, 0);
        return head[..read].IndexOf(Encoding.UTF8.GetBytes(Generator)) >= 0;
    }
}
