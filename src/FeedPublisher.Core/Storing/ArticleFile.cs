namespace FeedPublisher.Core.Storing;

/// <summary>
/// The file an article came from, as last ingested: enough to tell cheaply whether it changed
/// (length and mtime first, then the SHA-256 of its bytes).
/// </summary>
public sealed record ArticleFile(string RelativePath, long Length, DateTimeOffset LastWriteTime, string ContentHash);
