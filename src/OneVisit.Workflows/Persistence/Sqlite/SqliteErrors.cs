using Microsoft.Data.Sqlite;
using OneVisit.Workflows.Cases;

namespace OneVisit.Workflows.Persistence.Sqlite;

/// <summary>What SQLite's failures mean to a caller of the case service: whether anything changed and whether a retry may help.</summary>
internal static class SqliteErrors
{
    // SQLite's primary result codes (https://www.sqlite.org/rescode.html).
    private const int Busy = 5, Locked = 6, NoMemory = 7, ReadOnly = 8, IoError = 10, Corrupt = 11, Full = 13, CannotOpen = 14, NotADatabase = 26;

    public static CaseStoreException? Translate(Exception exception) => exception is SqliteException sqlite ? FromSqlite(sqlite) : null;

    private static CaseStoreException FromSqlite(SqliteException sqlite) => (sqlite.SqliteErrorCode & 0xFF) switch
    {
        Busy or Locked => new("The case store is busy (another process holds its lock); nothing was changed. Retry the call.", mayRetry: true, sqlite),
        Full => new("The case store's disk is full; nothing was changed. Free space, then retry the call.", mayRetry: true, sqlite),
        IoError or NoMemory => new("The case store could not read or write its file; nothing was changed. Check the disk, then retry the call.", mayRetry: true, sqlite),
        ReadOnly or CannotOpen => new("The case store's file cannot be opened for writing (permissions, or a read-only disk); nothing was changed.", mayRetry: false, sqlite),
        Corrupt or NotADatabase => new("The case store's file is damaged or is not a OneVisit store; restore it from a backup.", mayRetry: false, sqlite),
        _ => new($"The case store failed (SQLite error {sqlite.SqliteErrorCode}); nothing was changed.", mayRetry: false, sqlite),
    };
}
