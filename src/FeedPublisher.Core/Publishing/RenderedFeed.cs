using FeedPublisher.Core.Model;

namespace FeedPublisher.Core.Publishing;

/// <summary>
/// A feed file as rendered within its byte budget: its bytes, how many items it kept (the newest),
/// the entries published shortened, the entries left out because even shortened they do not fit
/// on their own, and how many of the oldest were dropped besides.
/// </summary>
public sealed record RenderedFeed(byte[] Bytes, int Items, IReadOnlyList<FeedEntry> Shortened, IReadOnlyList<FeedEntry> LeftOut, int Dropped)
{
    public static RenderedFeed Whole(byte[] bytes, int items) => new(bytes, items, [], [], 0);
}
