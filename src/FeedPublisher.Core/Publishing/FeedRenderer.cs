using FeedPublisher.Core.Building;
using FeedPublisher.Core.Model;
using FeedPublisher.Core.Writing;

namespace FeedPublisher.Core.Publishing;

/// <summary>
/// Renders a feed in one format within its byte budget (Feeds:MaxBytes). A feed that fits is
/// rendered once, as it is. One that does not is measured: the frame (the feed without entries)
/// and each entry on its own, in full and shortened (<see cref="ShortenedEntry"/>). Then:
/// <list type="number">
/// <item>an entry that does not fit even shortened and alone is left out (a feed keeps no item
/// it cannot hold; never on an archive page);</item>
/// <item>the newest entries are kept while their shortened forms fit together; only the oldest
/// beyond that are dropped (never on an archive page, whose set of entries is its contract);</item>
/// <item>of those kept, the entries that save the most bytes when shortened are shortened, the
/// fewest needed, ties going to the older entry, so the newest keep their full content.</item>
/// </list>
/// Every choice comes from the entries' bytes alone, so the same store gives the same file. The
/// sizes add up to within a few bytes per entry (separators); the result is rendered and checked,
/// and shortened, or dropped, one entry more while it is still over.
/// </summary>
public static class FeedRenderer
{
    /// <summary>
    /// Changes whenever the rule above does, or a writer writes the same articles differently, so
    /// that files rendered before are rendered again: it is part of what a publish compares, and
    /// feed fingerprints otherwise see only the articles. "budget-2": the rule above (an older one
    /// kept one item whatever its size); 3: Atom sources with updated, authors' pages (issue 16);
    /// 4: pictures and attachments (Media RSS, enclosures, JSON Feed attachments; issue 17);
    /// 5: item links to the article pages (issue 17).
    /// </summary>
    public const string Revision = "budget-2/5";

    /// <param name="keepEveryEntry">An archive page: entries are shortened but never left out or dropped.</param>
    public static RenderedFeed Render(IFeedWriter writer, FeedDocument feed, long maxBytes, bool keepEveryEntry = false)
    {
        var bytes = Fill(writer, feed);
        if (bytes.Length <= maxBytes || feed.Entries.Count == 0)
        {
            return RenderedFeed.Whole(bytes, feed.Entries.Count);
        }

        var entries = feed.Entries;
        var frame = Fill(writer, feed with { Entries = [] }).Length;
        var available = maxBytes - frame;
        var shortened = entries.Select(ShortenedEntry.Of).ToList();
        var full = entries.Select(e => (long)Fill(writer, feed with { Entries = [e] }).Length - frame).ToList();
        var brief = entries.Select((e, i) => ReferenceEquals(shortened[i], e) ? full[i] : Fill(writer, feed with { Entries = [shortened[i]] }).Length - frame).ToList();
        var saving = full.Select((f, i) => f - brief[i]).ToList();

        var leftOut = new List<int>();
        var kept = new List<int>();
        var total = 0L;
        for (var i = 0; i < entries.Count; i++)
        {
            var smallest = Math.Min(full[i], brief[i]);
            if (!keepEveryEntry && smallest > available)
            {
                leftOut.Add(i);
            }
            else if (keepEveryEntry || total + smallest <= available)
            {
                kept.Add(i);
                total += smallest;
            }
            else
            {
                break;
            }
        }

        var cut = new HashSet<int>();
        var size = kept.Sum(i => full[i]);
        foreach (var i in ByLargestSaving(kept, saving))
        {
            if (size <= available)
            {
                break;
            }

            cut.Add(i);
            size -= saving[i];
        }

        while (true)
        {
            var document = feed with { Entries = kept.Select(i => cut.Contains(i) ? shortened[i] : entries[i]).ToList() };
            bytes = Fill(writer, document);
            if (bytes.Length <= maxBytes || kept.Count == 0)
            {
                break;
            }

            // The sizes measured alone were a few bytes short: one entry more is shortened, else the oldest goes.
            if (ByLargestSaving(kept, saving).FirstOrDefault(i => !cut.Contains(i), -1) is var next and >= 0)
            {
                cut.Add(next);
            }
            else if (keepEveryEntry)
            {
                break;
            }
            else
            {
                kept.RemoveAt(kept.Count - 1);
            }
        }

        var keptSet = kept.ToHashSet();
        return new RenderedFeed(bytes, kept.Count,
            [.. cut.Where(keptSet.Contains).Order().Select(i => entries[i])],
            [.. leftOut.Select(i => entries[i])],
            entries.Count - kept.Count - leftOut.Count);
    }

    /// <summary>The feed rendered into this thread's buffer: the last one rendered is the one returned.</summary>
    private static ReadOnlyMemory<byte> Fill(IFeedWriter writer, FeedDocument feed) => ThreadBuffer.Fill(output => writer.Write(feed, output));

    /// <summary>The entries worth shortening, those saving the most bytes first; on a tie the older (later in the feed) first.</summary>
    private static IEnumerable<int> ByLargestSaving(List<int> kept, List<long> saving) =>
        kept.Where(i => saving[i] > 0).OrderByDescending(i => saving[i]).ThenByDescending(i => i);
}
