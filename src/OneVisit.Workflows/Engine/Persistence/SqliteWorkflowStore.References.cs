using OneVisit.Workflows.Persistence.Sqlite;

namespace OneVisit.Workflows.Engine.Persistence;

/// <summary>Finding a case's workflow by its reference (the case id), to repair an interrupted submission.</summary>
internal sealed partial class SqliteWorkflowStore : IEngineStore
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

    /// <summary>
    /// Marks unprocessed, and returns, the events that an open subscription should have received but never did.
    /// WorkflowCore marks an event processed when no wait holds its key yet, and re-offers it when the wait is
    /// saved; a host that stopped between those two steps left the wait without its event for good.
    /// </summary>
    public Task<List<string>> RequeueMissedEventsAsync(CancellationToken cancellationToken) =>
        WriteAsync(transaction =>
        {
            // Driven from the open subscriptions (few: the waits of open cases) into wf_events_event, never a
            // scan of every event ever processed; CROSS JOIN makes SQLite keep that order.
            using var command = SqlCommands.Create(transaction, """
                UPDATE wf_events SET is_processed = 0
                WHERE id IN (
                    SELECT e.id FROM wf_subscriptions s
                    CROSS JOIN wf_events e ON e.event_name = s.event_name AND e.event_key IS s.event_key AND e.event_time >= s.subscribe_as_of
                    WHERE e.is_processed = 1)
                RETURNING id;
                """);
            return command.ReadStrings().ToList();
        }, cancellationToken);
}
