using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;

namespace OneVisit.Workflows.Persistence.Sqlite;

/// <summary>Opens connections with the settings every OneVisit component relies on.</summary>
internal static class SqliteConnections
{
    private static readonly object Marker = new();

    // Native connections (kept alive by the pool) that already have their busy_timeout.
    private static readonly ConditionalWeakTable<SQLitePCL.sqlite3, object> Configured = new();

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
    /// <remarks>
    /// A read costs a few statements, so what an open adds shows: foreign keys are left off (a pragma on every
    /// open, and only writes check them), and busy_timeout is set once per pooled native connection.
    /// </remarks>
    public static SqliteConnection OpenReader(SqliteStoreOptions options) => Open(options, foreignKeys: false);

    private static SqliteConnection Open(SqliteStoreOptions options, bool foreignKeys = true)
    {
        var builder = new SqliteConnectionStringBuilder(options.ConnectionString)
        {
            Pooling = true,
            DefaultTimeout = Math.Max(1, (int)options.BusyTimeout.TotalSeconds),
        };
        if (foreignKeys)
        {
            // Other components (ov_ tables) may declare foreign keys; SQLite ignores them unless asked per connection.
            builder.ForeignKeys = true;
        }

        var connection = new SqliteConnection(builder.ConnectionString);
        try
        {
            connection.Open();
            // busy_timeout makes SQLite itself wait for a lock held by another process instead of failing at once.
            // It belongs to the native connection, which the pool hands out again: set it the first time only.
            if (!Configured.TryGetValue(connection.Handle!, out _))
            {
                Execute(connection, string.Create(
                    CultureInfo.InvariantCulture, $"PRAGMA busy_timeout = {(long)options.BusyTimeout.TotalMilliseconds};"));
                Configured.AddOrUpdate(connection.Handle!, Marker);
            }

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
