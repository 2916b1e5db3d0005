using FeedPublisher.Core.Storing;
using Microsoft.Data.Sqlite;

namespace FeedPublisher.Storage.Sqlite;

/// <summary>The write statements of the SQLite store, run inside the caller's transaction.</summary>
internal static class SqliteArticleWriter
{
    private static readonly string[] ArticleParameters =
    [
        "$id", "$source_path", "$file_length", "$file_mtime", "$content_hash", "$title", "$path", "$published", "$updated", "$summary",
        "$content_html", "$authors", "$categories", "$sources", "$url", "$origin_name", "$origin_url", "$language", "$image", "$body_pending",
    ];

    public static async Task UpsertAsync(SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<StoredArticle> saved, CancellationToken cancellationToken)
    {
        if (saved.Count == 0)
        {
            return;
        }

        var stored = await RemoveReplacedAsync(connection, transaction, saved, cancellationToken);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
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
        // Parameters made once and the statement prepared once: per row only the values change.
        var p = ArticleParameters.Select(name => command.Parameters.Add(new SqliteParameter { ParameterName = name })).ToArray();
        command.Prepare();
        using var terms = new SqliteTermWriter(connection, transaction);
        foreach (var (article, file) in saved)
        {
            p[0].Value = article.Id;
            p[1].Value = file.RelativePath;
            p[2].Value = file.Length;
            p[3].Value = file.LastWriteTime.UtcTicks;
            p[4].Value = file.ContentHash;
            p[5].Value = article.Title;
            p[6].Value = article.Path;
            p[7].Value = article.Published.ToUnixTimeMilliseconds();
            p[8].Value = article.Updated.ToUnixTimeMilliseconds();
            p[9].Value = article.Summary;
            p[10].Value = article.ContentHtml;
            p[11].Value = StoredJson.WriteNames(article.Authors);
            p[12].Value = StoredJson.WriteNames(article.Categories);
            p[13].Value = StoredJson.WriteSources(article.Sources);
            p[14].Value = (object?)article.Url?.AbsoluteUri ?? DBNull.Value;
            p[15].Value = (object?)article.Origin?.Name ?? DBNull.Value;
            p[16].Value = (object?)article.Origin?.Url.AbsoluteUri ?? DBNull.Value;
            p[17].Value = (object?)article.Language ?? DBNull.Value;
            p[18].Value = (object?)article.Image?.AbsoluteUri ?? DBNull.Value;
            p[19].Value = article.Pending is null ? 0 : 1;
            await command.ExecuteNonQueryAsync(cancellationToken);
            terms.Replace(article, linked: stored.Contains(article.Id));
        }
    }

    /// <summary>
    /// Frees the paths of files whose article id changed (an edited front-matter id): the article
    /// the path held before leaves. One look-up for the whole batch; a delete only where needed.
    /// </summary>
    /// <returns>The ids of the batch that the store already holds (their term links are replaced, not just added).</returns>
    private static async Task<HashSet<string>> RemoveReplacedAsync(SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<StoredArticle> saved, CancellationToken cancellationToken)
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
