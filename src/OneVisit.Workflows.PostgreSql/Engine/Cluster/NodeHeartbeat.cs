using Microsoft.Extensions.Logging;
using Npgsql;
using OneVisit.Workflows.PostgreSql.Hosting;
using static OneVisit.Workflows.PostgreSql.PostgresValues;

namespace OneVisit.Workflows.PostgreSql.Engine.Cluster;

/// <summary>
/// Keeps this node alive in <c>ov_nodes</c>: registers it when the engine starts, renews <c>seen_at</c> every
/// <see cref="PostgreSqlCaseOptions.HeartbeatInterval"/>, and on a clean stop gives back its locks and leaves, so the
/// other nodes take over at once instead of after the lease.
/// </summary>
/// <remarks>
/// It uses its own connections (<see cref="ClusterConnections"/>), so a node whose main pool is exhausted is still heard
/// from. The heartbeat runs on the wall clock (<see cref="TimeProvider.System"/>) even when the cases run on a test's fake
/// clock: liveness is measured by the database's clock against real time, never by business time.
/// </remarks>
internal sealed partial class NodeHeartbeat(ClusterConnections connections, PostgresNode node, PostgreSqlCaseOptions options, ILogger<NodeHeartbeat> logger) : IAsyncDisposable
{
    private const string RegisterNode = """
        INSERT INTO ov_nodes (node_id, name, started_at, seen_at) VALUES (@node, @name, clock_timestamp(), clock_timestamp())
        ON CONFLICT (node_id) DO UPDATE SET seen_at = excluded.seen_at
        """;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private CancellationTokenSource? _stopping;
    private Task? _loop;

    /// <summary>Heartbeats written so far (for tests and diagnostics).</summary>
    public long Beats
    {
        get => Interlocked.Read(ref _beats);
        private set => Interlocked.Exchange(ref _beats, value);
    }

    private long _beats;

    public async Task StartAsync()
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_loop is not null)
            {
                return;
            }

            await RegisterAsync(CancellationToken.None).ConfigureAwait(false);
            LogJoined(node.Name, node.Id);
            _stopping = new CancellationTokenSource();
            var stopping = _stopping.Token;

            // A thread of its own, with synchronous statements: a node whose thread pool is saturated (steps blocked on
            // the database, a burst of work) must still be heard from, or the others take over the cases of a node
            // that is alive. On the thread pool, the heartbeat's continuation waited behind that work under load.
            _loop = Task.Factory.StartNew(() => Beat(stopping), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task StopAsync()
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_loop is null)
            {
                return;
            }

            await _stopping!.CancelAsync().ConfigureAwait(false);
            await _loop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            _loop = null;
            _stopping.Dispose();
            await LeaveAsync().ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync().ConfigureAwait(false);

    private async Task RegisterAsync(CancellationToken cancellationToken)
    {
        var command = connections.DataSource.CreateCommand(RegisterNode);
        await using (command.ConfigureAwait(false))
        {
            command.Uuid("node", node.Id).Text("name", node.Name);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            Beats++;
        }
    }

    private void Beat(CancellationToken cancellationToken)
    {
        var lastBeat = TimeProvider.System.GetTimestamp();
        while (!cancellationToken.WaitHandle.WaitOne(options.HeartbeatInterval))
        {
            try
            {
                if (!Renew())
                {
                    // Another node took this one for dead (it was not heard from within the lease) and may hold its
                    // locks now; the engine's store refuses this node's saves of those cases. Register again.
                    LogTakenForDead(node.Name, node.Id);
                    Register();
                }

                lastBeat = TimeProvider.System.GetTimestamp();
            }
            catch (Exception ex) when (ex is NpgsqlException or TimeoutException or InvalidOperationException)
            {
                var silent = TimeProvider.System.GetElapsedTime(lastBeat);
                LogBeatFailed(ex, node.Name, silent, node.Lease);
            }
        }
    }

    // Whether the node's row was renewed while its lease still ran; false when it had lapsed (or was removed).
    private bool Renew()
    {
        using var command = connections.DataSource.CreateCommand("UPDATE ov_nodes SET seen_at = clock_timestamp() WHERE node_id = @node AND seen_at > clock_timestamp() - @lease");
        command.Uuid("node", node.Id).Interval("lease", node.Lease);
        var renewed = command.ExecuteNonQuery() == 1;
        Beats++;
        return renewed;
    }

    private void Register()
    {
        using var command = connections.DataSource.CreateCommand(RegisterNode);
        command.Uuid("node", node.Id).Text("name", node.Name);
        command.ExecuteNonQuery();
        Beats++;
    }

    private async Task LeaveAsync()
    {
        try
        {
            var command = connections.DataSource.CreateCommand("DELETE FROM wf_locks WHERE node_id = @node; DELETE FROM ov_nodes WHERE node_id = @node");
            await using (command.ConfigureAwait(false))
            {
                command.Uuid("node", node.Id);
                await command.ExecuteNonQueryAsync(CancellationToken.None).ConfigureAwait(false);
            }

            LogLeft(node.Name);
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            // The database is gone: the other nodes take over after the lease, as after a crash.
            LogLeaveFailed(ex, node.Name, node.Lease);
        }
    }

    [LoggerMessage(EventId = 2602, Level = LogLevel.Information, Message = "Node {NodeName} ({NodeId}) joined the cluster")]
    private partial void LogJoined(string nodeName, Guid nodeId);

    [LoggerMessage(EventId = 2603, Level = LogLevel.Warning, Message = "Node {NodeName} could not renew its heartbeat for {Silent}; past {Lease} the other nodes take over its cases")]
    private partial void LogBeatFailed(Exception exception, string nodeName, TimeSpan silent, TimeSpan lease);

    [LoggerMessage(EventId = 2604, Level = LogLevel.Error, Message = "Node {NodeName} ({NodeId}) was not heard from within its lease and counted as dead; other nodes may have taken over its cases, and its saves of those are refused. It registers again. Check for long pauses (GC, a frozen VM) or a slow database, or lengthen LockLease.")]
    private partial void LogTakenForDead(string nodeName, Guid nodeId);

    [LoggerMessage(EventId = 2605, Level = LogLevel.Information, Message = "Node {NodeName} left the cluster; its locks are free")]
    private partial void LogLeft(string nodeName);

    [LoggerMessage(EventId = 2606, Level = LogLevel.Warning, Message = "Node {NodeName} could not leave the cluster cleanly; the other nodes take over after {Lease}")]
    private partial void LogLeaveFailed(Exception exception, string nodeName, TimeSpan lease);
}
