using FeedPublisher.Core.Model;
using Npgsql;

namespace FeedPublisher.Storage.Postgres;

/// <summary>Reads articles back from rows of <see cref="PostgresArticleQueries.ArticleColumns"/>.</summary>
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
            });
        }

        return articles;
    }

    private static Uri? OptionalUrl(NpgsqlDataReader reader, int column) =>
        reader.IsDBNull(column) ? null : new Uri(reader.GetString(column));
}
