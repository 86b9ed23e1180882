namespace OneVisit.Workflows.Storage;

/// <summary>
/// One storage implementation as a whole (SQLite; PostgreSQL in its package): it creates or upgrades its tables on start and says
/// what its own failures mean to a caller (<see cref="IStoreErrorTranslator"/>). A second implementation provides this, the store interfaces of this
/// folder and <see cref="ICaseTransaction"/>, and passes the same contract tests (tests/OneVisit.Workflows.Tests/Storage/Contract).
/// Instants are kept to the millisecond and read back in UTC.
/// </summary>
internal interface ICaseStorage : IStoreErrorTranslator
{
    /// <summary>
    /// Whether other nodes run cases on the same store (PostgreSQL): then each node rescans for timers and evidence
    /// requests it did not arm itself, and claims before it fires or sends, so that work left by a dead node is done
    /// once, by another. False for SQLite's one node.
    /// </summary>
    bool SharedByNodes { get; }

    /// <summary>Creates or upgrades OneVisit's tables; safe to call on every start and from several processes.</summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Runs <paramref name="write"/> in a transaction of its own and returns its result once committed: all of its
    /// writes are stored, or (when it throws) none. Case steps write through the engine's save instead
    /// (<see cref="PendingWrites"/>); this is for writes with no document to carry them.
    /// </summary>
    Task<T> WriteAsync<T>(Func<ICaseTransaction, T> write, CancellationToken cancellationToken);
}
