using System.Collections.ObjectModel;
using System.Xml.Linq;
using FeedPublisher.Core.Html;
using FeedPublisher.Core.Model;

namespace FeedPublisher.Core.Reading;

/// <summary>
/// Atom 1.0 entries. The <c>id</c> is the identity; the alternate link is the article's own URL;
/// <c>published</c> (else <c>updated</c>, as readers take it) is its date and <c>updated</c> its
/// update; the entry's authors, else the feed's; <c>content</c> is the body, else the summary.
/// Text constructs are read by their type (text, html, xhtml).
/// </summary>
internal static class AtomFeedReader
{
    private static readonly XNamespace A = FeedDocuments.Atom;

    public static FeedRead Read(XDocument document)
    {
        var feed = document.Root!;
        var feedAuthors = feed.Elements(A + "author").ToList();
        // Relative links are the old site's: resolved against its address, not ours.
        var site = FeedDocuments.AbsoluteHttp(Link(feed));
        var items = new List<FeedItem>();
        foreach (var (entry, index) in feed.Elements(A + "entry").Select((e, i) => (e, i + 1)))
        {
            var id = Text(entry.Element(A + "id"));
            var text = entry.ToString(SaveOptions.DisableFormatting);
            try
            {
                items.Add(new FeedItem(index, id, Draft(entry, id, feedAuthors, site), null, text));
            }
            catch (ArticleRejectedException e)
            {
                items.Add(new FeedItem(index, id, null, e.Message, text));
            }
        }

        return new FeedRead(FeedDocumentKind.Atom, items, 0);
    }

    private static ArticleDraft Draft(XElement entry, string? id, List<XElement> feedAuthors, Uri? site)
    {
        if (id is null)
        {
            throw new ArticleRejectedException("it has no <id>");
        }

        var urls = new KeyUrls();
        var link = FeedDocuments.Resolve(Link(entry), site);
        var updated = FeedDocuments.Date(entry.Element(A + "updated")?.Value, "updated");
        var authors = entry.Elements(A + "author").ToList() is { Count: > 0 } own ? own : feedAuthors;
        var pages = new Dictionary<string, Uri>(StringComparer.Ordinal);
        foreach (var author in authors)
        {
            if (Text(author.Element(A + "name")) is { } name && urls.Allowed(Text(author.Element(A + "uri")), "author uri") is { } page)
            {
                pages.TryAdd(name, page);
            }
        }

        var summary = entry.Element(A + "summary");
        var metadata = new ArticleMetadata
        {
            Id = id,
            Title = FeedDocuments.PlainText(Html(entry.Element(A + "title"))),
            Url = urls.Allowed(link, "link"),
            Date = FeedDocuments.Date(entry.Element(A + "published")?.Value, "published") ?? updated,
            Updated = updated,
            Authors = [.. authors.Select(a => Text(a.Element(A + "name"))).OfType<string>().Distinct(StringComparer.Ordinal)],
            AuthorUrls = pages.Count == 0 ? ReadOnlyDictionary<string, Uri>.Empty : pages,
            Categories = [.. entry.Elements(A + "category").Select(c => c.Attribute("term")?.Value.Trim()).OfType<string>().Where(t => t.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase)],
            Summary = FeedDocuments.PlainText(Html(summary)),
            Warnings = urls.Warnings,
        };
        var body = Html(entry.Element(A + "content")) ?? Html(summary)
            ?? throw new ArticleRejectedException("it has neither <content> nor <summary>");
        return ArticleDraft.FromHtml(metadata, body);
    }

    /// <summary>The alternate link (a link without rel is one), else the self link.</summary>
    private static string? Link(XElement element) =>
        (element.Elements(A + "link").FirstOrDefault(l => (string?)l.Attribute("rel") is null or "alternate")
            ?? element.Elements(A + "link").FirstOrDefault(l => (string?)l.Attribute("rel") == "self"))?.Attribute("href")?.Value.Trim();

    /// <summary>A text construct as HTML: html as written, xhtml's inner div serialized, text escaped.</summary>
    private static string? Html(XElement? construct)
    {
        if (construct is null || (construct.Attribute("src") is not null))
        {
            return null;
        }

        var html = (string?)construct.Attribute("type") switch
        {
            "html" => construct.Value,
            "xhtml" => string.Concat((construct.Element(XNamespace.Get("http://www.w3.org/1999/xhtml") + "div") ?? construct).Nodes()
                .Select(n => n.ToString(SaveOptions.DisableFormatting))),
            _ => HtmlText.Encode(construct.Value),
        };
        return string.IsNullOrWhiteSpace(html) ? null : html;
    }

    private static string? Text(XElement? element) => element?.Value.Trim() is { Length: > 0 } text ? text : null;
}
