using FeedPublisher.Core.Model;

namespace FeedPublisher.Core.Publishing;

/// <summary>
/// One feed to publish: where it lives in the feed directory ("" for the main feed,
/// "categories/science", a named feed's own folder), what it is called, which articles it shows,
/// how many, and whether it carries full content or summaries only.
/// </summary>
public sealed record FeedSpec(string Folder, FeedGroup Group, string Title, string Description, ArticleQuery Query, int MaxItems, bool FullContent);
