using OneVisit.Workflows.Storage;

namespace OneVisit.Workflows.Persistence.Sqlite;

/// <summary>Where the SQLite database lives and how its single writer batches.</summary>
internal sealed class SqliteStoreOptions
{
    /// <summary>
    /// A Microsoft.Data.Sqlite connection string, e.g. <c>Data Source=/var/lib/onevisit/onevisit.db</c>.
    /// Pooling stays on (the default) because every read opens and closes a connection.
    /// </summary>
    public required string ConnectionString { get; init; }

    /// <summary>
    /// How many queued writes one transaction may take (group commit). 1 turns group commit off:
    /// every write then pays its own commit, which is only useful to measure what batching buys.
    /// </summary>
    public int MaxWriteBatch { get; init; } = 256;

    /// <summary>
    /// false (default): <c>synchronous=NORMAL</c>, commits survive a process crash but the last ones may be lost
    /// on power loss, and a commit costs no fsync. true: <c>synchronous=FULL</c>, every commit is fsynced; this is
    /// where group commit pays most, as one fsync then covers every write of the batch.
    /// </summary>
    public bool SyncEveryCommit { get; init; }

    /// <summary>
    /// true: a workflow reference names one workflow, and creating a second with the same reference returns the first
    /// one's id (OneVisit sets the reference to the case id, so two racing starts of one case make one workflow).
    /// false (default): references are free text, as in WorkflowCore's own providers.
    /// </summary>
    public bool UniqueReferences { get; init; }

    /// <summary>How long a connection waits on a lock held by another connection or process.</summary>
    public TimeSpan BusyTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How audit lines are sealed: hashed, and with the host's key also HMAC'd (CaseOptions.AuditKey).</summary>
    public AuditSeal AuditSeal { get; init; } = AuditSeal.Unkeyed;
}
