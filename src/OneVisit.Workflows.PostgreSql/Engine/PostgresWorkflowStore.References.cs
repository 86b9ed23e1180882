using OneVisit.Workflows.Storage;
using WorkflowCore.Models;

namespace OneVisit.Workflows.PostgreSql.Engine;

/// <summary>IEngineStore's recovery queries and retention.</summary>
internal sealed partial class PostgresWorkflowStore
{
    public async Task<string?> FindByReferenceAsync(string reference, CancellationToken cancellationToken) =>
        (await QueryAsync("SELECT id FROM wf_instances WHERE reference = @reference ORDER BY create_time LIMIT 1", c => c.Text("reference", reference), ReadId, cancellationToken)
            .ConfigureAwait(false)).FirstOrDefault();

    public Task<List<(string Id, long NextExecution)>> SleepingAsync(CancellationToken cancellationToken) =>
        QueryAsync("SELECT id, next_execution FROM wf_instances WHERE status = 0 AND next_execution > 0", _ => { }, r => (r.GetString(0), r.GetInt64(1)), cancellationToken);

    /// <summary>Marks unprocessed, and returns, the events an open subscription should have received but never did (see SQLite's).</summary>
    /// <remarks>
    /// Run at start and every poll interval (<c>MissedEventSweep</c>), so it must stay cheap as events pile up. The keys
    /// are compared with <c>=</c> (and null keys in a branch of their own), which <c>wf_events_event</c> serves: written
    /// as <c>IS NOT DISTINCT FROM</c>, which no index serves, it took 110 s over 200,000 events and 2,000 open waits, and
    /// 60 ms this way.
    /// </remarks>
    public Task<List<string>> RequeueMissedEventsAsync(CancellationToken cancellationToken) =>
        WriteAsync(t =>
        {
            using var command = t.Command("""
                UPDATE wf_events SET is_processed = false
                WHERE id IN (
                    SELECT e.id FROM wf_subscriptions s
                    JOIN wf_events e ON e.event_name = s.event_name AND e.event_key = s.event_key AND e.event_time >= s.subscribe_as_of
                    WHERE e.is_processed
                    UNION ALL
                    SELECT e.id FROM wf_subscriptions s
                    JOIN wf_events e ON e.event_name = s.event_name AND e.event_key IS NULL AND e.event_time >= s.subscribe_as_of
                    WHERE s.event_key IS NULL AND e.is_processed)
                RETURNING id
                """);
            using var reader = command.ExecuteReader();
            var ids = new List<string>();
            while (reader.Read())
            {
                ids.Add(reader.GetString(0));
            }

            return ids;
        }, cancellationToken);

    // Every event key OneVisit publishes is the case id or "{caseId}/…": that key and the range ["{caseId}/", "{caseId}0").
    private const string PurgeCaseSql = """
        DELETE FROM wf_scheduled_commands
        WHERE command_name = @process_event AND data IN (SELECT id FROM wf_events WHERE event_key = @case OR (event_key >= @from AND event_key < @to));
        DELETE FROM wf_events WHERE event_key = @case OR (event_key >= @from AND event_key < @to);
        DELETE FROM wf_scheduled_commands
        WHERE command_name = @process_workflow AND data IN (SELECT id FROM wf_instances WHERE reference = @case);
        DELETE FROM wf_subscriptions WHERE workflow_id IN (SELECT id FROM wf_instances WHERE reference = @case);
        DELETE FROM wf_errors WHERE workflow_id IN (SELECT id FROM wf_instances WHERE reference = @case);
        DELETE FROM wf_instances WHERE reference = @case;
        """;

    /// <summary>
    /// In one transaction: unless a workflow of <paramref name="caseIds"/> still runs (its rows are locked first, so no
    /// node resumes it meanwhile), runs <paramref name="caseWrites"/> and, when it returns true, deletes everything the
    /// engine keeps for those cases. All of it or none of it.
    /// </summary>
    public Task<bool> PurgeAsync(IReadOnlyList<string> caseIds, Func<ICaseTransaction, bool> caseWrites, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caseIds);
        ArgumentNullException.ThrowIfNull(caseWrites);
        return WriteAsync(t =>
        {
            if (caseIds.Any(caseId => StillRuns(t, caseId)) || !caseWrites(t))
            {
                return false;
            }

            foreach (var caseId in caseIds)
            {
                t.Execute(PurgeCaseSql, c => c.Text("case", caseId).Text("from", caseId + "/").Text("to", caseId + "0")
                    .Text("process_event", ScheduledCommand.ProcessEvent).Text("process_workflow", ScheduledCommand.ProcessWorkflow));
            }

            return true;
        }, cancellationToken);
    }

    private static bool StillRuns(PostgresCaseTransaction t, string caseId)
    {
        using var command = t.Command("SELECT status FROM wf_instances WHERE reference = @case FOR UPDATE").Text("case", caseId);
        using var reader = command.ExecuteReader();
        var runs = false;
        while (reader.Read())
        {
            var status = (WorkflowStatus)reader.GetInt32(0);
            runs |= status is WorkflowStatus.Runnable or WorkflowStatus.Suspended;
        }

        return runs;
    }
}
