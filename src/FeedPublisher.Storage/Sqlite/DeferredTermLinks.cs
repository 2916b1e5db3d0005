namespace FeedPublisher.Storage.Sqlite;

/// <summary>
/// Term links held back during a bulk load and written at its end in the order of the table's key
/// (kind, slug, published, article_id), so each one is appended instead of inserted at a random
/// place. Grouped by term as they come: each group is sorted on its own and written with the
/// term bound once (SQLite keeps a statement's bindings from one row to the next).
/// </summary>
internal sealed class DeferredTermLinks
{
    private readonly Dictionary<(string Kind, string Slug), List<(long Published, string ArticleId)>> _byTerm = [];

    public bool IsEmpty => _byTerm.Count == 0;

    public void Add(string kind, string slug, long published, string articleId)
    {
        if (!_byTerm.TryGetValue((kind, slug), out var links))
        {
            _byTerm[(kind, slug)] = links = [];
        }

        links.Add((published, articleId));
    }

    /// <summary>Writes every link with <paramref name="insert"/> (parameters: kind, slug, published, article id) and forgets them.</summary>
    public void WriteTo(SqliteStatement insert)
    {
        // Ordinal UTF-16 order is not SQLite's byte order for every character, but only the speed
        // depends on the order, never the result.
        foreach (var ((kind, slug), links) in _byTerm.OrderBy(t => t.Key.Kind, StringComparer.Ordinal).ThenBy(t => t.Key.Slug, StringComparer.Ordinal))
        {
            links.Sort(static (x, y) => x.Published != y.Published ? x.Published.CompareTo(y.Published) : string.CompareOrdinal(x.ArticleId, y.ArticleId));
            insert.Bind(1, kind).Bind(2, slug);
            foreach (var (published, articleId) in links)
            {
                insert.Bind(3, published).Bind(4, articleId).Execute();
            }
        }

        _byTerm.Clear();
    }
}
