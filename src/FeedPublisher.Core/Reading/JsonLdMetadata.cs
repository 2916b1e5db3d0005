using System.Collections.ObjectModel;
using System.Text.Json;
using FeedPublisher.Core.Html;
using HtmlAgilityPack;

namespace FeedPublisher.Core.Reading;

/// <summary>
/// The article described in a page's JSON-LD (schema.org NewsArticle, Article, BlogPosting...),
/// found at the top level, in an array or in an <c>@graph</c>. Broken JSON-LD is ignored.
/// </summary>
internal static class JsonLdMetadata
{
    public static ArticleMetadata Read(HtmlDocument document)
    {
        var scripts = document.DocumentNode.SelectNodes("//script[@type='application/ld+json']");
        foreach (var script in scripts ?? Enumerable.Empty<HtmlNode>())
        {
            try
            {
                using var json = JsonDocument.Parse(script.InnerHtml);
                if (FindArticle(json.RootElement) is { } article)
                {
                    return ToMetadata(article);
                }
            }
            catch (JsonException)
            {
                // Pages ship broken JSON-LD often enough; the page's other markup still counts.
            }
        }

        return ArticleMetadata.Empty;
    }

    private static JsonElement? FindArticle(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Array:
                return element.EnumerateArray().Select(FindArticle).FirstOrDefault(found => found is not null);
            case JsonValueKind.Object when IsArticle(element):
                return element;
            case JsonValueKind.Object when element.TryGetProperty("@graph", out var graph):
                return FindArticle(graph);
            default:
                return null;
        }
    }

    private static bool IsArticle(JsonElement element) =>
        element.TryGetProperty("@type", out var type) && Strings(type).Any(t => t.EndsWith("Article", StringComparison.Ordinal) || t == "BlogPosting");

    private static ArticleMetadata ToMetadata(JsonElement article) => new()
    {
        Title = Property(article, "headline") is { } headline ? Line(Strings(headline).FirstOrDefault()) : null,
        Date = DateParser.Parse(Property(article, "datePublished") is { } published ? Strings(published).FirstOrDefault() : null),
        Updated = DateParser.Parse(Property(article, "dateModified") is { } modified ? Strings(modified).FirstOrDefault() : null),
        Authors = Property(article, "author") is { } author ? Names(author) : [],
        AuthorUrls = Property(article, "author") is { } person ? Pages(person) : ReadOnlyDictionary<string, Uri>.Empty,
        Categories = Property(article, "articleSection") is { } section ? Strings(section).Select(Line).OfType<string>().ToList() : [],
        Language = Property(article, "inLanguage") is { } language ? Strings(language).FirstOrDefault() : null,
    };

    /// <summary>JSON-LD often carries entities such as &amp;#8217;: decoded once, here, into plain text.</summary>
    private static string? Line(string? text) => HtmlDecoding.DecodeLine(text);

    private static JsonElement? Property(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? value : null;

    /// <summary>A string, or the strings of an array.</summary>
    private static IEnumerable<string> Strings(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => [element.GetString()!],
        JsonValueKind.Array => element.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!),
        _ => [],
    };

    /// <summary>
    /// The pages of authors given as {"name", "url"} (schema.org Person), by name. Taken as
    /// written: the extractor resolves each and judges it by the URL policy, as every URL.
    /// </summary>
    private static IReadOnlyDictionary<string, Uri> Pages(JsonElement element)
    {
        var byName = new Dictionary<string, Uri>(StringComparer.Ordinal);
        var people = element.ValueKind == JsonValueKind.Array ? element.EnumerateArray().ToList() : [element];
        foreach (var person in people.Where(p => p.ValueKind == JsonValueKind.Object))
        {
            if (Property(person, "name") is { } name && Line(Strings(name).FirstOrDefault()) is { } text
                && Property(person, "url") is { } url && Strings(url).FirstOrDefault() is { } link
                && Uri.TryCreate(link.Trim(), UriKind.RelativeOrAbsolute, out var page))
            {
                byName.TryAdd(text, page);
            }
        }

        return byName.Count == 0 ? ReadOnlyDictionary<string, Uri>.Empty : byName;
    }

    /// <summary>Authors as "Name", {"name": "Name"} or an array of either.</summary>
    private static IReadOnlyList<string> Names(JsonElement element) => (element.ValueKind switch
    {
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Names),
        JsonValueKind.Object when element.TryGetProperty("name", out var name) => Strings(name),
        _ => Strings(element),
    }).Select(Line).OfType<string>().ToList();
}
