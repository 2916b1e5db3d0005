using FeedPublisher.Core.Model;

namespace FeedPublisher.Core.Reading;

/// <summary>The article keys (README, "Stored articles"), read the same way from YAML front matter and from JSON.</summary>
internal static class MetadataKeys
{
    public static ArticleMetadata Read(IMetadataKeys keys)
    {
        var urls = new KeyUrls();
        return new ArticleMetadata
        {
            Id = keys.Text("id"),
            Title = keys.Text("title"),
            Url = urls.Allowed(keys.Text("url"), "url"),
            Date = keys.Date("date"),
            Updated = keys.Date("updated"),
            Authors = keys.List("authors", "author"),
            Categories = keys.List("categories", "tags", "category"),
            Summary = keys.Text("summary"),
            SourceName = keys.Text("source"),
            SourceUrl = urls.Allowed(keys.Text("source_url"), "source_url"),
            Sources = [.. keys.Sources("sources").Select(source => urls.Allowed(source.Url, "sources") is { } url ? new SourceLink(source.Name, url) : null).OfType<SourceLink>()],
            Image = urls.Allowed(keys.Text("image"), "image"),
            Language = keys.Text("language") ?? keys.Text("lang"),
            Warnings = urls.Warnings,
        };
    }
}
