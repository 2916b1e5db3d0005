namespace FeedPublisher.Core.Publishing;

/// <summary>
/// A file to publish, by its path relative to the feed directory; <see cref="Gzip"/> asks for a
/// .gz sibling. Null <see cref="Bytes"/> keeps the file that is already there (an archive page
/// known to be unchanged), without reading or rendering it again.
/// </summary>
public sealed record FeedFile(string RelativePath, byte[]? Bytes, bool Gzip)
{
    public static FeedFile Keep(string relativePath, bool gzip) => new(relativePath, null, gzip);
}
