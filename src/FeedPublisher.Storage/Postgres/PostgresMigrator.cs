using System.Globalization;
using System.Reflection;
using Npgsql;

namespace FeedPublisher.Storage.Postgres;

/// <summary>
/// Versioned schema migrations: the embedded scripts Migrations/NNN_*.sql run in order, each in its
/// own transaction together with the row that records it in schema_migrations, so a database is
/// upgraded exactly once and never half-way, however many processes start at the same moment.
/// </summary>
internal static class PostgresMigrator
{
    private const string ResourcePrefix = "FeedPublisher.Storage.Postgres.Migrations.";

    public static IReadOnlyList<(int Version, string Script)> Migrations { get; } = LoadMigrations();

    public static int LatestVersion => Migrations.Count == 0 ? 0 : Migrations[^1].Version;

    /// <summary>Brings the schema up to date; returns the version the database had before.</summary>
    public static int Migrate(NpgsqlConnection connection)
    {
        // A session lock, not a transaction lock: it has to span the migrations' own transactions
        // and the creation of the version table. A second process waits here, then finds nothing to do.
        Execute(connection, null, $"SELECT pg_advisory_lock({PostgresLocks.Schema})");
        try
        {
            Execute(connection, null, """
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    version  integer     NOT NULL PRIMARY KEY,
                    applied  timestamptz NOT NULL DEFAULT now()
                )
                """);
            using var select = new NpgsqlCommand("SELECT coalesce(max(version), 0) FROM schema_migrations", connection);
            var current = Convert.ToInt32(select.ExecuteScalar(), CultureInfo.InvariantCulture);
            if (current > LatestVersion)
            {
                throw new InvalidOperationException(
                    $"the store's schema version {current} is newer than this program knows ({LatestVersion}); upgrade FeedPublisher");
            }

            foreach (var (version, script) in Migrations.Where(m => m.Version > current))
            {
                using var transaction = connection.BeginTransaction();
                Execute(connection, transaction, script);
                Execute(connection, transaction, $"INSERT INTO schema_migrations (version) VALUES ({version})");
                transaction.Commit();
            }

            return current;
        }
        finally
        {
            // A broken connection has lost its session, and the lock with it.
            if (connection.State == System.Data.ConnectionState.Open)
            {
                Execute(connection, null, $"SELECT pg_advisory_unlock({PostgresLocks.Schema})");
            }
        }
    }

    private static void Execute(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection, transaction);
        command.ExecuteNonQuery();
    }

    private static List<(int, string)> LoadMigrations()
    {
        var assembly = Assembly.GetExecutingAssembly();
        return assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(ResourcePrefix, StringComparison.Ordinal) && name.EndsWith(".sql", StringComparison.Ordinal))
            .Select(name =>
            {
                var file = name[ResourcePrefix.Length..];
                var version = int.Parse(file.AsSpan(0, file.IndexOf('_', StringComparison.Ordinal)), CultureInfo.InvariantCulture);
                using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
                return (version, reader.ReadToEnd());
            })
            .OrderBy(m => m.version)
            .ToList();
    }
}
