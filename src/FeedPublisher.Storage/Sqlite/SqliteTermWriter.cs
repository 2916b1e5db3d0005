using FeedPublisher.Core.Building;
using FeedPublisher.Core.Model;
using Microsoft.Data.Sqlite;

namespace FeedPublisher.Storage.Sqlite;

/// <summary>
/// Records articles' categories and authors within one transaction. A term's slug is chosen once,
/// when the term first appears, and kept forever, so its feed's URL never moves; a different name
/// that slugs the same gets "-2", "-3"... in order of arrival. The statements run once per article
/// and term are prepared once per transaction, and slugs already known are not asked again.
/// </summary>
internal sealed class SqliteTermWriter : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly SqliteTransaction _transaction;
    private readonly SqliteCommand _deleteLinks;
    private readonly SqliteCommand _insertLink;
    private readonly Dictionary<(TermKind Kind, string Name), string> _slugs = new(new NameComparer());

    public SqliteTermWriter(SqliteConnection connection, SqliteTransaction transaction)
    {
        (_connection, _transaction) = (connection, transaction);
        _deleteLinks = Prepare("DELETE FROM article_terms WHERE article_id = $id", "$id");
        _insertLink = Prepare("INSERT OR IGNORE INTO article_terms (kind, slug, published, article_id) VALUES ($kind, $slug, $published, $id)",
            "$kind", "$slug", "$published", "$id");
    }

    public static string KindName(TermKind kind) => kind == TermKind.Category ? "category" : "author";

    /// <param name="linked">Whether the article may have links already (false for one new to the store: nothing to delete).</param>
    public void Replace(Article article, bool linked = true) =>
        Replace(article.Id, article.Published.ToUnixTimeMilliseconds(), article.Categories, article.Authors, linked);

    public void Replace(string articleId, long published, IReadOnlyList<string> categories, IReadOnlyList<string> authors, bool linked = true)
    {
        if (linked)
        {
            _deleteLinks.Parameters["$id"].Value = articleId;
            _deleteLinks.ExecuteNonQuery();
        }

        foreach (var (kind, names) in new[] { (TermKind.Category, categories), (TermKind.Author, authors) })
        {
            foreach (var name in names)
            {
                if (!_slugs.TryGetValue((kind, name), out var slug))
                {
                    slug = _slugs[(kind, name)] = SlugFor(kind, name);
                }

                _insertLink.Parameters["$kind"].Value = KindName(kind);
                _insertLink.Parameters["$slug"].Value = slug;
                _insertLink.Parameters["$published"].Value = published;
                _insertLink.Parameters["$id"].Value = articleId;
                _insertLink.ExecuteNonQuery();
            }
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

    private SqliteCommand Prepare(string sql, params string[] parameters)
    {
        var command = _connection.CreateCommand();
        command.Transaction = _transaction;
        command.CommandText = sql;
        foreach (var parameter in parameters)
        {
            // No declared type: each value binds as what it is (text, or an integer date).
            command.Parameters.Add(new SqliteParameter { ParameterName = parameter });
        }

        command.Prepare();
        return command;
    }

    /// <summary>Term names compare without case: "Science" and "science" are one category.</summary>
    private sealed class NameComparer : IEqualityComparer<(TermKind Kind, string Name)>
    {
        public bool Equals((TermKind Kind, string Name) x, (TermKind Kind, string Name) y) =>
            x.Kind == y.Kind && string.Equals(x.Name, y.Name, StringComparison.OrdinalIgnoreCase);

        public int GetHashCode((TermKind Kind, string Name) key) => HashCode.Combine(key.Kind, StringComparer.OrdinalIgnoreCase.GetHashCode(key.Name));
    }
}
