using Microsoft.Data.Sqlite;

namespace OneVisit.Workflows.Persistence.Sqlite;

/// <summary>
/// One queued write: run inside the writer's open transaction, completed only after that transaction commits.
/// The split between <see cref="Execute"/> and <see cref="Complete"/> is what lets many writes share one commit.
/// </summary>
internal abstract class WriteRequest(CancellationToken cancellationToken)
{
    public CancellationToken CancellationToken { get; } = cancellationToken;

    /// <summary>Runs the write; throwing rolls back this write only (its savepoint).</summary>
    public abstract void Execute(SqliteTransaction transaction);

    /// <summary>Called after the commit: hands the caller the result of <see cref="Execute"/>.</summary>
    public abstract void Complete();

    public abstract void Fail(Exception exception);

    public abstract void Cancel();
}
