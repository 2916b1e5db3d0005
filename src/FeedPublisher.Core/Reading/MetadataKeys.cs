using System.Collections.ObjectModel;
using FeedPublisher.Core.Model;
using FeedPublisher.Core.Text;

namespace FeedPublisher.Core.Reading;

/// <summary>
/// The article keys (README, "Stored articles"), read the same way from YAML front matter and
/// from JSON, under the names the tools people migrate from write them: Hugo (<c>publishDate</c>,
/// <c>lastmod</c>, <c>description</c>, <c>keywords</c>), Jekyll (<c>excerpt</c>), Ghost and
/// WordPress exports (<c>published_at</c>, <c>feature_image</c>), JSON Feed items
/// (<c>date_published</c>, <c>date_modified</c>). For each field the first key present wins,
/// in the order listed.
/// </summary>
internal static class MetadataKeys
{
    private static readonly string[] PublishedKeys = ["date", "publishDate", "published", "pubDate", "date_published", "published_at", "created_at"];
    private static readonly string[] UpdatedKeys = ["updated", "lastmod", "modified", "date_modified", "updated_at"];
    private static readonly string[] SummaryKeys = ["summary", "description", "excerpt", "subtitle"];
    private static readonly string[] TaxonomyKeys = ["categories", "category", "tags", "keywords"];
    private static readonly string[] ImageKeys = ["image", "cover", "featured_image", "feature_image", "thumbnail", "banner_image"];

    public static ArticleMetadata Read(IMetadataKeys keys)
    {
        var urls = new KeyUrls();
        var language = keys.Text("language") ?? keys.Text("lang");
        return new ArticleMetadata
        {
            Id = keys.Text("id"),
            Title = keys.Text("title"),
            Url = urls.Allowed(keys.Text("url"), "url"),
            Date = FirstDate(keys, PublishedKeys),
            Updated = FirstDate(keys, UpdatedKeys),
            Authors = keys.List("authors", "author"),
            AuthorUrls = AuthorUrls(keys, urls),
            Categories = Taxonomy(keys),
            Summary = SummaryKeys.Select(keys.Text).FirstOrDefault(text => text is not null),
            SourceName = keys.Text("source"),
            SourceUrl = urls.Allowed(keys.Text("source_url"), "source_url"),
            Sources = [.. keys.Sources("sources").Select(source => urls.Allowed(source.Url, "sources") is { } url ? new SourceLink(source.Name, url) : null).OfType<SourceLink>()],
            Image = ImageKeys.Select(key => (Key: key, Text: keys.TextOrInner(key, "image"))).FirstOrDefault(image => image.Text is not null) is (var key, { } image)
                ? urls.Allowed(image, key)
                : null,
            Attachments = AttachmentKeys.Read(keys, urls),
            Language = LanguageTag.Of(language),
            Draft = PublicationKeys.Draft(keys),
            Expires = PublicationKeys.Expiry(keys),
            Warnings = language is not null && LanguageTag.Of(language) is null
                ? [.. urls.Warnings, $"'language' is not a language tag such as en or pt-BR, so it is left out: \"{KeyUrls.Quoted(language)}\""]
                : urls.Warnings,
        };
    }

    /// <summary>
    /// The pages of the authors given as <c>{name, url}</c>, by name (the first for a name), each
    /// through the URL allowlist: a refused one is left out with a warning, the name kept.
    /// </summary>
    private static IReadOnlyDictionary<string, Uri> AuthorUrls(IMetadataKeys keys, KeyUrls urls)
    {
        var byName = new Dictionary<string, Uri>(StringComparer.Ordinal);
        foreach (var (name, text) in keys.LinkedNames("authors", "author"))
        {
            if (urls.Allowed(text, "authors") is { } url)
            {
                byName.TryAdd(name, url);
            }
        }

        return byName.Count == 0 ? ReadOnlyDictionary<string, Uri>.Empty : byName;
    }

    /// <summary>The first date given; Jekyll's <c>published: false</c> is a flag, not a date.</summary>
    private static DateTimeOffset? FirstDate(IMetadataKeys keys, string[] names) =>
        names.Where(name => keys.Flag(name) is null).Select(keys.Date).FirstOrDefault(date => date is not null);

    /// <summary>
    /// Categories and tags together, each written as a list or as one comma-separated value; each
    /// name once. A name in a list is taken as written, commas and all.
    /// </summary>
    private static List<string> Taxonomy(IMetadataKeys keys) =>
        [.. TaxonomyKeys.SelectMany(keys.Terms).Distinct(StringComparer.OrdinalIgnoreCase)];

    public static IReadOnlyList<string> SplitAtCommas(IReadOnlyList<string> values) =>
        [.. values.SelectMany(value => value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))];
}
