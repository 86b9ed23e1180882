namespace OneVisit.Workflows.Engine.Persistence;

/// <summary>Finding a case's workflow by its reference (the case id), to repair an interrupted submission.</summary>
internal sealed partial class SqliteWorkflowStore : IWorkflowReferences
{
    public Task<string?> FindByReferenceAsync(string reference, CancellationToken cancellationToken) =>
        ReadAsync(connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT id FROM wf_instances WHERE reference = $reference ORDER BY create_time LIMIT 1";
            command.Parameters.AddWithValue("$reference", reference);
            return command.ExecuteScalar() as string;
        }, cancellationToken);
}
