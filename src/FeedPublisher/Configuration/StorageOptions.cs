namespace FeedPublisher.Configuration;

/// <summary>Section "Storage": the store between ingest and publish.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    public const string Sqlite = "Sqlite";

    public string Provider { get; set; } = Sqlite;

    /// <summary>For SQLite, a file path or a connection string ("Data Source=...").</summary>
    public string ConnectionString { get; set; } = "state/feedpublisher.db";
}
