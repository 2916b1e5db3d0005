using FeedPublisher.Core.Building;
using FeedPublisher.Core.Model;
using Microsoft.Data.Sqlite;

namespace FeedPublisher.Storage.Sqlite;

/// <summary>
/// Records articles' categories and authors within one transaction. A term's slug is chosen once,
/// when the term first appears, and kept forever, so its feed's URL never moves; a different name
/// that slugs the same gets "-2", "-3"... in order of arrival. The statements run once per article
/// and term are prepared once per transaction, and slugs already known are not asked again.
/// With <c>deferLinks</c> (a bulk load whose link index was dropped), the links of articles new to
/// the store are kept in memory and written by <see cref="Flush"/> in key order: appended to the
/// table instead of inserted at random places, which was most of a cold ingest's store time.
/// </summary>
internal sealed class SqliteTermWriter : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly SqliteTransaction _transaction;
    private readonly SqliteStatement _deleteLinks;
    private readonly SqliteStatement _insertLink;
    private readonly Dictionary<(TermKind Kind, string Name), string> _slugs = new(new NameComparer());
    private readonly DeferredTermLinks? _deferred;

    public SqliteTermWriter(SqliteConnection connection, SqliteTransaction transaction, bool deferLinks = false)
    {
        (_connection, _transaction) = (connection, transaction);
        _deleteLinks = new SqliteStatement(connection, "DELETE FROM article_terms WHERE article_id = ?1");
        _insertLink = new SqliteStatement(connection, "INSERT OR IGNORE INTO article_terms (kind, slug, published, article_id) VALUES (?1, ?2, ?3, ?4)");
        _deferred = deferLinks ? new DeferredTermLinks() : null;
    }

    public static string KindName(TermKind kind) => kind == TermKind.Category ? "category" : "author";

    /// <param name="linked">Whether the article may have links already (false for one new to the store: nothing to delete).</param>
    public void Replace(Article article, bool linked = true) =>
        Replace(article.Id, article.Published.ToUnixTimeMilliseconds(), article.Categories, article.Authors, linked);

    public void Replace(string articleId, long published, IReadOnlyList<string> categories, IReadOnlyList<string> authors, bool linked = true)
    {
        if (linked)
        {
            Flush(); // a deferred link of this article must not outlive the delete
            _deleteLinks.Bind(1, articleId).Execute();
        }

        foreach (var (kind, names) in new[] { (TermKind.Category, categories), (TermKind.Author, authors) })
        {
            foreach (var name in names)
            {
                if (!_slugs.TryGetValue((kind, name), out var slug))
                {
                    slug = _slugs[(kind, name)] = SlugFor(kind, name);
                }

                if (_deferred is not null && !linked)
                {
                    _deferred.Add(KindName(kind), slug, published, articleId);
                }
                else
                {
                    _insertLink.Bind(1, KindName(kind)).Bind(2, slug).Bind(3, published).Bind(4, articleId).Execute();
                }
            }
        }
    }

    /// <summary>Writes the deferred links, in the order of the table's key. Needed before anything deletes links, and at the end.</summary>
    public void Flush()
    {
        if (_deferred is { IsEmpty: false })
        {
            _deferred.WriteTo(_insertLink);
        }
    }

    public void Dispose()
    {
        _deleteLinks.Dispose();
        _insertLink.Dispose();
    }

    internal static async Task ExecuteAsync(SqliteConnection connection, SqliteTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private string SlugFor(TermKind kind, string name)
    {
        if (Scalar("SELECT slug FROM terms WHERE kind = $kind AND name = $name", ("$kind", KindName(kind)), ("$name", name)) is string known)
        {
            return known;
        }

        var slug = Slug.From(name);
        for (var n = 2; Scalar("SELECT 1 FROM terms WHERE kind = $kind AND slug = $slug", ("$kind", KindName(kind)), ("$slug", slug)) is not null; n++)
        {
            slug = $"{Slug.From(name)}-{n}";
        }

        Scalar("INSERT INTO terms (kind, name, slug) VALUES ($kind, $name, $slug)", ("$kind", KindName(kind)), ("$name", name), ("$slug", slug));
        return slug;
    }

    private object? Scalar(string sql, params (string Name, object Value)[] parameters)
    {
        using var command = _connection.CreateCommand();
        command.Transaction = _transaction;
        command.CommandText = sql;
        foreach (var (parameter, value) in parameters)
        {
            command.Parameters.AddWithValue(parameter, value);
        }

        return command.ExecuteScalar();
    }

    /// <summary>Term names compare without case: "Science" and "science" are one category.</summary>
    private sealed class NameComparer : IEqualityComparer<(TermKind Kind, string Name)>
    {
        public bool Equals((TermKind Kind, string Name) x, (TermKind Kind, string Name) y) =>
            x.Kind == y.Kind && string.Equals(x.Name, y.Name, StringComparison.OrdinalIgnoreCase);

        public int GetHashCode((TermKind Kind, string Name) key) => HashCode.Combine(key.Kind, StringComparer.OrdinalIgnoreCase.GetHashCode(key.Name));
    }
}
