using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace FeedPublisher.Core.Publishing;

/// <summary>
/// What the byte budget did to the entries of a publish's feed files, gathered while the files
/// render (on several threads) and told once at the end: one warning per feed and article, naming
/// the formats, rather than one per file.
/// </summary>
public sealed class BudgetNotes
{
    private readonly ConcurrentBag<(string Feed, string Format, string Id, string Title, bool LeftOut)> _notes = [];
    private readonly ConcurrentBag<(string Path, int Bytes)> _overBudget = [];

    /// <param name="feed">The feed's folder ("" for the main feed, "archive/3" for an archive page).</param>
    public void Add(string feed, string fileName, RenderedFeed rendered, long maxBytes)
    {
        foreach (var entry in rendered.Shortened)
        {
            _notes.Add((feed, fileName, entry.Article.Id, entry.Article.Title, false));
        }

        foreach (var entry in rendered.LeftOut)
        {
            _notes.Add((feed, fileName, entry.Article.Id, entry.Article.Title, true));
        }

        if (rendered.Bytes.Length > maxBytes)
        {
            _overBudget.Add((feed.Length == 0 ? fileName : $"{feed}/{fileName}", rendered.Bytes.Length));
        }
    }

    public void Log(ILogger logger, long maxBytes)
    {
        var groups = _notes.GroupBy(n => (n.Feed, n.Id, n.Title, n.LeftOut))
            .OrderBy(g => g.Key.Feed, StringComparer.Ordinal).ThenBy(g => g.Key.Id, StringComparer.Ordinal).ThenBy(g => g.Key.LeftOut);
        foreach (var group in groups)
        {
            var feed = group.Key.Feed.Length == 0 ? "main feed" : group.Key.Feed;
            var formats = string.Join(", ", group.Select(n => n.Format).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
            if (group.Key.LeftOut)
            {
                PublishLog.LeftOut(logger, feed, group.Key.Title, group.Key.Id, maxBytes, formats);
            }
            else
            {
                PublishLog.Shortened(logger, feed, group.Key.Title, group.Key.Id, maxBytes, formats);
            }
        }

        foreach (var (path, bytes) in _overBudget.OrderBy(o => o.Path, StringComparer.Ordinal))
        {
            PublishLog.OverBudget(logger, path, bytes, maxBytes);
        }
    }
}
