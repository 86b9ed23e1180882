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

    /// <summary>Runnable workflows sleeping until a later time, to re-arm their wake-ups after a restart.</summary>
    public Task<List<(string Id, long NextExecution)>> SleepingAsync(CancellationToken cancellationToken) =>
        ReadAsync(connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT id, next_execution FROM wf_instances WHERE status = 0 AND next_execution > 0";
            using var reader = command.ExecuteReader();
            var sleeping = new List<(string, long)>();
            while (reader.Read())
            {
                sleeping.Add((reader.GetString(0), reader.GetInt64(1)));
            }

            return sleeping;
        }, cancellationToken);
}
