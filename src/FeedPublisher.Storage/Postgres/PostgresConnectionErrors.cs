using Npgsql;

namespace FeedPublisher.Storage.Postgres;

/// <summary>
/// Turns a failed first connection into a message an operator can act on: which server, which
/// database, which user, and why, never the password and never a stack trace.
/// </summary>
internal static class PostgresConnectionErrors
{
    public static NpgsqlConnection Open(NpgsqlDataSource dataSource, NpgsqlConnectionStringBuilder builder)
    {
        try
        {
            return dataSource.OpenConnection();
        }
        catch (PostgresException e) when (RefusesConnection(e.SqlState))
        {
            throw new StoreUnavailableException($"{PostgresConnectionString.Describe(builder)} refused the connection: {e.MessageText} ({e.SqlState})", e);
        }
        catch (NpgsqlException e) when (e is not PostgresException)
        {
            var reason = e.InnerException is { } inner && !e.Message.Contains(inner.Message, StringComparison.Ordinal) ? $"{e.Message}: {inner.Message}" : e.Message;
            throw new StoreUnavailableException($"cannot reach {PostgresConnectionString.Describe(builder)}: {reason}", e);
        }
    }

    /// <summary>Connection and authorization failures, an unknown database, a server starting or shutting down, or full.</summary>
    private static bool RefusesConnection(string sqlState) =>
        sqlState.StartsWith("08", StringComparison.Ordinal) || sqlState.StartsWith("28", StringComparison.Ordinal)
        || sqlState == PostgresErrorCodes.InvalidCatalogName || sqlState.StartsWith("57P", StringComparison.Ordinal)
        || sqlState == PostgresErrorCodes.TooManyConnections;
}
