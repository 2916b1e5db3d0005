namespace FeedPublisher.Core.Model;

/// <summary>
/// One stored article as the feeds see it: plain-text title and summary, sanitized HTML body,
/// and the sources it cites. <see cref="Path"/> is the site-relative path of the article's page.
/// </summary>
public sealed record Article
{
    public required string Id { get; init; }
    public required string Title { get; init; }
    public required string Path { get; init; }
    public required DateTimeOffset Published { get; init; }
    public required DateTimeOffset Updated { get; init; }
    public required string Summary { get; init; }
    public required string ContentHtml { get; init; }
    public IReadOnlyList<string> Authors { get; init; } = [];
    public IReadOnlyList<string> Categories { get; init; } = [];
    public IReadOnlyList<SourceLink> Sources { get; init; } = [];
}
