namespace FeedPublisher.Core.Model;

/// <summary>An outlet or page that an article relies on, shown to readers as a related link.</summary>
public sealed record SourceLink(string Name, Uri Url);
