using System.Reflection;
using Microsoft.Data.Sqlite;

namespace FeedPublisher.Storage.Sqlite;

/// <summary>
/// Versioned schema migrations: the embedded scripts Migrations/NNN_*.sql run in order, each in
/// its own transaction with the new version recorded in <c>PRAGMA user_version</c>, so a store
/// is upgraded exactly once and never half-way.
/// </summary>
internal static class SqliteMigrator
{
    private const string ResourcePrefix = "FeedPublisher.Storage.Sqlite.Migrations.";

    public static IReadOnlyList<(int Version, string Script)> Migrations { get; } = LoadMigrations();

    /// <summary>Brings the schema up to date; returns the version the store had before.</summary>
    public static int Migrate(SqliteConnection connection)
    {
        var current = Convert.ToInt32(Scalar(connection, "PRAGMA user_version"), System.Globalization.CultureInfo.InvariantCulture);
        var latest = Migrations.Count == 0 ? 0 : Migrations[^1].Version;
        if (current > latest)
        {
            throw new InvalidOperationException($"the store's schema version {current} is newer than this program knows ({latest}); upgrade FeedPublisher");
        }

        foreach (var (version, script) in Migrations.Where(m => m.Version > current))
        {
            using var transaction = connection.BeginTransaction();
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = script + $"\nPRAGMA user_version = {version};";
            command.ExecuteNonQuery();
            transaction.Commit();
        }

        return current;
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private static List<(int, string)> LoadMigrations()
    {
        var assembly = Assembly.GetExecutingAssembly();
        return assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(ResourcePrefix, StringComparison.Ordinal) && name.EndsWith(".sql", StringComparison.Ordinal))
            .Select(name =>
            {
                var file = name[ResourcePrefix.Length..];
                var version = int.Parse(file.AsSpan(0, file.IndexOf('_')), System.Globalization.CultureInfo.InvariantCulture);
                using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
                return (version, reader.ReadToEnd());
            })
            .OrderBy(m => m.version)
            .ToList();
    }
}
