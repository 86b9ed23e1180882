using Microsoft.Extensions.Logging;
using Npgsql;
using OneVisit.Workflows.Engine.Runtime;
using OneVisit.Workflows.PostgreSql.Hosting;
using static OneVisit.Workflows.PostgreSql.PostgresValues;

namespace OneVisit.Workflows.PostgreSql.Engine.Cluster;

/// <summary>
/// Locks shared by the nodes on one database, as lease rows (<c>wf_locks</c>) whose lease is the holder's liveness: a
/// lock is held while its node is alive (<see cref="PostgresNode.Alive"/>), and taken over once that node has missed
/// its heartbeats for <see cref="PostgreSqlCaseOptions.LockLease"/>. Joining the cluster registers the node and starts
/// its heartbeat (<see cref="NodeHeartbeat"/>).
/// </summary>
/// <remarks>
/// <para>
/// Why rows rather than session advisory locks: an advisory lock belongs to a connection, so a node would hold one
/// connection per running case or multiplex them all on one (serialising every lock and unlock), a transaction-pooling
/// PgBouncer cannot carry them at all, and a lock silently vanishes with its connection while the node goes on writing.
/// A row costs one statement to take and one to give back, on any pooled connection, and it fences: the engine's store
/// saves a workflow only while this node's row for it exists (Engine/PostgresWorkflowStore), so a node that stalled past
/// its lease and lost the lock cannot overwrite the state its successor wrote.
/// </para>
/// <para>
/// Renewal costs one row per node (<c>ov_nodes.seen_at</c>), not one per lock, because a lock row names its node and
/// the node's row says whether it is alive.
/// </para>
/// </remarks>
internal sealed partial class PostgresClusterLocks(
    NpgsqlDataSource dataSource, NodeHeartbeat heartbeat, PostgresNode node, ILogger<PostgresClusterLocks> logger, LocksGivenBack? givenBack = null) : IClusterLocks
{
    public async Task<bool> TryAcquireAsync(string lockId, CancellationToken cancellationToken)
    {
        // A note left by a save whose release never came (the host stopped in between) must not skip a later release.
        givenBack?.TryTake(lockId);
        var command = dataSource.CreateCommand($"""
            INSERT INTO wf_locks (lock_id, node_id, taken_at) VALUES (@id, @node, clock_timestamp())
            ON CONFLICT (lock_id) DO UPDATE SET node_id = excluded.node_id, taken_at = excluded.taken_at
            WHERE wf_locks.node_id = excluded.node_id OR NOT {PostgresNode.Alive("wf_locks.node_id")}
            """);
        await using (command.ConfigureAwait(false))
        {
            command.Text("id", lockId).Uuid("node", node.Id).Interval("lease", node.Lease);
            var taken = await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
            if (!taken)
            {
                LogHeldElsewhere(lockId);
            }

            return taken;
        }
    }

    public async Task ReleaseAsync(string lockId)
    {
        // The save before this release deleted the row in its own transaction: nothing left to do.
        if (givenBack?.TryTake(lockId) == true)
        {
            return;
        }

        // Not cancellable: WorkflowCore releases in finally blocks, also while the host stops.
        var command = dataSource.CreateCommand("DELETE FROM wf_locks WHERE lock_id = @id AND node_id = @node");
        await using (command.ConfigureAwait(false))
        {
            command.Text("id", lockId).Uuid("node", node.Id);
            await command.ExecuteNonQueryAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }

    public Task StartAsync() => heartbeat.StartAsync();

    public Task StopAsync() => heartbeat.StopAsync();

    [LoggerMessage(EventId = 2601, Level = LogLevel.Trace, Message = "Lock {LockId} is held by another node")]
    private partial void LogHeldElsewhere(string lockId);
}
