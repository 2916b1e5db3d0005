namespace FeedPublisher.Core.Publishing;

/// <summary>What recovering the feed directory did: finished an interrupted publish from its journal, and how many staged files it removed.</summary>
public sealed record Recovery(bool FinishedPublish, int RemovedFiles);
