using Npgsql;

namespace OneVisit.Workflows.PostgreSql.Hosting;

/// <summary>
/// A small pool of its own (two connections) for what keeps a node in the cluster: its heartbeat and its
/// <c>LISTEN</c> connection. A node busy enough to use every connection of its main pool must still be heard from;
/// sharing that pool, its heartbeat would wait for a connection, miss its lease, and the others would take over the
/// cases of a node that is alive.
/// </summary>
internal sealed class ClusterConnections(NpgsqlDataSource dataSource) : IAsyncDisposable
{
    public NpgsqlDataSource DataSource => dataSource;

    public ValueTask DisposeAsync() => dataSource.DisposeAsync();
}
