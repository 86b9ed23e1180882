namespace OneVisit.Workflows.PostgreSql.Hosting;

/// <summary>This process as a node of the cluster: a new id each start, and a name people recognise.</summary>
internal sealed record PostgresNode(Guid Id, string Name)
{
    public static PostgresNode Start(string? name) =>
        new(Guid.NewGuid(), string.IsNullOrWhiteSpace(name) ? $"{Environment.MachineName}/{Environment.ProcessId}" : name.Trim());
}
