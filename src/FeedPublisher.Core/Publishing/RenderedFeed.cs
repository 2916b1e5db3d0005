using FeedPublisher.Core.Model;

namespace FeedPublisher.Core.Publishing;

/// <summary>
/// A feed file as rendered within its byte budget: its bytes, how many items it kept (the newest),
/// the entries published shortened, the entries left out because even shortened they do not fit
/// on their own, and how many of the oldest were dropped besides. The bytes are the rendering
/// thread's buffer (<see cref="Writing.ThreadBuffer.Fill"/>): staged at once, on that thread, and never kept.
/// </summary>
public sealed record RenderedFeed(ReadOnlyMemory<byte> Bytes, int Items, IReadOnlyList<FeedEntry> Shortened, IReadOnlyList<FeedEntry> LeftOut, int Dropped)
{
    public static RenderedFeed Whole(ReadOnlyMemory<byte> bytes, int items) => new(bytes, items, [], [], 0);
}
