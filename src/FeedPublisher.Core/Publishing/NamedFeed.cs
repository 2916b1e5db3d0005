namespace FeedPublisher.Core.Publishing;

/// <summary>
/// A feed an operator defines: its folder name (a slug), title, description, the categories and/or
/// authors it shows (by name or slug; none means all articles), its item limit and whether it
/// carries full content.
/// </summary>
public sealed record NamedFeed(
    string Name,
    string Title,
    string Description,
    IReadOnlyList<string> Categories,
    IReadOnlyList<string> Authors,
    int? MaxItems,
    bool FullContent);
