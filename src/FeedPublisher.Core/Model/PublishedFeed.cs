namespace FeedPublisher.Core.Model;

/// <summary>A feed as people see it listed: its group and its document (with the entries it shows).</summary>
public sealed record PublishedFeed(FeedGroup Group, FeedDocument Feed);
