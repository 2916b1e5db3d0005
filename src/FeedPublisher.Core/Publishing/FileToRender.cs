namespace FeedPublisher.Core.Publishing;

/// <summary>
/// A feed file of a batch (<see cref="RenderedBatch"/>): <see cref="Render"/> makes its bytes, or,
/// when it is null, the file in place stays as it is. The bytes are the rendering thread's buffer
/// (<see cref="RenderedFeed"/>), staged before that thread renders anything else.
/// </summary>
internal sealed record FileToRender(string RelativePath, Func<ReadOnlyMemory<byte>>? Render)
{
    public static FileToRender Keep(string relativePath) => new(relativePath, null);
}
