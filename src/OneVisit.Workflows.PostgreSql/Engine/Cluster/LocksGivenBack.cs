using System.Collections.Concurrent;

namespace OneVisit.Workflows.PostgreSql.Engine.Cluster;

/// <summary>
/// The workflow locks this node's saves gave back in their own transaction. Every save of a workflow ends the node's
/// turn with it (WorkflowCore, and OneVisit's own updates, release the lock right after saving), so the save deletes
/// its lock row with its other writes; the release that follows then has nothing left to send. Shared by the engine's
/// store, which notes a lock once its save committed, and <see cref="PostgresClusterLocks"/>, which takes the note.
/// </summary>
internal sealed class LocksGivenBack
{
    private readonly ConcurrentDictionary<string, byte> _ids = new(StringComparer.Ordinal);

    /// <summary>The save that held <paramref name="lockId"/> committed, and its lock row with it.</summary>
    public void Add(string lockId) => _ids[lockId] = 0;

    /// <summary>Whether a save gave <paramref name="lockId"/> back since this node last took it; forgets it either way.</summary>
    public bool TryTake(string lockId) => _ids.TryRemove(lockId, out _);
}
