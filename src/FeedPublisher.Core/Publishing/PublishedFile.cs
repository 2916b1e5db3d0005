namespace FeedPublisher.Core.Publishing;

/// <summary>One file of the feed directory after a publish.</summary>
public sealed record PublishedFile(string RelativePath, long Bytes, FileOutcome Outcome);
