namespace FeedPublisher.Core.Storing;

/// <summary>What a stat says of a file: while both match the store's, the file counts as unchanged.</summary>
public readonly record struct FileStamp(long Length, DateTimeOffset LastWriteTime);
