using System.Text.Json.Serialization;

namespace FeedPublisher.Configuration;

/// <summary>Section "Storage": the store between ingest and publish.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>One file on this machine: the default.</summary>
    public const string Sqlite = "Sqlite";

    /// <summary>A PostgreSQL database that several nodes can share.</summary>
    public const string Postgres = "Postgres";

    public string Provider { get; set; } = Sqlite;

    /// <summary>
    /// For SQLite, a file path or a connection string ("Data Source=..."); for PostgreSQL, an Npgsql
    /// connection string ("Host=...;Database=...;Username=...;Password=..."). Secret: never logged,
    /// and redacted by <c>config show</c>.
    /// </summary>
    public string ConnectionString { get; set; } = "state/feedpublisher.db";

    [JsonIgnore]
    public bool IsPostgres => string.Equals(Provider, Postgres, StringComparison.OrdinalIgnoreCase);

    [JsonIgnore]
    public bool IsSqlite => string.Equals(Provider, Sqlite, StringComparison.OrdinalIgnoreCase);
}
