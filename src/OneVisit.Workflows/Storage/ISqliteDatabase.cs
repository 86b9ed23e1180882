using Microsoft.Data.Sqlite;

namespace OneVisit.Workflows.Storage;

/// <summary>
/// The case database as the engine's store opens it, shared by OneVisit's own tables so both use the same
/// connection settings and the one writer with group commit: a step's audit lines and its workflow document
/// are committed together instead of contending for SQLite's write lock.
/// </summary>
internal interface ISqliteDatabase
{
    /// <summary>Runs <paramref name="write"/> inside the next batch's transaction and returns its result once committed.</summary>
    Task<T> WriteAsync<T>(Func<SqliteTransaction, T> write, CancellationToken cancellationToken);

    /// <summary>Runs <paramref name="read"/> on a pooled reader connection (WAL: it sees the last commit and never waits for the writer).</summary>
    Task<T> ReadAsync<T>(Func<SqliteConnection, T> read, CancellationToken cancellationToken);

    /// <summary>Creates or upgrades a component's tables.</summary>
    Task MigrateAsync(Engine.Persistence.SqliteMigrations migrations, CancellationToken cancellationToken);
}
