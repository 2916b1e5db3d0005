using FeedPublisher.Core.Model;
using FeedPublisher.Core.Storing;
using Npgsql;

namespace FeedPublisher.Storage.Postgres;

/// <summary>Reads articles and known files back from rows of <see cref="PostgresArticleQueries.ArticleColumns"/> and <see cref="PostgresArticleQueries.KnownFileColumns"/>.</summary>
internal static class PostgresArticleRows
{
    public static async Task<IReadOnlyList<Article>> ReadAsync(NpgsqlCommand command, int count, CancellationToken cancellationToken)
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
                Pending = reader.GetBoolean(15) ? new PendingBody(reader.GetString(16), reader.GetString(17)) : null,
            });
        }

        return articles;
    }

    public static async Task<IReadOnlyDictionary<string, KnownFile>> ReadKnownFilesAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var known = new Dictionary<string, KnownFile>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            var file = new ArticleFile(reader.GetString(0), reader.GetInt64(1), new DateTimeOffset(reader.GetInt64(2), TimeSpan.Zero), reader.GetString(3));
            known[file.RelativePath] = new KnownFile(file, reader.GetString(4), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(5)));
        }

        return known;
    }

    private static Uri? OptionalUrl(NpgsqlDataReader reader, int column) =>
        reader.IsDBNull(column) ? null : new Uri(reader.GetString(column));
}
