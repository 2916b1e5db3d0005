using FeedPublisher.Core.Model;
using Npgsql;
using NpgsqlTypes;

namespace FeedPublisher.Storage.Postgres;

/// <summary>
/// The SELECTs of the feeds and the archive. Each feed's is written to read one index range in feed
/// order, so that LIMIT stops the scan early: the main feed walks articles_by_published, a
/// category's or author's feed walks its own range of article_terms_by_feed.
/// </summary>
internal static class PostgresArticleQueries
{
    /// <summary>
    /// Every archive page's size and fingerprint (parameters @size and @now), read off articles_by_seq
    /// alone. Pages are cut from every stored article, so that one coming due never moves the others
    /// to another page; size and fingerprint count the due ones. The sums are numeric in PostgreSQL;
    /// they fit a bigint as they do in SQLite.
    /// </summary>
    public static readonly string ArchivePages = $"""
        SELECT (seq - 1) / @size + 1 AS page, count(*) FILTER (WHERE due), coalesce(sum(updated) FILTER (WHERE due), 0)::bigint,
               coalesce(sum(seq) FILTER (WHERE due), 0)::bigint, (SELECT max(seq) FROM articles)
        FROM (SELECT seq, updated, {StoredRows.Due("articles")} AS due FROM articles) d GROUP BY page ORDER BY page
        """;

    /// <summary>The articles of one archive page, a range of articles_by_seq (parameters @first and @last).</summary>
    public static readonly string ArchivePage = $"SELECT {StoredRows.ArticleColumns} FROM articles WHERE seq > @first AND seq <= @last AND {StoredRows.Due("articles")} ORDER BY published DESC, id";

    /// <summary>Articles with a page of their own after @after in the store's order (parameters @after, @count, @now).</summary>
    public static readonly string PageVersions = $"SELECT {StoredRows.PageVersionColumns} FROM articles WHERE seq > @after AND url IS NULL AND {StoredRows.Due("articles")} ORDER BY seq LIMIT @count";

    /// <param name="now">The cut-off (Unix ms): only articles due then (<see cref="StoredRows.Due"/>).</param>
    public static NpgsqlCommand Latest(NpgsqlDataSource dataSource, ArticleQuery query, int count, string columns, long now)
    {
        var command = dataSource.CreateCommand();
        command.Parameters.Add(new NpgsqlParameter<int>("count", count));
        command.Parameters.Add(new NpgsqlParameter<long>("now", now));
        var prefixed = string.Join(", ", columns.Split(", ").Select(c => "a." + c));
        if (query.CategorySlugs.Count == 0 && query.AuthorSlugs.Count == 0)
        {
            command.CommandText = $"SELECT {columns} FROM articles WHERE {StoredRows.Due("articles")} ORDER BY published DESC, id LIMIT @count";
        }
        else if (query.CategorySlugs.Count + query.AuthorSlugs.Count == 1)
        {
            var kind = query.CategorySlugs.Count == 1 ? TermKind.Category : TermKind.Author;
            command.CommandText = $"""
                SELECT {prefixed} FROM article_terms t JOIN articles a ON a.id = t.article_id
                WHERE t.kind = @kind AND t.slug = @slug AND t.published <= @now AND (a.expires IS NULL OR a.expires > @now)
                ORDER BY t.published DESC, t.article_id LIMIT @count
                """;
            command.Parameters.Add(new NpgsqlParameter<string>("kind", PostgresTermKinds.Name(kind)));
            command.Parameters.Add(new NpgsqlParameter<string>("slug", query.CategorySlugs.Concat(query.AuthorSlugs).Single()));
        }
        else
        {
            command.CommandText = $"""
                SELECT {prefixed} FROM articles a
                WHERE (cardinality(@categories) = 0 OR EXISTS (SELECT 1 FROM article_terms t
                           WHERE t.article_id = a.id AND t.kind = 'category' AND t.slug = ANY(@categories)))
                  AND (cardinality(@authors) = 0 OR EXISTS (SELECT 1 FROM article_terms t
                           WHERE t.article_id = a.id AND t.kind = 'author' AND t.slug = ANY(@authors)))
                  AND {StoredRows.Due("a")}
                ORDER BY a.published DESC, a.id LIMIT @count
                """;
            command.Parameters.Add(new NpgsqlParameter("categories", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = query.CategorySlugs.ToArray() });
            command.Parameters.Add(new NpgsqlParameter("authors", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = query.AuthorSlugs.ToArray() });
        }

        return command;
    }
}
