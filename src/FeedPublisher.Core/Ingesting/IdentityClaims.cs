using FeedPublisher.Core.Model;
using FeedPublisher.Core.Storing;

namespace FeedPublisher.Core.Ingesting;

/// <summary>
/// Which file owns which article id during one ingest. A file that already holds an id in the
/// store keeps it; another file claiming it is rejected, naming both. A file renamed with an
/// explicit id takes its identity along, and with it the first publication date.
/// </summary>
internal sealed class IdentityClaims
{
    private readonly Dictionary<string, string> _owners = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _idOfPath = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _firstPublished = new(StringComparer.Ordinal);

    public IdentityClaims(IEnumerable<KnownFile> known, IEnumerable<string> existingPaths)
    {
        var existing = existingPaths.ToHashSet(StringComparer.Ordinal);
        foreach (var file in known)
        {
            _firstPublished[file.ArticleId] = file.Published;
            if (existing.Contains(file.File.RelativePath))
            {
                _owners[file.ArticleId] = file.File.RelativePath;
                _idOfPath[file.File.RelativePath] = file.ArticleId;
            }
        }
    }

    public void Claim(string id, string relativePath)
    {
        if (_owners.TryGetValue(id, out var owner) && owner != relativePath)
        {
            throw new ArticleRejectedException($"its id '{id}' is already the id of {FeedItemPaths.Describe(owner)}");
        }

        // The file's previous id, if it changed, is free again.
        if (_idOfPath.TryGetValue(relativePath, out var previous) && previous != id && _owners.GetValueOrDefault(previous) == relativePath)
        {
            _owners.Remove(previous);
        }

        _owners[id] = relativePath;
        _idOfPath[relativePath] = id;
    }

    /// <summary>The article stored at <paramref name="relativePath"/> leaves: its id is free for another file.</summary>
    public void Release(string relativePath)
    {
        if (_idOfPath.Remove(relativePath, out var id) && _owners.GetValueOrDefault(id) == relativePath)
        {
            _owners.Remove(id);
        }
    }

    public DateTimeOffset? FirstPublished(string id) => _firstPublished.TryGetValue(id, out var date) ? date : null;
}
