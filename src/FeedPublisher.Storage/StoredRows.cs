using System.Data.Common;
using FeedPublisher.Core.Model;
using FeedPublisher.Core.Storing;

namespace FeedPublisher.Storage;

/// <summary>
/// The columns both stores select for articles and known files, and how their rows become
/// <see cref="Article"/> and <see cref="KnownFile"/>: the stores differ in SQL, not in rows.
/// </summary>
internal static class StoredRows
{
    public const string ArticleColumns = "id, title, path, published, updated, summary, content_html, authors, categories, sources, url, origin_name, origin_url, language, image, derived_with, author_urls, expires, attachments";

    /// <summary>An article's version (<see cref="ArticleVersion"/>): the columns <see cref="ReadVersion"/> reads.</summary>
    public const string VersionColumns = "id, content_hash, updated";

    /// <summary>An article's page version (<see cref="PageVersion"/>): the columns <see cref="ReadPageVersion"/> reads.</summary>
    public const string PageVersionColumns = "seq, id, published, content_hash, updated";

    /// <summary>The stamp of a file, and whether its article is stale (<see cref="Stale"/>, which binds @derivation).</summary>
    public static string FileStampColumns(string? derivation) => $"source_path, file_length, file_mtime, {Stale(derivation)}";

    /// <summary>A known file's columns, the last whether its article is stale (<see cref="Stale"/>, which binds @derivation).</summary>
    public static string KnownFileColumns(string? derivation) => $"source_path, file_length, file_mtime, content_hash, id, published, updated, {Stale(derivation)}";

    /// <summary>
    /// Whether a row was derived with other extraction settings than the @derivation parameter,
    /// from a file that can be read again (<see cref="FileStamp.Stale"/>). An imported article's
    /// file is not kept (<see cref="Core.Ingesting.ArticleImporter"/>): it keeps what it was
    /// derived with until it is imported again. A store opened without a derivation calls nothing stale.
    /// </summary>
    private static string Stale(string? derivation) => derivation is null ? "FALSE" :
        $"(derived_with IS DISTINCT FROM @derivation AND source_path NOT LIKE '{Core.Ingesting.ArticleImporter.SourcePrefix}%')";

    /// <summary>
    /// What both stores' upserts change in an article already stored (ON CONFLICT (id) DO UPDATE
    /// SET ...): everything but its id and its place in the archive order (seq).
    /// </summary>
    public const string UpdateOnConflict = """
        source_path = excluded.source_path, file_length = excluded.file_length, file_mtime = excluded.file_mtime,
        content_hash = excluded.content_hash, title = excluded.title, path = excluded.path,
        published = excluded.published, updated = excluded.updated, summary = excluded.summary,
        content_html = excluded.content_html, authors = excluded.authors, categories = excluded.categories,
        sources = excluded.sources, url = excluded.url, origin_name = excluded.origin_name,
        origin_url = excluded.origin_url, language = excluded.language, image = excluded.image,
        derived_with = excluded.derived_with, author_urls = excluded.author_urls, expires = excluded.expires,
        attachments = excluded.attachments, changed_in = excluded.changed_in
        """;

    /// <summary>
    /// The version the write under way makes (it bumps the version at its end, in the same
    /// transaction): a saved row's <c>changed_in</c>, so that <see cref="Core.Storing.IArticleStore.GetPageChangesAsync"/> finds it.
    /// </summary>
    public const string VersionOfThisWrite = "(SELECT value + 1 FROM store_meta WHERE key = 'version')";

    /// <summary>
    /// Whether the row of <paramref name="table"/> (an alias, or "articles") is in the feeds at the
    /// @now parameter (Unix ms): published by then (not scheduled ahead) and not expired.
    /// </summary>
    public static string Due(string table) => $"{table}.published <= @now AND ({table}.expires IS NULL OR {table}.expires > @now)";

    /// <summary>
    /// The instants around @now at which the feeds change by the clock alone (an article becomes
    /// due, or expires), read by <see cref="ReadScheduleAsync"/>. Each is one end of an index range:
    /// articles_by_published, articles_by_expiry.
    /// </summary>
    public const string ScheduleQuery = """
        SELECT (SELECT max(published) FROM articles WHERE published <= @now),
               (SELECT max(expires) FROM articles WHERE expires IS NOT NULL AND expires <= @now),
               (SELECT min(published) FROM articles WHERE published > @now),
               (SELECT min(expires) FROM articles WHERE expires IS NOT NULL AND expires > @now)
        """;

    /// <summary>The <see cref="PublicationSchedule"/> from the one row of <see cref="ScheduleQuery"/>.</summary>
    public static async Task<PublicationSchedule> ReadScheduleAsync(DbCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new PublicationSchedule(
            Pick(OptionalInstant(reader, 0), OptionalInstant(reader, 1), later: true),
            Pick(OptionalInstant(reader, 2), OptionalInstant(reader, 3), later: false));
    }

    private static DateTimeOffset? OptionalInstant(DbDataReader reader, int column) =>
        reader.IsDBNull(column) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(column));

    /// <summary>The later (or the earlier) of two instants, either of which may be missing.</summary>
    private static DateTimeOffset? Pick(DateTimeOffset? a, DateTimeOffset? b, bool later) =>
        a is not { } x ? b : b is not { } y ? a : (x > y) == later ? x : y;

    /// <summary>Articles from rows of <see cref="ArticleColumns"/>.</summary>
    public static async Task<IReadOnlyList<Article>> ReadArticlesAsync(DbCommand command, int count, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var articles = new List<Article>(Math.Min(count, 1000));
        while (await reader.ReadAsync(cancellationToken))
        {
            articles.Add(new Article
            {
                Id = reader.GetString(0),
                Title = reader.GetString(1),
                Path = reader.GetString(2),
                Published = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)),
                Updated = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4)),
                Summary = reader.GetString(5),
                ContentHtml = reader.GetString(6),
                Authors = StoredJson.ReadNames(reader.GetString(7)),
                Categories = StoredJson.ReadNames(reader.GetString(8)),
                Sources = StoredJson.ReadSources(reader.GetString(9)),
                Url = OptionalUrl(reader, 10),
                Origin = reader.IsDBNull(11) || OptionalUrl(reader, 12) is not { } originUrl ? null : new SourceLink(reader.GetString(11), originUrl),
                Language = reader.IsDBNull(13) ? null : reader.GetString(13),
                Image = OptionalUrl(reader, 14),
                DerivedWith = reader.IsDBNull(15) ? null : reader.GetString(15),
                AuthorUrls = StoredJson.ReadAuthorUrls(reader.IsDBNull(16) ? null : reader.GetString(16)),
                Expires = reader.IsDBNull(17) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(17)),
                Attachments = StoredJson.ReadAttachments(reader.IsDBNull(18) ? null : reader.GetString(18)),
            });
        }

        return articles;
    }

    /// <summary>One article's version from a row of <see cref="VersionColumns"/>.</summary>
    public static ArticleVersion ReadVersion(DbDataReader reader) =>
        new(reader.GetString(0), reader.GetString(1), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2)));

    public static PageVersion ReadPageVersion(DbDataReader reader) =>
        new(reader.GetInt64(0), reader.GetString(1), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2)), reader.GetString(3),
            DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4)));

    /// <summary>Rows of <see cref="PageVersionColumns"/>, in the order read.</summary>
    public static async Task<IReadOnlyList<PageVersion>> ReadPageVersionsAsync(DbCommand command, int count, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var versions = new List<PageVersion>(Math.Min(count, 10_000));
        while (await reader.ReadAsync(cancellationToken))
        {
            versions.Add(ReadPageVersion(reader));
        }

        return versions;
    }

    /// <summary>
    /// The two queries of <see cref="Core.Storing.IArticleStore.GetPageChangesAsync"/> (binding
    /// the parameter <paramref name="since"/> and @now): the rows saved since, with whether each
    /// has a page, in the store's order; then the ids removed since and not stored again. Both
    /// must read their version index, a few entries, and never the tables in the order of their
    /// sort: <paramref name="hints"/> names the indexes where a planner without statistics would
    /// pick the sort's (SQLite scanned every article by seq, 40 ms at 10,000).
    /// </summary>
    public static string[] PageChangesQueries(string since, (string Articles, string Removed)? hints = null) =>
    [
        $"SELECT {PageVersionColumns}, url IS NULL AND {Due("articles")} FROM articles {hints?.Articles} WHERE changed_in > {since} ORDER BY seq",
        $"SELECT id FROM removed_articles {hints?.Removed} WHERE removed_in > {since} AND NOT EXISTS (SELECT 1 FROM articles WHERE articles.id = removed_articles.id) ORDER BY id",
    ];

    /// <summary>Reads the two results of <see cref="PageChangesQueries"/>, run as one command.</summary>
    public static async Task<PageChanges> ReadPageChangesAsync(DbCommand command, CancellationToken cancellationToken)
    {
        var (paged, unpaged) = (new List<PageVersion>(), new List<string>());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            if (reader.GetBoolean(5))
            {
                paged.Add(ReadPageVersion(reader));
            }
            else
            {
                unpaged.Add(reader.GetString(1));
            }
        }

        await reader.NextResultAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            unpaged.Add(reader.GetString(0));
        }

        return new PageChanges(paged, unpaged);
    }

    /// <summary>Known files by relative path, from rows of <see cref="KnownFileColumns"/>.</summary>
    public static async Task<IReadOnlyDictionary<string, KnownFile>> ReadKnownFilesAsync(DbCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var known = new Dictionary<string, KnownFile>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            var file = new ArticleFile(reader.GetString(0), reader.GetInt64(1), new DateTimeOffset(reader.GetInt64(2), TimeSpan.Zero), reader.GetString(3));
            // A boolean in PostgreSQL, 0 or 1 in SQLite: GetBoolean reads both.
            known[file.RelativePath] = new KnownFile(file, reader.GetString(4),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(5)), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(6)), reader.GetBoolean(7));
        }

        return known;
    }

    /// <summary>File stamps by relative path, from rows of <see cref="FileStampColumns"/>.</summary>
    public static async Task<IReadOnlyDictionary<string, FileStamp>> ReadFileStampsAsync(DbCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var stamps = new Dictionary<string, FileStamp>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            stamps[reader.GetString(0)] = new FileStamp(reader.GetInt64(1), new DateTimeOffset(reader.GetInt64(2), TimeSpan.Zero), reader.GetBoolean(3));
        }

        return stamps;
    }

    private static Uri? OptionalUrl(DbDataReader reader, int column) =>
        reader.IsDBNull(column) ? null : new Uri(reader.GetString(column));
}
