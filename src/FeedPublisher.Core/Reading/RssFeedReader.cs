using System.Xml.Linq;
using FeedPublisher.Core.Model;

namespace FeedPublisher.Core.Reading;

/// <summary>
/// RSS 2.0 items, and WordPress exports (WXR: RSS with <c>wp:</c> elements). The GUID is the
/// identity, else the link (what readers fall back on); <c>content:encoded</c> is the body when
/// present, with the description as summary, else the description is the body. In a WordPress
/// export only posts are items (pages, attachments and menu items are skipped), and a post whose
/// <c>wp:status</c> is not <c>publish</c> is a draft, withheld as any draft is.
/// </summary>
internal static class RssFeedReader
{
    private static readonly XNamespace Content = "http://purl.org/rss/1.0/modules/content/";
    private static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";

    public static FeedRead Read(XDocument document, bool wordPress)
    {
        var channel = document.Root?.Element("channel") ?? throw new ArticleRejectedException("the RSS has no <channel>");
        var items = new List<FeedItem>();
        var skipped = 0;
        // Relative links are the old site's: resolved against its address, not ours.
        var site = FeedDocuments.AbsoluteHttp(Text(channel.Element("link")));
        foreach (var item in channel.Elements("item"))
        {
            if (wordPress && WordPress(item, "post_type") is { } type && type != "post")
            {
                skipped++;
                continue;
            }

            var index = items.Count + skipped + 1;
            var guid = Text(item.Element("guid")) ?? Text(item.Element("link"));
            var text = item.ToString(SaveOptions.DisableFormatting);
            try
            {
                items.Add(new FeedItem(index, guid, Draft(item, guid, wordPress, site), null, text));
            }
            catch (ArticleRejectedException e)
            {
                items.Add(new FeedItem(index, guid, null, e.Message, text));
            }
        }

        return new FeedRead(wordPress ? FeedDocumentKind.Wxr : FeedDocumentKind.Rss, items, skipped);
    }

    private static ArticleDraft Draft(XElement item, string? guid, bool wordPress, Uri? site)
    {
        if (guid is null)
        {
            throw new ArticleRejectedException("it has neither a <guid> nor a <link> to keep as its identity");
        }

        var urls = new KeyUrls();
        var encoded = Text(item.Element(Content + "encoded"));
        var description = Text(item.Element("description"));
        var body = encoded ?? description ?? throw new ArticleRejectedException("it has neither <content:encoded> nor <description>");
        var status = wordPress ? WordPress(item, "status") : null;
        var draft = status is null or "publish" ? null : $"wp:status {status}";
        DateTimeOffset? date;
        try
        {
            date = FeedDocuments.Date(item.Element("pubDate")?.Value, "pubDate")
                ?? (WordPress(item, "post_date_gmt") is { } gmt and not "0000-00-00 00:00:00" ? FeedDocuments.Date(gmt, "wp:post_date_gmt") : null);
        }
        catch (ArticleRejectedException) when (draft is not null)
        {
            // WordPress writes a draft's pubDate as "30 Nov -0001": a draft is withheld, whatever its date.
            date = null;
        }

        var metadata = new ArticleMetadata
        {
            Id = guid,
            Title = Text(item.Element("title")),
            // No link: a guid that is a permalink (RSS 2.0: isPermaLink is true unless it says false) is the item's page.
            Url = urls.Allowed(FeedDocuments.Resolve(Text(item.Element("link")) ?? PermalinkOf(item.Element("guid")), site), "link"),
            Date = date,
            Authors = [.. item.Elements(Dc + "creator").Select(Text).OfType<string>()
                .Concat(item.Elements("author").Select(a => Author(Text(a))).OfType<string>())
                .Distinct(StringComparer.Ordinal)],
            Categories = [.. item.Elements("category").Select(Text).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase)],
            Summary = wordPress
                ? FeedDocuments.PlainText(item.Elements().FirstOrDefault(e => e.Name.LocalName == "encoded" && e.Name.NamespaceName.Contains("/excerpt/", StringComparison.Ordinal))?.Value)
                : encoded is null ? null : FeedDocuments.PlainText(description),
            Draft = draft,
            Warnings = urls.Warnings,
        };
        return ArticleDraft.FromHtml(metadata, body);
    }

    /// <summary>RSS <c>author</c> is an e-mail address, often "address (Name)": the name when given, else the whole.</summary>
    private static string? Author(string? author) =>
        author is null ? null
        : author.IndexOf('(', StringComparison.Ordinal) is var open and > 0 && author.EndsWith(')') ? author[(open + 1)..^1].Trim()
        : author;

    /// <summary>A <c>wp:</c> element, whatever version of the export namespace the file uses.</summary>
    private static string? WordPress(XElement item, string name) =>
        Text(item.Elements().FirstOrDefault(e => e.Name.LocalName == name && e.Name.NamespaceName.StartsWith("http://wordpress.org/export/", StringComparison.Ordinal)));

    private static string? Text(XElement? element) => element?.Value.Trim() is { Length: > 0 } text ? text : null;

    /// <summary>The guid's text when it is a permalink: not marked isPermaLink="false", and an absolute http(s) URL.</summary>
    private static string? PermalinkOf(XElement? guid) =>
        guid is not null && !string.Equals((string?)guid.Attribute("isPermaLink"), "false", StringComparison.OrdinalIgnoreCase)
        && Text(guid) is { } text && Uri.TryCreate(text, UriKind.Absolute, out var url) && url.Scheme is "http" or "https"
            ? text
            : null;
}
