using System.Globalization;
using FeedPublisher.Core.Storing;
using Microsoft.Data.Sqlite;

namespace FeedPublisher.Storage.Sqlite;

/// <summary>The write statements of the SQLite store, run inside the caller's transaction.</summary>
internal static class SqliteArticleWriter
{
    /// <summary>
    /// New rows get the next numbers of seq in the order they come; a row already stored keeps its
    /// own (seq is not in the DO UPDATE list), so the number bound for it is never used.
    /// </summary>
    private const string Upsert = $"""
        INSERT INTO articles (id, source_path, file_length, file_mtime, content_hash, title, path, published, updated,
                              summary, content_html, authors, categories, sources, url, origin_name, origin_url, language, image, seq, derived_with, author_urls, expires, attachments, changed_in)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, {StoredRows.VersionOfThisWrite})
        ON CONFLICT (id) DO UPDATE SET
            {StoredRows.UpdateOnConflict}
        """;

    /// <summary>One <see cref="StoreChanges"/>, counted in the store's version when it saves or removes articles.</summary>
    public static async Task ApplyAsync(SqliteConnection connection, SqliteTransaction transaction, SqliteTermWriter terms, StoreChanges changes, CancellationToken cancellationToken)
    {
        await RemoveAsync(connection, transaction, terms, changes.RemovedPaths, cancellationToken);
        await UpsertAsync(connection, transaction, terms, changes.Saved, cancellationToken);
        await TouchAsync(connection, transaction, changes.Touched, cancellationToken);
        if (changes.Saved.Count > 0 || changes.RemovedPaths.Count > 0)
        {
            await SqliteTermWriter.ExecuteAsync(connection, transaction, "UPDATE store_meta SET value = value + 1 WHERE key = 'version'", cancellationToken);
        }
    }

    public static async Task UpsertAsync(SqliteConnection connection, SqliteTransaction transaction, SqliteTermWriter terms, IReadOnlyList<StoredArticle> saved, CancellationToken cancellationToken)
    {
        if (saved.Count == 0)
        {
            return;
        }

        var stored = await RemoveReplacedAsync(connection, transaction, terms, saved, cancellationToken);
        // The last seq once per batch (after the replaced rows left, as the per-row subquery saw it);
        // a row is new unless the store held its id or the batch already inserted it.
        var seq = Convert.ToInt64(await ScalarAsync(connection, transaction, "SELECT coalesce(max(seq), 0) FROM articles", cancellationToken), CultureInfo.InvariantCulture);
        var inserted = new HashSet<string>(StringComparer.Ordinal);
        using var upsert = new SqliteStatement(connection, Upsert);
        foreach (var (article, file) in saved)
        {
            var known = stored.Contains(article.Id);
            var isNew = !known && inserted.Add(article.Id);
            upsert.Bind(1, article.Id).Bind(2, file.RelativePath).Bind(3, file.Length).Bind(4, file.LastWriteTime.UtcTicks).Bind(5, file.ContentHash)
                .Bind(6, article.Title).Bind(7, article.Path).Bind(8, article.Published.ToUnixTimeMilliseconds()).Bind(9, article.Updated.ToUnixTimeMilliseconds())
                .Bind(10, article.Summary).Bind(11, article.ContentHtml).Bind(12, StoredJson.WriteNames(article.Authors)).Bind(13, StoredJson.WriteNames(article.Categories))
                .Bind(14, StoredJson.WriteSources(article.Sources)).Bind(15, article.Url?.AbsoluteUri).Bind(16, article.Origin?.Name).Bind(17, article.Origin?.Url.AbsoluteUri)
                .Bind(18, article.Language).Bind(19, article.Image?.AbsoluteUri).Bind(20, isNew ? ++seq : 0)
                .Bind(21, article.DerivedWith).Bind(22, StoredJson.WriteAuthorUrls(article.Authors, article.AuthorUrls))
                .Bind(23, article.Expires?.ToUnixTimeMilliseconds()).Bind(24, StoredJson.WriteAttachments(article.Attachments)).Execute();
            terms.Replace(article, linked: known);
        }
    }

    /// <summary>
    /// Frees the paths of files whose article id changed (an edited front-matter id): the article
    /// the path held before leaves. One look-up for the whole batch; a delete only where needed.
    /// </summary>
    /// <returns>The ids of the batch that the store already holds (their term links are replaced, not just added).</returns>
    private static async Task<HashSet<string>> RemoveReplacedAsync(SqliteConnection connection, SqliteTransaction transaction, SqliteTermWriter terms, IReadOnlyList<StoredArticle> saved, CancellationToken cancellationToken)
    {
        var idOfPath = saved.ToDictionary(s => s.File.RelativePath, s => s.Article.Id, StringComparer.Ordinal);
        await using var find = connection.CreateCommand();
        find.Transaction = transaction;
        find.CommandText = """
            SELECT source_path, id FROM articles WHERE source_path IN (SELECT value FROM json_each($paths))
            UNION SELECT source_path, id FROM articles WHERE id IN (SELECT value FROM json_each($ids))
            """;
        find.Parameters.AddWithValue("$paths", StoredJson.WriteNames([.. idOfPath.Keys]));
        find.Parameters.AddWithValue("$ids", StoredJson.WriteNames([.. idOfPath.Values]));
        var replaced = new List<string>();
        var stored = new HashSet<string>(StringComparer.Ordinal);
        await using (var reader = await find.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var (path, storedId) = (reader.GetString(0), reader.GetString(1));
                if (idOfPath.TryGetValue(path, out var newId) && newId != storedId)
                {
                    replaced.Add(storedId);
                }
                else
                {
                    stored.Add(storedId);
                }
            }
        }

        if (replaced.Count > 0)
        {
            terms.Flush(); // deferred links of the replaced articles are deleted with the others
        }

        await using var delete = connection.CreateCommand();
        delete.Transaction = transaction;
        delete.CommandText = "DELETE FROM article_terms WHERE article_id = $id; DELETE FROM articles WHERE id = $id;";
        var id = delete.Parameters.Add("$id", SqliteType.Text);
        foreach (var old in replaced)
        {
            id.Value = old;
            await delete.ExecuteNonQueryAsync(cancellationToken);
        }

        stored.ExceptWith(replaced);
        return stored;
    }

    public static async Task TouchAsync(SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<ArticleFile> touched, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "UPDATE articles SET file_length = $length, file_mtime = $mtime WHERE source_path = $path";
        var path = command.Parameters.Add("$path", SqliteType.Text);
        var length = command.Parameters.Add("$length", SqliteType.Integer);
        var mtime = command.Parameters.Add("$mtime", SqliteType.Integer);
        foreach (var file in touched)
        {
            (path.Value, length.Value, mtime.Value) = (file.RelativePath, file.Length, file.LastWriteTime.UtcTicks);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    public static async Task RemoveAsync(SqliteConnection connection, SqliteTransaction transaction, SqliteTermWriter terms, IReadOnlyList<string> removedPaths, CancellationToken cancellationToken)
    {
        if (removedPaths.Count > 0)
        {
            terms.Flush(); // deferred links of the removed articles are deleted with the others
        }

        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            DELETE FROM article_terms WHERE article_id IN (SELECT id FROM articles WHERE source_path = $path);
            DELETE FROM articles WHERE source_path = $path;
            """;
        var path = command.Parameters.Add("$path", SqliteType.Text);
        foreach (var removed in removedPaths)
        {
            path.Value = removed;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static async Task<object?> ScalarAsync(SqliteConnection connection, SqliteTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(cancellationToken);
    }
}
