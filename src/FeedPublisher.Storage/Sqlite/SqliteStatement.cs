using System.Buffers;
using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace FeedPublisher.Storage.Sqlite;

/// <summary>
/// A statement prepared once and run many times with values bound by position (or a query read
/// row by row without a data reader's per-value checks), on the
/// connection's own SQLite handle (so inside its current transaction). Microsoft.Data.Sqlite looks
/// every parameter up by name and converts every string to a new UTF-8 array on every execution,
/// which was a third of the statement time of a cold ingest; here a value costs one encoding into
/// a reused buffer. Text is encoded exactly as Microsoft.Data.Sqlite does (UTF-8, invalid
/// surrogates replaced), so the stored bytes are the same whichever path wrote them.
/// </summary>
internal sealed class SqliteStatement : IDisposable
{
    /// <summary>An empty span binds NULL (it has no address), so "" is bound from a terminated empty string.</summary>
    private static readonly byte[] EmptyText = [0];

    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(1024);

    public SqliteStatement(SqliteConnection connection, string sql)
    {
        _db = connection.Handle ?? throw new InvalidOperationException("the connection is not open");
        var rc = raw.sqlite3_prepare_v2(_db, sql, out _statement);
        SqliteException.ThrowExceptionForRC(rc, _db);
    }

    public SqliteStatement Bind(int position, string? value)
    {
        if (value is null)
        {
            return Null(position);
        }

        if (value.Length == 0)
        {
            Check(raw.sqlite3_bind_text(_statement, position, utf8z.FromSpan(EmptyText)));
            return this;
        }

        var length = Encoding.UTF8.GetMaxByteCount(value.Length);
        if (length > _buffer.Length)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = ArrayPool<byte>.Shared.Rent(length);
        }

        var written = Encoding.UTF8.GetBytes(value, _buffer);
        // SQLite copies the bytes (SQLITE_TRANSIENT), so the buffer is free for the next value.
        Check(raw.sqlite3_bind_text(_statement, position, _buffer.AsSpan(0, written)));
        return this;
    }

    public SqliteStatement Bind(int position, long value)
    {
        Check(raw.sqlite3_bind_int64(_statement, position, value));
        return this;
    }

    public SqliteStatement Bind(int position, long? value) => value is { } number ? Bind(position, number) : Null(position);

    public SqliteStatement Null(int position)
    {
        Check(raw.sqlite3_bind_null(_statement, position));
        return this;
    }

    /// <summary>Steps to the next row of a query: false at its end (the statement is then reset).</summary>
    public bool Read()
    {
        var rc = raw.sqlite3_step(_statement);
        if (rc == raw.SQLITE_ROW)
        {
            return true;
        }

        raw.sqlite3_reset(_statement);
        if (rc != raw.SQLITE_DONE)
        {
            SqliteException.ThrowExceptionForRC(rc, _db);
        }

        return false;
    }

    /// <summary>A text column of the current row (NULL reads as "").</summary>
    public string Text(int column) => Encoding.UTF8.GetString(raw.sqlite3_column_blob(_statement, column));

    public long Int64(int column) => raw.sqlite3_column_int64(_statement, column);

    /// <summary>Runs the statement to its end and makes it ready for the next values.</summary>
    public void Execute()
    {
        var rc = raw.sqlite3_step(_statement);
        raw.sqlite3_reset(_statement);
        if (rc != raw.SQLITE_DONE && rc != raw.SQLITE_ROW)
        {
            SqliteException.ThrowExceptionForRC(rc, _db);
        }
    }

    public void Dispose()
    {
        _statement.Dispose();
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
    }

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(rc, _db);
        }
    }
}
