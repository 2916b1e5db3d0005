namespace FeedPublisher.Core.Ingesting;

/// <summary>
/// The article files a watcher saw change since the last ingest, so that ingest can look at those
/// alone instead of walking the whole folder. Without a watcher tracking, or when the watcher
/// cannot tell exactly (at start, after lost events, a folder moved, a scheduled catch-up), the
/// answer is "everything" and ingest walks the folder.
/// </summary>
public sealed class ChangedArticles
{
    private readonly Lock _lock = new();
    private HashSet<string> _paths = new(StringComparer.Ordinal);
    private bool _everything = true;
    private bool _tracking;

    /// <summary>
    /// A watcher is on from now on: after one more walk (for what changed before it started), the
    /// changes it reports are all there is to look at.
    /// </summary>
    public void StartTracking()
    {
        lock (_lock)
        {
            (_tracking, _everything) = (true, true);
        }
    }

    /// <param name="relativePath">'/'-separated, relative to the articles folder.</param>
    public void Add(string relativePath)
    {
        lock (_lock)
        {
            _paths.Add(relativePath);
        }
    }

    public void AddEverything()
    {
        lock (_lock)
        {
            _everything = true;
        }
    }

    /// <summary>What changed since the last call; null for "walk everything".</summary>
    public IReadOnlyCollection<string>? Take()
    {
        lock (_lock)
        {
            var everything = _everything || !_tracking;
            var paths = _paths;
            (_paths, _everything) = (new HashSet<string>(StringComparer.Ordinal), false);
            return everything ? null : paths;
        }
    }

    /// <summary>Gives back what <see cref="Take"/> returned, for an ingest that did not finish.</summary>
    public void Restore(IReadOnlyCollection<string>? taken)
    {
        if (taken is null)
        {
            AddEverything();
            return;
        }

        lock (_lock)
        {
            _paths.UnionWith(taken);
        }
    }
}
