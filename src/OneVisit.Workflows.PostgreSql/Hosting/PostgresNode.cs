namespace OneVisit.Workflows.PostgreSql.Hosting;

/// <summary>
/// This process as a node of the cluster: a new id each start, a name people recognise, and how long what it holds
/// outlives its last heartbeat (<see cref="PostgreSqlCaseOptions.LockLease"/>).
/// </summary>
internal sealed record PostgresNode(Guid Id, string Name, TimeSpan Lease)
{
    /// <summary>
    /// SQL that is true when the node whose id is in <paramref name="column"/> is alive: registered, and heard from within
    /// the lease (parameter <c>@lease</c>). The database's clock decides, so nodes' clocks may disagree.
    /// </summary>
    public static string Alive(string column) =>
        $"EXISTS (SELECT 1 FROM ov_nodes n WHERE n.node_id = {column} AND n.seen_at > clock_timestamp() - @lease)";

    public static PostgresNode Start(PostgreSqlCaseOptions options) =>
        new(
            Guid.NewGuid(),
            string.IsNullOrWhiteSpace(options.NodeName) ? $"{Environment.MachineName}/{Environment.ProcessId}" : options.NodeName.Trim(),
            options.LockLease);
}
