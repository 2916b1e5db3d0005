namespace FeedPublisher.Core.Publishing;

/// <summary>A file to publish, by its path relative to the feed directory; <see cref="Gzip"/> asks for a .gz sibling.</summary>
public sealed record FeedFile(string RelativePath, byte[] Bytes, bool Gzip);
