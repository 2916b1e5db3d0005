using FeedPublisher.Core.Building;
using FeedPublisher.Core.Model;
using Microsoft.Data.Sqlite;

namespace FeedPublisher.Storage.Sqlite;

/// <summary>
/// Records an article's categories and authors. A term's slug is chosen once, when the term first
/// appears, and kept forever, so its feed's URL never moves; a different name that slugs the same
/// gets "-2", "-3"... in order of arrival.
/// </summary>
internal static class SqliteTermWriter
{
    /// <summary>Slugs already looked up in this transaction: a batch of articles shares few terms.</summary>
    internal sealed class SlugCache() : Dictionary<(TermKind Kind, string Name), string>(new NameComparer());

    private sealed class NameComparer : IEqualityComparer<(TermKind Kind, string Name)>
    {
        public bool Equals((TermKind Kind, string Name) x, (TermKind Kind, string Name) y) =>
            x.Kind == y.Kind && string.Equals(x.Name, y.Name, StringComparison.OrdinalIgnoreCase);

        public int GetHashCode((TermKind Kind, string Name) key) => HashCode.Combine(key.Kind, StringComparer.OrdinalIgnoreCase.GetHashCode(key.Name));
    }

    public static string KindName(TermKind kind) => kind == TermKind.Category ? "category" : "author";

    public static Task ReplaceAsync(SqliteConnection connection, SqliteTransaction transaction, Article article, SlugCache slugs, CancellationToken cancellationToken) =>
        ReplaceAsync(connection, transaction, article.Id, article.Published.ToUnixTimeMilliseconds(), article.Categories, article.Authors, slugs, cancellationToken);

    public static async Task ReplaceAsync(
        SqliteConnection connection, SqliteTransaction transaction, string articleId, long published,
        IReadOnlyList<string> categories, IReadOnlyList<string> authors, SlugCache slugs, CancellationToken cancellationToken)
    {
        await ExecuteAsync(connection, transaction, "DELETE FROM article_terms WHERE article_id = $id", cancellationToken, ("$id", articleId));
        foreach (var (kind, names) in new[] { (TermKind.Category, categories), (TermKind.Author, authors) })
        {
            foreach (var name in names)
            {
                if (!slugs.TryGetValue((kind, name), out var slug))
                {
                    slug = await SlugForAsync(connection, transaction, kind, name, cancellationToken);
                    slugs[(kind, name)] = slug;
                }

                await ExecuteAsync(connection, transaction,
                    "INSERT OR IGNORE INTO article_terms (kind, slug, published, article_id) VALUES ($kind, $slug, $published, $id)",
                    cancellationToken, ("$kind", KindName(kind)), ("$slug", slug), ("$published", published), ("$id", articleId));
            }
        }
    }

    private static async Task<string> SlugForAsync(SqliteConnection connection, SqliteTransaction transaction, TermKind kind, string name, CancellationToken cancellationToken)
    {
        if (await ScalarAsync(connection, transaction, "SELECT slug FROM terms WHERE kind = $kind AND name = $name", cancellationToken,
                ("$kind", KindName(kind)), ("$name", name)) is string known)
        {
            return known;
        }

        var slug = Slug.From(name);
        for (var n = 2; await ScalarAsync(connection, transaction, "SELECT 1 FROM terms WHERE kind = $kind AND slug = $slug", cancellationToken,
                 ("$kind", KindName(kind)), ("$slug", slug)) is not null; n++)
        {
            slug = $"{Slug.From(name)}-{n}";
        }

        await ExecuteAsync(connection, transaction, "INSERT INTO terms (kind, name, slug) VALUES ($kind, $name, $slug)", cancellationToken,
            ("$kind", KindName(kind)), ("$name", name), ("$slug", slug));
        return slug;
    }

    internal static async Task ExecuteAsync(SqliteConnection connection, SqliteTransaction transaction, string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var command = Command(connection, transaction, sql, parameters);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<object?> ScalarAsync(SqliteConnection connection, SqliteTransaction transaction, string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var command = Command(connection, transaction, sql, parameters);
        return await command.ExecuteScalarAsync(cancellationToken);
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string sql, (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command;
    }
}
