using System.Globalization;
using Microsoft.Data.Sqlite;

namespace OneVisit.Workflows.Engine.Persistence;

/// <summary>Opens connections with the settings every OneVisit component relies on.</summary>
internal static class SqliteConnections
{
    /// <summary>
    /// The one connection that writes. WAL lets readers go on while it commits; synchronous=NORMAL in WAL mode
    /// survives a process crash and only risks the last commits on power loss, and it drops the fsync per commit
    /// that FULL would add (the checkpoint still syncs).
    /// </summary>
    public static SqliteConnection OpenWriter(SqliteStoreOptions options)
    {
        var connection = Open(options);
        Execute(connection, options.SyncEveryCommit
            ? "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;"
            : "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;");
        return connection;
    }

    /// <summary>
    /// A pooled connection for one read. Pooling makes open/close cheap, so reads never share a connection
    /// and never wait for the writer (WAL readers see the last committed state).
    /// </summary>
    public static SqliteConnection OpenReader(SqliteStoreOptions options) => Open(options);

    private static SqliteConnection Open(SqliteStoreOptions options)
    {
        var builder = new SqliteConnectionStringBuilder(options.ConnectionString)
        {
            Pooling = true,
            // Other components (ov_ tables) declare foreign keys; SQLite ignores them unless asked per connection.
            ForeignKeys = true,
            DefaultTimeout = Math.Max(1, (int)options.BusyTimeout.TotalSeconds),
        };
        var connection = new SqliteConnection(builder.ConnectionString);
        try
        {
            connection.Open();
            // busy_timeout makes SQLite itself wait for a lock held by another process instead of failing at once.
            Execute(connection, string.Create(
                CultureInfo.InvariantCulture, $"PRAGMA busy_timeout = {(long)options.BusyTimeout.TotalMilliseconds};"));
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
