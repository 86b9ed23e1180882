using System.Text.Json;
using Microsoft.Data.Sqlite;
using OneVisit.Workflows.Persistence.Sqlite;
using OneVisit.Workflows.Storage;
using WorkflowCore.Models;

namespace OneVisit.Workflows.Engine.Persistence;

/// <summary>IWorkflowRepository: instances as columns plus a JSON document.</summary>
internal sealed partial class SqliteWorkflowStore
{
    public async Task<string> CreateNewWorkflow(WorkflowInstance workflow, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        workflow.Id = NewIdIfEmpty(workflow.Id);
        var row = WorkflowRow.From(workflow, _document);
        var (writes, afterCommit) = PendingOf(workflow);

        // A reference names one workflow: a second start for the same case (two submissions with one
        // idempotency key racing) gets the first one's id instead of a second workflow. The check runs inside
        // the single writer, so no other write can come between it and the insert.
        var id = await WriteAsync(transaction =>
        {
            if (_options.UniqueReferences && workflow.Reference is { Length: > 0 } reference && FindByReference(transaction, reference) is { } existing)
            {
                return existing;
            }

            row.Insert(transaction);
            RunAll(writes, transaction, _options.AuditSeal);
            return row.Id;
        }, cancellationToken).ConfigureAwait(false);
        RunAll(afterCommit);
        workflow.Id = id;
        return id;
    }

    private static (List<Action<ICaseTransaction>> Writes, List<Action> AfterCommit) PendingOf(WorkflowInstance workflow) =>
        workflow.Data is Storage.IHasPendingWrites carrier ? carrier.Writes.Take() : ([], []);

    private static void RunAll(List<Action<ICaseTransaction>> writes, SqliteTransaction transaction, Storage.AuditSeal seal)
    {
        if (writes.Count == 0)
        {
            return;
        }

        var caseTransaction = new SqliteCaseTransaction(transaction, seal);
        foreach (var write in writes)
        {
            write(caseTransaction);
        }
    }

    /// <summary>
    /// Runs what waits for the commit. The write is stored by then, so a failing action is logged, never thrown:
    /// the engine would take the save for failed and run the steps again.
    /// </summary>
    private void RunAll(List<Action> actions)
    {
        foreach (var action in actions)
        {
            try
            {
                action();
            }
            catch (Exception ex)
            {
                Log.AfterCommitFailed(_logger, ex);
            }
        }
    }

    private static string? FindByReference(SqliteTransaction transaction, string reference)
    {
        using var command = SqlCommands.Create(transaction, "SELECT id FROM wf_instances WHERE reference = $reference ORDER BY create_time LIMIT 1;")
            .With("$reference", reference);
        return command.ExecuteScalar() as string;
    }

    public Task PersistWorkflow(WorkflowInstance workflow, CancellationToken cancellationToken = default) =>
        PersistWorkflow(workflow, null, cancellationToken);

    /// <summary>
    /// Saves the instance, inserts its new subscriptions and runs the statements its steps left pending as one
    /// queued write, hence in one savepoint of one transaction: either all of it is stored or none of it
    /// (WorkflowCore passes null when there are no subscriptions).
    /// </summary>
    /// <remarks>
    /// The token is deliberately not honoured: WorkflowCore persists in a finally block with its consumer's token,
    /// which host shutdown has already cancelled, and the steps this records have already run. Dropping the write
    /// would make them run again after a restart; finishing it costs one queued statement.
    /// </remarks>
    public Task PersistWorkflow(
        WorkflowInstance workflow, List<EventSubscription>? subscriptions, CancellationToken cancellationToken = default) =>
        PersistWorkflow(workflow, subscriptions, also: null);

    /// <summary>The save, with <paramref name="also"/> written in the same transaction (an event delivery's).</summary>
    private async Task PersistWorkflow(WorkflowInstance workflow, List<EventSubscription>? subscriptions, Action<SqliteTransaction>? also)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        var row = WorkflowRow.From(workflow, _document);
        var subscriptionRows = new List<SubscriptionRow>(subscriptions?.Count ?? 0);
        foreach (var subscription in subscriptions ?? [])
        {
            subscription.Id = NewIdIfEmpty(subscription.Id);
            subscriptionRows.Add(SubscriptionRow.From(subscription, _payloads));
        }

        var (writes, afterCommit) = PendingOf(workflow);
        await WriteAsync(transaction =>
        {
            row.Update(transaction);
            foreach (var subscriptionRow in subscriptionRows)
            {
                subscriptionRow.Insert(transaction);
            }

            RunAll(writes, transaction, _options.AuditSeal);
            also?.Invoke(transaction);
            return true;
        }, CancellationToken.None).ConfigureAwait(false);
        RunAll(afterCommit);
    }

    public Task<IEnumerable<string>> GetRunnableInstances(DateTime asAt, CancellationToken cancellationToken = default)
    {
        var now = UtcTicks.From(asAt);
        return ReadAsync<IEnumerable<string>>(connection =>
        {
            // "status = 0" is spelled as a literal so SQLite can match the partial index wf_instances_runnable.
            using var command = SqlCommands.Create(connection, """
                SELECT id FROM wf_instances
                WHERE status = 0 AND next_execution <= $now
                ORDER BY next_execution;
                """).With("$now", now);
            return command.ReadStrings();
        }, cancellationToken);
    }

    public Task<WorkflowInstance?> GetWorkflowInstance(string Id, CancellationToken cancellationToken = default) =>
        ReadAsync(connection =>
        {
            using var command = SqlCommands.Create(
                connection, $"SELECT {WorkflowRow.SelectColumns} FROM wf_instances WHERE id = $id;").With("$id", Id);
            return ReadWorkflows(command).FirstOrDefault();
        }, cancellationToken);

    public async Task<IEnumerable<WorkflowInstance>> GetWorkflowInstances(
        IEnumerable<string>? ids, CancellationToken cancellationToken = default)
    {
        if (ids is null)
        {
            return [];
        }

        // One JSON array parameter instead of one parameter per id: the statement is the same for any count.
        var idArray = JsonSerializer.Serialize(ids.ToArray(), PersistenceJsonContext.Default.StringArray);
        return await ReadAsync(connection =>
        {
            using var command = SqlCommands.Create(connection, $"""
                SELECT {WorkflowRow.SelectColumns} FROM wf_instances
                WHERE id IN (SELECT value FROM json_each($ids));
                """).With("$ids", idArray);
            return ReadWorkflows(command);
        }, cancellationToken).ConfigureAwait(false);
    }

    [Obsolete("WorkflowCore marks this query obsolete; it is kept because the interface still requires it.")]
    public Task<IEnumerable<WorkflowInstance>> GetWorkflowInstances(
        WorkflowStatus? status, string? type, DateTime? createdFrom, DateTime? createdTo, int skip, int take) =>
        ReadAsync<IEnumerable<WorkflowInstance>>(connection =>
        {
            using var command = SqlCommands.Create(connection, $"""
                SELECT {WorkflowRow.SelectColumns} FROM wf_instances
                WHERE ($status IS NULL OR status = $status)
                  AND ($type IS NULL OR definition_id = $type)
                  AND ($from IS NULL OR create_time >= $from)
                  AND ($to IS NULL OR create_time <= $to)
                ORDER BY create_time, id
                LIMIT $take OFFSET $skip;
                """)
                .With("$status", status is { } s ? (int)s : null)
                .With("$type", string.IsNullOrEmpty(type) ? null : type)
                .With("$from", UtcTicks.From(createdFrom))
                .With("$to", UtcTicks.From(createdTo))
                .With("$take", take)
                .With("$skip", skip);
            return ReadWorkflows(command);
        }, CancellationToken.None);

    private List<WorkflowInstance> ReadWorkflows(SqliteCommand command)
    {
        var result = new List<WorkflowInstance>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            result.Add(WorkflowRow.Read(reader, _document));
        }

        return result;
    }
}
