using FeedPublisher.Core.Model;
using FeedPublisher.Core.Writing;

namespace FeedPublisher.Core.Publishing;

/// <summary>
/// Renders a feed in one format within the byte cap: when the file would be larger, the oldest
/// items are dropped (the fewest needed, found by bisection) rather than publish a huge file.
/// </summary>
public static class FeedRenderer
{
    public static (byte[] Bytes, int Items) Render(IFeedWriter writer, FeedDocument feed, long maxBytes)
    {
        var bytes = writer.Render(feed);
        if (bytes.Length <= maxBytes || feed.Entries.Count <= 1)
        {
            return (bytes, feed.Entries.Count);
        }

        // The most items that fit lies in [1, count - 1]; one item always stays, however large.
        int fits = 1, tooMany = feed.Entries.Count;
        var best = writer.Render(feed with { Entries = feed.Entries.Take(1).ToList() });
        while (tooMany - fits > 1)
        {
            var middle = (fits + tooMany) / 2;
            var candidate = writer.Render(feed with { Entries = feed.Entries.Take(middle).ToList() });
            if (candidate.Length <= maxBytes)
            {
                (fits, best) = (middle, candidate);
            }
            else
            {
                tooMany = middle;
            }
        }

        return (best, fits);
    }
}
