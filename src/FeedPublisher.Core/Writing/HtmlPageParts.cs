using System.Globalization;
using System.Text;
using FeedPublisher.Core.Model;
using static FeedPublisher.Core.Html.HtmlText;

namespace FeedPublisher.Core.Writing;

/// <summary>What the index page and the article pages write alike: the icon, feed discovery, dates.</summary>
internal static class HtmlPageParts
{
    /// <summary>The channel's icon as the page's favicon, when it has one.</summary>
    public static void AppendIcon(StringBuilder html, ChannelIdentity? channel)
    {
        if (channel?.Icon is { } icon)
        {
            html.Append("<link rel=\"icon\" href=\"").Append(EncodeAttribute(icon.AbsoluteUri)).Append("\">\n");
        }
    }

    /// <summary>A &lt;link rel="alternate"&gt; per format, so browsers and readers find the feed from the page.</summary>
    public static void AppendFeedDiscovery(StringBuilder html, string siteTitle, Func<string, Uri> urlOf)
    {
        foreach (var format in FeedFormats.All)
        {
            html.Append("<link rel=\"alternate\" type=\"").Append(format.MediaType).Append("\" title=\"").Append(EncodeAttribute($"{siteTitle} ({format.Label})"))
                .Append("\" href=\"").Append(EncodeAttribute(urlOf(format.FileName).AbsoluteUri)).Append("\">\n");
        }
    }

    /// <summary>A &lt;time&gt; with the instant for machines and the day for people ("5 August 2026").</summary>
    public static void AppendTime(StringBuilder html, DateTimeOffset instant) =>
        html.Append("<time datetime=\"").Append(Stamp(instant)).Append("\">")
            .Append(instant.UtcDateTime.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)).Append("</time>");

    /// <summary>An instant in UTC, to the second, as HTML and schema.org write it.</summary>
    public static string Stamp(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH':'mm':'ss'Z'", CultureInfo.InvariantCulture);
}
