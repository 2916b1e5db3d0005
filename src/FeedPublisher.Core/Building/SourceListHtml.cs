using System.Text;
using FeedPublisher.Core.Html;
using FeedPublisher.Core.Model;

namespace FeedPublisher.Core.Building;

/// <summary>The list of an article's sources that ends its HTML content in every feed.</summary>
public static class SourceListHtml
{
    public static string Append(string contentHtml, IReadOnlyList<SourceLink> sources)
    {
        if (sources.Count == 0)
        {
            return contentHtml;
        }

        var html = new StringBuilder(contentHtml);
        html.Append("<p><strong>Sources:</strong></p>\n<ul>\n");
        foreach (var source in sources)
        {
            html.Append("<li><a href=\"");
            HtmlText.AppendAttribute(html, source.Url.AbsoluteUri);
            html.Append("\">");
            HtmlText.AppendEncoded(html, source.Name);
            html.Append("</a></li>\n");
        }

        return html.Append("</ul>\n").ToString();
    }
}
