namespace FeedPublisher.IntegrationTests.Support;

/// <summary>One line of a node's JSON log.</summary>
public sealed record LogEntry(DateTimeOffset Timestamp, string Category, string Message, IReadOnlyDictionary<string, string?> State);
