namespace FeedPublisher.Core.Publishing;

/// <summary>
/// A file to publish, by its path relative to the feed directory; <see cref="Gzip"/> asks for a
/// .gz sibling. Its bytes are given, or rendered when the file is staged (<see cref="Later"/>), or
/// neither: <see cref="Keep"/> keeps the file that is already there (an archive page known to be
/// unchanged), without reading or rendering it again.
/// </summary>
public sealed record FeedFile(string RelativePath, byte[]? Bytes, bool Gzip)
{
    /// <summary>Makes the bytes at staging time: a publish then holds the files being staged, not all of them at once.</summary>
    public Func<byte[]>? Render { get; init; }

    public static FeedFile Keep(string relativePath, bool gzip) => new(relativePath, null, gzip);

    public static FeedFile Later(string relativePath, Func<byte[]> render, bool gzip) => new(relativePath, null, gzip) { Render = render };
}
