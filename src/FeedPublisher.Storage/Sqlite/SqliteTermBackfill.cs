using Microsoft.Data.Sqlite;

namespace FeedPublisher.Storage.Sqlite;

/// <summary>
/// The C# half of migration 3: terms for the articles already stored, with slugs computed by the
/// same code as at ingest (SQL cannot transliterate "Zürich" to "zurich").
/// </summary>
internal static class SqliteTermBackfill
{
    public static void Run(SqliteConnection connection)
    {
        using var transaction = connection.BeginTransaction();
        var rows = new List<(string Id, long Published, string Categories, string Authors)>();
        using (var select = connection.CreateCommand())
        {
            select.Transaction = transaction;
            select.CommandText = "SELECT id, published, categories, authors FROM articles ORDER BY seq";
            using var reader = select.ExecuteReader();
            while (reader.Read())
            {
                rows.Add((reader.GetString(0), reader.GetInt64(1), reader.GetString(2), reader.GetString(3)));
            }
        }

        using (var terms = new SqliteTermWriter(connection, transaction))
        {
            foreach (var (id, published, categories, authors) in rows)
            {
                terms.Replace(id, published, StoredJson.ReadNames(categories), StoredJson.ReadNames(authors));
            }
        }

        transaction.Commit();
    }
}
