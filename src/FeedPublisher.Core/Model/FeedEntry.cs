namespace FeedPublisher.Core.Model;

/// <summary>One item of a feed, in the neutral shape that every writer renders.</summary>
public sealed record FeedEntry
{
    /// <summary>A URN that never changes for the article, used as RSS guid and Atom id.</summary>
    public required string Id { get; init; }
    public required string Title { get; init; }
    public required Uri Link { get; init; }
    public required DateTimeOffset Published { get; init; }
    public required DateTimeOffset Updated { get; init; }
    public required string Summary { get; init; }
    /// <summary>The article's HTML with the list of its sources appended.</summary>
    public required string ContentHtml { get; init; }
    public IReadOnlyList<string> Authors { get; init; } = [];
    public IReadOnlyList<string> Categories { get; init; } = [];
    public IReadOnlyList<SourceLink> Sources { get; init; } = [];
}
