using Microsoft.Data.Sqlite;

namespace OneVisit.Workflows.Storage;

/// <summary>
/// The database's one writer with group commit: writes queued together share one transaction (each in its
/// own savepoint). OneVisit's tables write through the same queue as the engine's store, so a step's audit
/// lines and its workflow document are committed together instead of contending for SQLite's write lock.
/// </summary>
internal interface ISqliteWriteQueue
{
    /// <summary>Runs <paramref name="write"/> inside the next batch's transaction and returns its result once committed.</summary>
    Task<T> WriteAsync<T>(Func<SqliteTransaction, T> write, CancellationToken cancellationToken);
}
