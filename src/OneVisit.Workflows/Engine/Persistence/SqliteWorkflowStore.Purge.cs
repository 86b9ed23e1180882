using Microsoft.Data.Sqlite;
using OneVisit.Workflows.Persistence.Sqlite;
using OneVisit.Workflows.Storage;
using WorkflowCore.Models;

namespace OneVisit.Workflows.Engine.Persistence;

/// <summary>Retention: removing everything the engine keeps for closed cases, with the case store's own writes.</summary>
internal sealed partial class SqliteWorkflowStore
{
    // Every event key OneVisit publishes is the case id itself (a decision, a pickup) or "{caseId}/…" (CaseEventNames,
    // BundleEvents), so a case's events are that key and the keys from "{caseId}/" up to, not including, "{caseId}0"
    // ('0' follows '/'): one lookup and one range on wf_events_key.
    private const string PurgeCaseSql = """
        DELETE FROM wf_scheduled_commands
        WHERE command_name = $process_event AND data IN (SELECT id FROM wf_events WHERE event_key = $case OR (event_key >= $from AND event_key < $to));
        DELETE FROM wf_events WHERE event_key = $case OR (event_key >= $from AND event_key < $to);
        DELETE FROM wf_scheduled_commands
        WHERE command_name = $process_workflow AND data IN (SELECT id FROM wf_instances WHERE reference = $case);
        DELETE FROM wf_subscriptions WHERE workflow_id IN (SELECT id FROM wf_instances WHERE reference = $case);
        DELETE FROM wf_errors WHERE workflow_id IN (SELECT id FROM wf_instances WHERE reference = $case);
        DELETE FROM wf_instances WHERE reference = $case;
        """;

    /// <summary>
    /// In one transaction: unless a workflow of <paramref name="caseIds"/> still runs (then nothing is written and
    /// false returned; a later sweep tries again), runs <paramref name="caseWrites"/> and, when it returns true,
    /// deletes each case's workflow documents (with their execution pointers), subscriptions, events, scheduled
    /// commands and errors. Either all of it is stored or none of it.
    /// </summary>
    public Task<bool> PurgeAsync(IReadOnlyList<string> caseIds, Func<ICaseTransaction, bool> caseWrites, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caseIds);
        ArgumentNullException.ThrowIfNull(caseWrites);
        return WriteAsync(transaction =>
        {
            if (caseIds.Any(caseId => StillRuns(transaction, caseId)) || !caseWrites(new SqliteCaseTransaction(transaction, _options.AuditSeal)))
            {
                return false;
            }

            foreach (var caseId in caseIds)
            {
                using var purge = SqlCommands.Create(transaction, PurgeCaseSql)
                    .With("$case", caseId)
                    .With("$from", caseId + "/")
                    .With("$to", caseId + "0")
                    .With("$process_event", ScheduledCommand.ProcessEvent)
                    .With("$process_workflow", ScheduledCommand.ProcessWorkflow);
                purge.ExecuteNonQuery();
            }

            return true;
        }, cancellationToken);
    }

    /// <summary>A workflow the engine may still run or resume: its document is not the engine's to lose yet.</summary>
    private static bool StillRuns(SqliteTransaction transaction, string caseId)
    {
        using var command = SqlCommands.Create(transaction, "SELECT 1 FROM wf_instances WHERE reference = $case AND status IN ($runnable, $suspended) LIMIT 1;")
            .With("$case", caseId)
            .With("$runnable", (int)WorkflowStatus.Runnable)
            .With("$suspended", (int)WorkflowStatus.Suspended);
        return command.ExecuteScalar() is not null;
    }
}
