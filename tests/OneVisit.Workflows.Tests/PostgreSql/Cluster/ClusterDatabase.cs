using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using OneVisit.Workflows.PostgreSql;
using OneVisit.Workflows.PostgreSql.Engine.Cluster;
using OneVisit.Workflows.PostgreSql.Engine;
using OneVisit.Workflows.PostgreSql.Hosting;
using OneVisit.Workflows.Storage;
using OneVisit.Workflows.Tests.Engine.Persistence;
using OneVisit.Workflows.Tests.Support;

namespace OneVisit.Workflows.Tests.PostgreSql.Cluster;

/// <summary>One database with the parts of a cluster node on it, built by hand so a test can play several nodes.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
internal sealed class ClusterDatabase(string connectionString) : IAsyncDisposable
{
    private readonly List<IAsyncDisposable> _owned = [];

    /// <summary>A node: its data source, storage, engine store, locks, heartbeat (started) and queues (not started).</summary>
    public async Task<Node> NodeAsync(string name, Action<PostgreSqlCaseOptions>? configure = null)
    {
        var options = new PostgreSqlCaseOptions { NodeName = name, LockLease = TimeSpan.FromSeconds(30), HeartbeatInterval = TimeSpan.FromSeconds(10) };
        configure?.Invoke(options);
        var source = NpgsqlDataSource.Create(connectionString);
        var node = PostgresNode.Start(options);
        var storage = new PostgresCaseStorage(source, AuditSeal.Unkeyed, node);
        await storage.InitializeAsync(CancellationToken.None);
        var givenBack = new LocksGivenBack();
        var engine = new PostgresWorkflowStore(storage, TestPayloads.Create(), NullLogger<PostgresWorkflowStore>.Instance, givenBack: givenBack);
        await engine.InitializeAsync();
        var control = new ClusterConnections(NpgsqlDataSource.Create(connectionString));
        var heartbeat = new NodeHeartbeat(control, node, options, NullLogger<NodeHeartbeat>.Instance);
        var locks = new PostgresClusterLocks(source, heartbeat, node, NullLogger<PostgresClusterLocks>.Instance, givenBack);
        await locks.StartAsync();
        var queues = new PostgresWorkQueues(source, control, node, options, NullLogger<PostgresWorkQueues>.Instance);
        var created = new Node(node, storage, engine, heartbeat, locks, queues, source, control);
        lock (_owned)
        {
            _owned.Add(created);
        }

        return created;
    }

    /// <summary>What a crash looks like to the others: the node is no longer heard from (its last beat is an hour old).</summary>
    public Task KillAsync(Node node) =>
        ExecuteAsync($"UPDATE ov_nodes SET seen_at = seen_at - interval '1 hour' WHERE node_id = '{node.Identity.Id}'");

    public async Task ExecuteAsync(string sql)
    {
        await using var source = NpgsqlDataSource.Create(connectionString);
        await using var command = source.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    public Task<object?> ScalarAsync(string sql) => PostgresQuery.ScalarAsync(connectionString, sql);

    public async ValueTask DisposeAsync()
    {
        foreach (var owned in _owned)
        {
            await owned.DisposeAsync();
        }
    }

    internal sealed record Node(
        PostgresNode Identity, PostgresCaseStorage Storage, PostgresWorkflowStore Engine, NodeHeartbeat Heartbeat,
        PostgresClusterLocks Locks, PostgresWorkQueues Queues, NpgsqlDataSource Source, ClusterConnections Control) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Queues.StopAsync();
            await Heartbeat.StopAsync();
            await Source.DisposeAsync();
            await Control.DisposeAsync();
        }
    }
}
