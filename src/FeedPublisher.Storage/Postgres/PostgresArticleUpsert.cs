using FeedPublisher.Core.Storing;
using Npgsql;

namespace FeedPublisher.Storage.Postgres;

/// <summary>
/// Inserts or updates a batch of articles in one statement, keyed by article id, so applying the
/// same changes twice (two nodes ingesting the same files) leaves one row per article.
/// </summary>
internal static class PostgresArticleUpsert
{
    // A new article takes the next number of the archive order (seq), in order of arrival; a known
    // one keeps its own, since ON CONFLICT leaves seq alone. max(seq) is safe to read here only
    // because the writers' lock lets one transaction write at a time.
    private const string Sql = $"""
        WITH input AS (
            SELECT * FROM unnest(@id, @source_path, @file_length, @file_mtime, @content_hash, @title, @path, @published, @updated,
                                 @summary, @content_html, @authors, @categories, @sources, @url, @origin_name, @origin_url, @language, @image, @derived_with, @author_urls, @expires, @attachments)
                WITH ORDINALITY AS i (id, source_path, file_length, file_mtime, content_hash, title, path, published, updated,
                                      summary, content_html, authors, categories, sources, url, origin_name, origin_url, language, image, derived_with, author_urls, expires, attachments, arrival)
        )
        INSERT INTO articles (id, source_path, file_length, file_mtime, content_hash, title, path, published, updated,
                              summary, content_html, authors, categories, sources, url, origin_name, origin_url, language, image, derived_with, author_urls, expires, attachments, seq, changed_in)
        SELECT i.id, i.source_path, i.file_length, i.file_mtime, i.content_hash, i.title, i.path, i.published, i.updated,
               i.summary, i.content_html, i.authors, i.categories, i.sources, i.url, i.origin_name, i.origin_url, i.language, i.image, i.derived_with, i.author_urls, i.expires, i.attachments,
               coalesce(known.seq, (SELECT coalesce(max(seq), 0) FROM articles)
                                   + row_number() OVER (PARTITION BY known.seq IS NULL ORDER BY i.arrival)),
               {StoredRows.VersionOfThisWrite}
        FROM input i LEFT JOIN articles known ON known.id = i.id
        ON CONFLICT (id) DO UPDATE SET
            {StoredRows.UpdateOnConflict}
        """;

    public static NpgsqlBatchCommand Command(StoredArticle[] batch) => new(Sql)
    {
        Parameters =
        {
            Texts("id", batch, s => s.Article.Id),
            Texts("source_path", batch, s => s.File.RelativePath),
            Numbers("file_length", batch, s => s.File.Length),
            Numbers("file_mtime", batch, s => s.File.LastWriteTime.UtcTicks),
            Texts("content_hash", batch, s => s.File.ContentHash),
            Texts("title", batch, s => s.Article.Title),
            Texts("path", batch, s => s.Article.Path),
            Numbers("published", batch, s => s.Article.Published.ToUnixTimeMilliseconds()),
            Numbers("updated", batch, s => s.Article.Updated.ToUnixTimeMilliseconds()),
            Texts("summary", batch, s => s.Article.Summary),
            Texts("content_html", batch, s => s.Article.ContentHtml),
            Texts("authors", batch, s => StoredJson.WriteNames(s.Article.Authors)),
            Texts("categories", batch, s => StoredJson.WriteNames(s.Article.Categories)),
            Texts("sources", batch, s => StoredJson.WriteSources(s.Article.Sources)),
            Texts("url", batch, s => s.Article.Url?.AbsoluteUri),
            Texts("origin_name", batch, s => s.Article.Origin?.Name),
            Texts("origin_url", batch, s => s.Article.Origin?.Url.AbsoluteUri),
            Texts("language", batch, s => s.Article.Language),
            Texts("image", batch, s => s.Article.Image?.AbsoluteUri),
            Texts("derived_with", batch, s => s.Article.DerivedWith),
            Texts("author_urls", batch, s => StoredJson.WriteAuthorUrls(s.Article.Authors, s.Article.AuthorUrls)),
            new NpgsqlParameter<long?[]>("expires", [.. batch.Select(s => s.Article.Expires?.ToUnixTimeMilliseconds())]),
            Texts("attachments", batch, s => StoredJson.WriteAttachments(s.Article.Attachments)),
        },
    };

    private static NpgsqlParameter<string?[]> Texts(string name, StoredArticle[] batch, Func<StoredArticle, string?> value) =>
        new(name, [.. batch.Select(value)]);

    private static NpgsqlParameter<long[]> Numbers(string name, StoredArticle[] batch, Func<StoredArticle, long> value) =>
        new(name, [.. batch.Select(value)]);
}
