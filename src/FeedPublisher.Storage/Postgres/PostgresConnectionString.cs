using Npgsql;

namespace FeedPublisher.Storage.Postgres;

/// <summary>
/// Reading, describing and redacting PostgreSQL connection strings: what start-up checks, what
/// error messages may show (server and database, never a password) and what <c>config show</c> prints.
/// </summary>
public static class PostgresConnectionString
{
    public const string Example = "Host=db.example.com;Database=feedpublisher;Username=feedpublisher;Password=...";

    private const string Hidden = "***";

    /// <summary>Why the text is not a usable connection string, or null when it is.</summary>
    public static string? Problem(string connectionString)
    {
        if (!connectionString.Contains('=', StringComparison.Ordinal))
        {
            return $"'{connectionString}' is not a PostgreSQL connection string (it looks like a SQLite file); expected for example '{Example}'";
        }

        if (!TryParse(connectionString, out var builder, out var error))
        {
            // The parser's message names the bad keyword, never its value, which may be a password.
            return $"is not a PostgreSQL connection string: {error?.TrimEnd('.')}; expected for example '{Example}'";
        }

        return string.IsNullOrWhiteSpace(builder.Host)
            ? $"names no Host (the PostgreSQL server); expected for example '{Example}'"
            : null;
    }

    /// <summary>Where the store lives, for messages: host, port, database and user, without a password.</summary>
    public static string Describe(NpgsqlConnectionStringBuilder builder) =>
        $"PostgreSQL at {builder.Host}:{builder.Port}"
        + (builder.Database is { } database ? $", database '{database}'" : "")
        + (builder.Username is { } user ? $", user '{user}'" : "");

    /// <summary>The connection string with its passwords replaced by ***; text that does not parse is hidden whole.</summary>
    public static string Redact(string connectionString)
    {
        if (!TryParse(connectionString, out var builder, out _))
        {
            return Hidden;
        }

        if (builder.Password is not null)
        {
            builder.Password = Hidden;
        }

        if (builder.SslPassword is not null)
        {
            builder.SslPassword = Hidden;
        }

        return builder.ConnectionString;
    }

    internal static bool TryParse(string connectionString, out NpgsqlConnectionStringBuilder builder, out string? error)
    {
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
            error = null;
            return true;
        }
        catch (ArgumentException e)
        {
            builder = new NpgsqlConnectionStringBuilder();
            error = e.Message;
            return false;
        }
    }
}
