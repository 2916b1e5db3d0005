namespace FeedPublisher.Core.Reading;

/// <summary>DESIGN.md's article keys, read the same way from YAML front matter and from JSON.</summary>
internal static class MetadataKeys
{
    public static ArticleMetadata Read(IMetadataKeys keys) => new()
    {
        Id = keys.Text("id"),
        Title = keys.Text("title"),
        Url = keys.Url("url"),
        Date = keys.Date("date"),
        Updated = keys.Date("updated"),
        Authors = keys.List("authors", "author"),
        Categories = keys.List("categories", "tags", "category"),
        Summary = keys.Text("summary"),
        SourceName = keys.Text("source"),
        SourceUrl = keys.Url("source_url"),
        Sources = keys.Sources("sources"),
        Image = keys.Url("image"),
        Language = keys.Text("language") ?? keys.Text("lang"),
    };
}
