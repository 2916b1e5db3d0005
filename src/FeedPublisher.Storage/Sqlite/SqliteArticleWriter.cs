using FeedPublisher.Core.Storing;
using Microsoft.Data.Sqlite;

namespace FeedPublisher.Storage.Sqlite;

/// <summary>The write statements of the SQLite store, run inside the caller's transaction.</summary>
internal static class SqliteArticleWriter
{
    public static async Task UpsertAsync(SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<StoredArticle> saved, CancellationToken cancellationToken)
    {
        if (saved.Count == 0)
        {
            return;
        }

        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            DELETE FROM article_terms WHERE article_id IN (SELECT id FROM articles WHERE source_path = $source_path AND id <> $id);
            DELETE FROM articles WHERE source_path = $source_path AND id <> $id;
            INSERT INTO articles (id, source_path, file_length, file_mtime, content_hash, title, path, published, updated,
                                  summary, content_html, authors, categories, sources, url, origin_name, origin_url, language, image, body_pending, seq)
            VALUES ($id, $source_path, $file_length, $file_mtime, $content_hash, $title, $path, $published, $updated,
                    $summary, $content_html, $authors, $categories, $sources, $url, $origin_name, $origin_url, $language, $image, $body_pending,
                    (SELECT coalesce(max(seq), 0) + 1 FROM articles))
            ON CONFLICT (id) DO UPDATE SET
                source_path = excluded.source_path, file_length = excluded.file_length, file_mtime = excluded.file_mtime,
                content_hash = excluded.content_hash, title = excluded.title, path = excluded.path,
                published = excluded.published, updated = excluded.updated, summary = excluded.summary,
                content_html = excluded.content_html, authors = excluded.authors, categories = excluded.categories,
                sources = excluded.sources, url = excluded.url, origin_name = excluded.origin_name,
                origin_url = excluded.origin_url, language = excluded.language, image = excluded.image,
                body_pending = excluded.body_pending
            """;
        using var terms = new SqliteTermWriter(connection, transaction);
        foreach (var (article, file) in saved)
        {
            // Same command text every row: Microsoft.Data.Sqlite keeps the statements prepared. The
            // DELETE frees the file's path when its article's id changed (an edited front-matter id).
            var p = command.Parameters;
            p.Clear();
            p.AddWithValue("$id", article.Id);
            p.AddWithValue("$source_path", file.RelativePath);
            p.AddWithValue("$file_length", file.Length);
            p.AddWithValue("$file_mtime", file.LastWriteTime.UtcTicks);
            p.AddWithValue("$content_hash", file.ContentHash);
            p.AddWithValue("$title", article.Title);
            p.AddWithValue("$path", article.Path);
            p.AddWithValue("$published", article.Published.ToUnixTimeMilliseconds());
            p.AddWithValue("$updated", article.Updated.ToUnixTimeMilliseconds());
            p.AddWithValue("$summary", article.Summary);
            p.AddWithValue("$content_html", article.ContentHtml);
            p.AddWithValue("$authors", StoredJson.WriteNames(article.Authors));
            p.AddWithValue("$categories", StoredJson.WriteNames(article.Categories));
            p.AddWithValue("$sources", StoredJson.WriteSources(article.Sources));
            p.AddWithValue("$url", (object?)article.Url?.AbsoluteUri ?? DBNull.Value);
            p.AddWithValue("$origin_name", (object?)article.Origin?.Name ?? DBNull.Value);
            p.AddWithValue("$origin_url", (object?)article.Origin?.Url.AbsoluteUri ?? DBNull.Value);
            p.AddWithValue("$language", (object?)article.Language ?? DBNull.Value);
            p.AddWithValue("$image", (object?)article.Image?.AbsoluteUri ?? DBNull.Value);
            p.AddWithValue("$body_pending", article.Pending is null ? 0 : 1);
            await command.ExecuteNonQueryAsync(cancellationToken);
            terms.Replace(article);
        }
    }

    /// <summary>Bodies rendered after ingest, kept only for the file version they came from.</summary>
    public static async Task SaveBodiesAsync(SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<RenderedBody> bodies, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            UPDATE articles SET summary = $summary, content_html = $content_html, sources = $sources, body_pending = 0
            WHERE id = $id AND content_hash = $content_hash AND body_pending = 1
            """;
        foreach (var body in bodies)
        {
            var p = command.Parameters;
            p.Clear();
            p.AddWithValue("$id", body.Id);
            p.AddWithValue("$content_hash", body.ContentHash);
            p.AddWithValue("$summary", body.Summary);
            p.AddWithValue("$content_html", body.ContentHtml);
            p.AddWithValue("$sources", StoredJson.WriteSources(body.Sources));
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
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

    public static async Task RemoveAsync(SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<string> removedPaths, CancellationToken cancellationToken)
    {
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
}
