using System.Globalization;
using System.Text;
using FeedPublisher.Core.Model;
using static FeedPublisher.Core.Html.HtmlText;

namespace FeedPublisher.Core.Writing;

/// <summary>
/// index.html, the feed directory's page for people: the feeds with their subscribe links, and
/// the latest articles with their summaries and sources. No JavaScript; feed discovery through
/// &lt;link rel="alternate"&gt;; deterministic, like every other file.
/// </summary>
public static class IndexPageWriter
{
    public const string FileName = "index.html";

    private const int LatestShown = 20;

    private const string Style = """
        body{font:16px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#222;background:#fff}
        h1{margin-bottom:.2rem}h2{margin-top:2rem;border-bottom:1px solid #ddd}a{color:#0b57d0}
        .lead{color:#555;margin-top:0}ul.feeds{padding-left:1.2rem}ul.feeds li{margin:.2rem 0}
        .formats a{font-size:.85rem;margin-left:.5rem}.count{color:#777;font-size:.85rem}
        article{margin:1.2rem 0;padding-bottom:1rem;border-bottom:1px solid #eee}article h3{margin:0}
        time{color:#777;font-size:.85rem}.sources{font-size:.85rem;color:#555}
        img.thumb{float:right;width:7rem;height:auto;max-height:7rem;object-fit:cover;margin:0 0 .5rem 1rem;border-radius:4px}article::after{content:"";display:block;clear:both}
        .how{color:#555;font-size:.9rem}
        """;

    public static byte[] Render(SiteInfo site, IReadOnlyList<PublishedFeed> feeds)
    {
        var main = feeds.First(f => f.Group == FeedGroup.Main).Feed;
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"").Append(EncodeAttribute(site.Language)).Append("\">\n<head>\n<meta charset=\"utf-8\">\n");
        html.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        html.Append("<title>").Append(Encode(site.Title)).Append("</title>\n");
        HtmlPageParts.AppendIcon(html, site.Channel);
        HtmlPageParts.AppendFeedDiscovery(html, site.Title, main.UrlOf);

        html.Append("<style>").Append(Style).Append("</style>\n</head>\n<body>\n");
        html.Append("<h1>").Append(Encode(site.Title)).Append("</h1>\n<p class=\"lead\">").Append(Encode(site.Description)).Append("</p>\n");
        html.Append("<h2>Subscribe</h2>\n<p class=\"how\">Copy a feed's link into your feed reader (NetNewsWire, Feedly, Inoreader, Miniflux, newsboat...): ")
            .Append("RSS, Atom and JSON Feed hold the same articles, pick the one your reader likes. New articles then come to you.</p>\n");
        AppendFeeds(html, null, feeds.Where(f => f.Group is FeedGroup.Main or FeedGroup.Named), site.Title);
        AppendFeeds(html, "Categories", feeds.Where(f => f.Group == FeedGroup.Category), site.Title);
        AppendFeeds(html, "Authors", feeds.Where(f => f.Group == FeedGroup.Author), site.Title);
        AppendLatest(html, main.Entries.Take(LatestShown));
        html.Append("<p class=\"count\">Also as <a href=\"").Append(OpmlWriter.FileName).Append("\">OPML</a>, to subscribe to every feed at once.</p>\n");
        html.Append("</body>\n</html>\n");
        return Encoding.UTF8.GetBytes(html.ToString());
    }

    private static void AppendFeeds(StringBuilder html, string? heading, IEnumerable<PublishedFeed> feeds, string siteTitle)
    {
        var list = feeds.ToList();
        if (list.Count == 0)
        {
            return;
        }

        if (heading is not null)
        {
            html.Append("<h2>").Append(heading).Append("</h2>\n");
        }

        html.Append("<ul class=\"feeds\">\n");
        foreach (var (feed, items) in list.Select(f => (f.Feed, f.Items)))
        {
            // Under "Categories", "Science" says it all; "Site: Science" is for feed readers' lists.
            var name = feed.Title.StartsWith(siteTitle + ": ", StringComparison.Ordinal) ? feed.Title[(siteTitle.Length + 2)..] : feed.Title;
            html.Append("<li>").Append(Encode(name)).Append(" <span class=\"count\">(").Append(items.ToString(CultureInfo.InvariantCulture))
                .Append(items == 1 ? " article" : " articles").Append(")</span><span class=\"formats\">");
            foreach (var format in FeedFormats.All)
            {
                html.Append("<a href=\"").Append(EncodeAttribute(feed.UrlOf(format.FileName).AbsoluteUri)).Append("\">").Append(format.Label).Append("</a>");
            }

            html.Append("</span></li>\n");
        }

        html.Append("</ul>\n");
    }

    private static void AppendLatest(StringBuilder html, IEnumerable<FeedEntry> entries)
    {
        html.Append("<h2>Latest articles</h2>\n");
        foreach (var entry in entries)
        {
            var article = entry.Article;
            html.Append("<article>\n");
            if (article.Image is { } image)
            {
                html.Append("<img class=\"thumb\" src=\"").Append(EncodeAttribute(image.AbsoluteUri)).Append("\" alt=\"\" loading=\"lazy\">\n");
            }

            html.Append("<h3><a href=\"").Append(EncodeAttribute(entry.Link.AbsoluteUri)).Append("\">").Append(Encode(article.Title)).Append("</a></h3>\n");
            HtmlPageParts.AppendTime(html, article.Published);
            if (article.Authors.Count > 0)
            {
                html.Append(" · ").Append(Encode(string.Join(", ", article.Authors)));
            }

            html.Append("\n<p>").Append(Encode(article.Summary)).Append("</p>\n");
            if (article.Sources.Count > 0)
            {
                html.Append("<p class=\"sources\">Sources: ");
                html.AppendJoin(", ", article.Sources.Select(s => $"<a href=\"{EncodeAttribute(s.Url.AbsoluteUri)}\">{Encode(s.Name)}</a>"));
                html.Append("</p>\n");
            }

            html.Append("</article>\n");
        }
    }

}
