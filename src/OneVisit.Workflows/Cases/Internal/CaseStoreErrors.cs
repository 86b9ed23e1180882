using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace OneVisit.Workflows.Cases.Internal;

/// <summary>Turns the store's own failures into <see cref="CaseStoreException"/>, saying whether a retry may help.</summary>
internal static class CaseStoreErrors
{
    // SQLite's primary result codes (https://www.sqlite.org/rescode.html).
    private const int Busy = 5, Locked = 6, NoMemory = 7, ReadOnly = 8, IoError = 10, Corrupt = 11, Full = 13, CannotOpen = 14, NotADatabase = 26;

    /// <summary>
    /// Runs <paramref name="call"/>, letting storage failures leave as <see cref="CaseStoreException"/>, never as the
    /// store's own exception types; the errors a caller causes are already <see cref="CaseException"/>s.
    /// </summary>
    public static async Task<T> GuardAsync<T>(Func<Task<T>> call)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (Exception ex) when (Translate(ex) is { } translated)
        {
            throw translated;
        }
    }

    public static CaseStoreException? Translate(Exception exception) => exception switch
    {
        CaseStoreException => null,
        SqliteException sqlite => FromSqlite(sqlite),
        ObjectDisposedException disposed => new CaseStoreException("The case runtime is stopped; start it (CaseRuntime.StartAsync or the host) before calling the case service.", mayRetry: false, disposed),
        Engine.Persistence.CorruptPayloadException corrupt => new CaseStoreException("A stored case document cannot be read (it was changed outside OneVisit, or written by a newer version); restore the store from a backup.", mayRetry: false, corrupt),
        JsonException json => new CaseStoreException("A stored case document cannot be read (it was changed outside OneVisit, or written by a newer version); restore the store from a backup.", mayRetry: false, json),
        _ => null,
    };

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
