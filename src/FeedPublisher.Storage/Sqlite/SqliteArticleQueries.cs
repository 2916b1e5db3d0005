using FeedPublisher.Core.Model;

namespace FeedPublisher.Storage.Sqlite;

/// <summary>
/// The SELECT behind each kind of feed, each written to read one index range: the main feed walks
/// articles_by_published, a category's or author's feed walks its own range of article_terms.
/// Each shows only the articles due at @now (<see cref="StoredRows.Due"/>): the published-date
/// bound is a bound of that same range, so a scheduled article costs the scan nothing.
/// </summary>
internal static class SqliteArticleQueries
{
    public static string Latest(ArticleQuery query, string columns)
    {
        var single = (query.CategorySlugs.Count, query.AuthorSlugs.Count) switch
        {
            (1, 0) => "category",
            (0, 1) => "author",
            _ => null,
        };
        var prefixed = string.Join(", ", columns.Split(", ").Select(c => "a." + c));

        if (query.CategorySlugs.Count == 0 && query.AuthorSlugs.Count == 0)
        {
            return $"SELECT {columns} FROM articles WHERE {StoredRows.Due("articles")} ORDER BY published DESC, id LIMIT $count";
        }

        if (single is not null)
        {
            var slugs = single == "category" ? "$categories" : "$authors";
            return $"""
                SELECT {prefixed} FROM article_terms t JOIN articles a ON a.id = t.article_id
                WHERE t.kind = '{single}' AND t.slug = (SELECT value FROM json_each({slugs}))
                  AND t.published <= @now AND (a.expires IS NULL OR a.expires > @now)
                ORDER BY t.published DESC, t.article_id LIMIT $count
                """;
        }

        return $"""
            SELECT {prefixed} FROM articles a
            WHERE (json_array_length($categories) = 0 OR EXISTS (SELECT 1 FROM article_terms t
                       WHERE t.article_id = a.id AND t.kind = 'category' AND t.slug IN (SELECT value FROM json_each($categories))))
              AND (json_array_length($authors) = 0 OR EXISTS (SELECT 1 FROM article_terms t
                       WHERE t.article_id = a.id AND t.kind = 'author' AND t.slug IN (SELECT value FROM json_each($authors))))
              AND {StoredRows.Due("a")}
            ORDER BY a.published DESC, a.id LIMIT $count
            """;
    }
}
