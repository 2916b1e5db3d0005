using System.Text;
using FeedPublisher.Core.Html;
using FeedPublisher.Core.Model;

namespace FeedPublisher.Core.Building;

/// <summary>
/// An entry as a feed carries it when its full content does not fit the feed's byte budget: the
/// same item (id, title, link, dates, summary, sources as links), its content only the summary and
/// a link to the article. Readers then still list the story, and one huge article no longer
/// crowds every other one out of the feed.
/// </summary>
public static class ShortenedEntry
{
    public const string ReadMore = "Read the full article";

    /// <summary>The entry with its content shortened; an entry without content (a summaries-only feed) as it is.</summary>
    public static FeedEntry Of(FeedEntry entry) =>
        entry.ContentHtml is null ? entry : entry with { ContentHtml = Html(entry.Article.Summary, entry.Link) };

    public static string Html(string summary, Uri link)
    {
        var html = new StringBuilder();
        if (summary.Length > 0)
        {
            html.Append("<p>");
            HtmlText.AppendEncoded(html, summary);
            html.Append("</p>\n");
        }

        html.Append("<p><a href=\"");
        HtmlText.AppendAttribute(html, link.AbsoluteUri);
        return html.Append("\">").Append(ReadMore).Append("</a></p>\n").ToString();
    }
}
