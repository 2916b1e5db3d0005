using Npgsql;

namespace FeedPublisher.IntegrationTests.Support;

/// <summary>One test's own database on the shared <see cref="PostgresServer"/>, dropped afterwards.</summary>
public sealed class PostgresDatabase(PostgresServer server, string name) : IAsyncDisposable
{
    public string Name { get; } = name;

    public string ConnectionString { get; } = server.ConnectionString(name);

    /// <summary>A connection of the test's own, outside any store: to look at what a store did, or to hold a lock.</summary>
    public async Task<NpgsqlConnection> ConnectAsync()
    {
        var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    public async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = await ConnectAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

    public async Task<List<T>> ColumnAsync<T>(string sql)
    {
        await using var connection = await ConnectAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<T>();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetFieldValue<T>(0));
        }

        return values;
    }

    /// <summary>FORCE: a store the test did not dispose, or a process it started, may still hold connections.</summary>
    public async ValueTask DisposeAsync()
    {
        // Pooled connections of the test's own would otherwise linger, each holding a server process.
        NpgsqlConnection.ClearAllPools();
        await server.ExecuteAsync($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)");
    }
}
