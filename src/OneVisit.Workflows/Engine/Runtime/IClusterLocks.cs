namespace OneVisit.Workflows.Engine.Runtime;

/// <summary>
/// Locks shared by every node on one database (the PostgreSQL package provides them); without them the runtime's
/// locks are this process's alone, which is right for SQLite's one node.
/// </summary>
/// <remarks>
/// <see cref="PromptLockProvider"/> takes its node-local lock first and asks here only when that succeeded, so a lock
/// contended inside one node costs no round trip, and the local lock keeps its prompt re-queue of blocked work.
/// WorkflowCore's event locks (<c>evt:</c>) stay local: two nodes seeding the same event into one workflow are
/// already serialised by that workflow's lock, and the second finds the event delivered.
/// </remarks>
internal interface IClusterLocks
{
    /// <summary>Takes <paramref name="lockId"/> for this node if no live node holds it.</summary>
    Task<bool> TryAcquireAsync(string lockId, CancellationToken cancellationToken);

    /// <summary>Gives <paramref name="lockId"/> back.</summary>
    Task ReleaseAsync(string lockId);

    /// <summary>Joins the cluster (registers the node and starts its heartbeat); called when the engine starts.</summary>
    Task StartAsync();

    /// <summary>Leaves the cluster, releasing what this node holds; called when the engine stops.</summary>
    Task StopAsync();
}
