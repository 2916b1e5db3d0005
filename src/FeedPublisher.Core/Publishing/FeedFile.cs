namespace FeedPublisher.Core.Publishing;

/// <summary>
/// A file to publish whose bytes are known, by its path relative to the feed directory;
/// <see cref="Gzip"/> asks for a .gz sibling. Without bytes (<see cref="Keep"/>) the file that is
/// already there stays (an archive page known to be unchanged), without being read or rendered.
/// Files rendered as they are staged are <see cref="FileToRender"/>s.
/// </summary>
public sealed record FeedFile(string RelativePath, byte[]? Bytes, bool Gzip)
{
    public static FeedFile Keep(string relativePath, bool gzip) => new(relativePath, null, gzip);
}
