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
            INSERT INTO articles (id, source_path, file_length, file_mtime, content_hash, title, path, published, updated,
                                  summary, content_html, authors, categories, sources)
            VALUES ($id, $source_path, $file_length, $file_mtime, $content_hash, $title, $path, $published, $updated,
                    $summary, $content_html, $authors, $categories, $sources)
            ON CONFLICT (id) DO UPDATE SET
                source_path = excluded.source_path, file_length = excluded.file_length, file_mtime = excluded.file_mtime,
                content_hash = excluded.content_hash, title = excluded.title, path = excluded.path,
                published = excluded.published, updated = excluded.updated, summary = excluded.summary,
                content_html = excluded.content_html, authors = excluded.authors, categories = excluded.categories,
                sources = excluded.sources
            """;
        foreach (var (article, file) in saved)
        {
            // Same command text every row: Microsoft.Data.Sqlite keeps the statement prepared.
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
        command.CommandText = "DELETE FROM articles WHERE source_path = $path";
        var path = command.Parameters.Add("$path", SqliteType.Text);
        foreach (var removed in removedPaths)
        {
            path.Value = removed;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
