using OneVisit.Workflows.Storage;
using WorkflowCore.Models;

namespace OneVisit.Workflows.Engine;

/// <summary>
/// What OneVisit needs of WorkflowCore's store beyond <c>IPersistenceProvider</c>: once-only events written with a
/// case step's other writes, and the recovery queries run at start. Each storage implementation provides one, which is
/// also the engine's persistence provider (SQLite: <see cref="Persistence.SqliteWorkflowStore"/>; PostgreSQL: in its package).
/// </summary>
internal interface IEngineStore : WorkflowCore.Interface.IPersistenceProvider
{
    /// <summary>The workflow started with this reference (the case id), if any.</summary>
    Task<string?> FindByReferenceAsync(string reference, CancellationToken cancellationToken);

    /// <summary>Runnable workflows sleeping until a later time (UTC ticks), to re-arm their wake-ups after a restart.</summary>
    Task<List<(string Id, long NextExecution)>> SleepingAsync(CancellationToken cancellationToken);

    /// <summary>Marks unprocessed, and returns, the events that an open subscription should have received but never did.</summary>
    Task<List<string>> RequeueMissedEventsAsync(CancellationToken cancellationToken);

    /// <summary>Claims the event's wait and stores the event inside a case step's <paramref name="transaction"/>; false when already claimed.</summary>
    bool TryCreateClaimedEvent(ICaseTransaction transaction, Event newEvent, string caseId, string actor, bool onlyWhileOpen);

    /// <summary>
    /// Retention: in one transaction, runs <paramref name="caseWrites"/> (false: write nothing) and deletes every
    /// workflow of <paramref name="caseIds"/> with all the engine kept for it; false, writing nothing, while one of
    /// those workflows still runs.
    /// </summary>
    Task<bool> PurgeAsync(IReadOnlyList<string> caseIds, Func<ICaseTransaction, bool> caseWrites, CancellationToken cancellationToken);

    /// <summary>Claims the event's wait and stores the event in a transaction of its own; false when already claimed (or closed).</summary>
    Task<bool> TryCreateClaimedEventAsync(Event newEvent, string caseId, string actor, bool onlyWhileOpen, CancellationToken cancellationToken);
}
