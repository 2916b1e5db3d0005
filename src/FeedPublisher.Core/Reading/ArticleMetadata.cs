using System.Collections.ObjectModel;
using FeedPublisher.Core.Model;

namespace FeedPublisher.Core.Reading;

/// <summary>
/// What a file says about its article, from front matter, JSON keys or a page's markup. Every
/// field is optional; <see cref="OverriddenBy"/> merges two sources, the other one winning.
/// </summary>
public sealed record ArticleMetadata
{
    public static readonly ArticleMetadata Empty = new();

    public string? Id { get; init; }
    public string? Title { get; init; }
    public Uri? Url { get; init; }
    public DateTimeOffset? Date { get; init; }
    public DateTimeOffset? Updated { get; init; }
    public IReadOnlyList<string> Authors { get; init; } = [];
    /// <summary>The page of an author in <see cref="Authors"/>, by name, as the file gave it (<c>{name, url}</c>); not yet resolved.</summary>
    public IReadOnlyDictionary<string, Uri> AuthorUrls { get; init; } = ReadOnlyDictionary<string, Uri>.Empty;
    public IReadOnlyList<string> Categories { get; init; } = [];
    public string? Summary { get; init; }
    /// <summary>The outlet the article came from (<c>source</c>); its home page is <see cref="SourceUrl"/>.</summary>
    public string? SourceName { get; init; }
    public Uri? SourceUrl { get; init; }
    /// <summary>Cited sources given explicitly (<c>sources</c>); a name may be empty when only the URL was given.</summary>
    public IReadOnlyList<SourceLink> Sources { get; init; } = [];
    public Uri? Image { get; init; }
    /// <summary>Files given with the article (<see cref="MetadataKeys"/>), not yet resolved.</summary>
    public IReadOnlyList<GivenAttachment> Attachments { get; init; } = [];
    public string? Language { get; init; }
    /// <summary>Set when the file says not to publish it: the key and value that say so (<c>draft: true</c>, <c>status: scheduled</c>).</summary>
    public string? Draft { get; init; }
    /// <summary>When the article stops being published (<c>expiryDate</c> and the like); judged at ingest.</summary>
    public ArticleExpiry? Expires { get; init; }
    /// <summary>What was left out of the file's keys and why (a refused URL): reported, the article still used.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
    /// <summary>Top-level keys no reader knows (<see cref="KnownArticleKeys"/>): reported once per publish over all files, never an error.</summary>
    public IReadOnlyList<string> UnknownKeys { get; init; } = [];

    public ArticleMetadata OverriddenBy(ArticleMetadata other) => new()
    {
        Id = other.Id ?? Id,
        Title = other.Title ?? Title,
        Url = other.Url ?? Url,
        Date = other.Date ?? Date,
        Updated = other.Updated ?? Updated,
        Authors = other.Authors.Count > 0 ? other.Authors : Authors,
        // The pages go with the names they belong to: a page's meta author over its JSON-LD Person
        // keeps the Person's page for the same name.
        AuthorUrls = other.Authors.Count == 0 ? AuthorUrls : other.AuthorUrls.Count > 0 ? other.AuthorUrls : PagesOf(other.Authors),
        Categories = other.Categories.Count > 0 ? other.Categories : Categories,
        Summary = other.Summary ?? Summary,
        SourceName = other.SourceName ?? SourceName,
        SourceUrl = other.SourceUrl ?? SourceUrl,
        Sources = other.Sources.Count > 0 ? other.Sources : Sources,
        Image = other.Image ?? Image,
        Attachments = other.Attachments.Count > 0 ? other.Attachments : Attachments,
        Language = other.Language ?? Language,
        Draft = other.Draft ?? Draft,
        Expires = other.Expires ?? Expires,
        Warnings = [.. Warnings, .. other.Warnings],
        UnknownKeys = [.. UnknownKeys.Union(other.UnknownKeys, StringComparer.OrdinalIgnoreCase)],
    };

    private IReadOnlyDictionary<string, Uri> PagesOf(IReadOnlyList<string> names)
    {
        var pages = AuthorUrls.Where(page => names.Contains(page.Key, StringComparer.Ordinal)).ToDictionary(StringComparer.Ordinal);
        return pages.Count == 0 ? ReadOnlyDictionary<string, Uri>.Empty : pages;
    }
}
