using OneVisit.Workflows.Engine.Persistence;
using OneVisit.Workflows.Storage;
using WorkflowCore.Models;
using static OneVisit.Workflows.PostgreSql.PostgresValues;

namespace OneVisit.Workflows.PostgreSql.Engine;

/// <summary>IWorkflowRepository: instances as columns plus a JSON document.</summary>
internal sealed partial class PostgresWorkflowStore
{
    /// <summary>
    /// Inserts the instance and runs the case writes its steps left pending, in one transaction. A reference names one
    /// workflow: the reference's advisory lock, held until the transaction ends, makes "look for it, then insert" one
    /// step across every node, so a second start for the same case gets the first one's id instead of a second workflow.
    /// The lock is taken in a statement of its own, so the look-up after it (READ COMMITTED) sees what committed meanwhile.
    /// </summary>
    public async Task<string> CreateNewWorkflow(WorkflowInstance workflow, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        workflow.Id = NewIdIfEmpty(workflow.Id);
        var document = _document.Serialize(workflow);
        var (writes, afterCommit) = PendingOf(workflow);
        var id = await WriteAsync(t =>
        {
            if (_uniqueReferences && workflow.Reference is { Length: > 0 } reference)
            {
                t.Execute("SELECT pg_advisory_xact_lock(@lock, hashtext(@reference))", c => c.Int("lock", ReferenceLock).Text("reference", reference));
                using var find = t.Command("SELECT id FROM wf_instances WHERE reference = @reference ORDER BY create_time LIMIT 1").Text("reference", reference);
                if (find.ExecuteScalar() is string existing)
                {
                    return existing;
                }
            }

            t.Defer(
                $"INSERT INTO wf_instances ({WorkflowColumns}, revision) VALUES (@id, @definition_id, @version, @status, @reference, @next_execution, @create_time, @complete_time, @document, @revision)",
                c => BindWorkflow(c, workflow, document).Long("revision", NewRevision()));
            RunAll(writes, t);
            return workflow.Id;
        }, cancellationToken).ConfigureAwait(false);
        RunAll(afterCommit);
        workflow.Id = id;
        return id;
    }

    private static (List<Action<ICaseTransaction>> Writes, List<Action> AfterCommit) PendingOf(WorkflowInstance workflow) =>
        workflow.Data is IHasPendingWrites carrier ? carrier.Writes.Take() : ([], []);

    private static void RunAll(List<Action<ICaseTransaction>> writes, PostgresCaseTransaction transaction)
    {
        foreach (var write in writes)
        {
            write(transaction);
        }
    }

    /// <summary>Runs what waits for the commit; the write is stored by then, so a failing action is logged, never thrown.</summary>
    private void RunAll(List<Action> actions)
    {
        foreach (var action in actions)
        {
            try
            {
                action();
            }
#pragma warning disable CA1031 // The save stands; the engine would otherwise run the steps again.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                Log.AfterCommitFailed(_logger, ex);
            }
        }
    }

    public Task PersistWorkflow(WorkflowInstance workflow, CancellationToken cancellationToken = default) =>
        PersistWorkflow(workflow, null, cancellationToken);

    /// <summary>
    /// Saves the instance, inserts its new subscriptions and runs the case writes its steps left pending, in one
    /// transaction: all of it is stored or none of it. The token is deliberately not honoured (as on SQLite):
    /// WorkflowCore persists in a finally block with a token that shutdown has already cancelled.
    /// </summary>
    public Task PersistWorkflow(WorkflowInstance workflow, List<EventSubscription>? subscriptions, CancellationToken cancellationToken = default) =>
        PersistWorkflow(workflow, subscriptions, also: null);

    /// <summary>The save, with <paramref name="also"/> written in the same transaction (an event delivery's).</summary>
    private async Task PersistWorkflow(WorkflowInstance workflow, List<EventSubscription>? subscriptions, Action<PostgresCaseTransaction>? also)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        var document = _document.Serialize(workflow);
        var subscriptionRows = new List<Action<Npgsql.NpgsqlCommand>>(subscriptions?.Count ?? 0);
        foreach (var subscription in subscriptions ?? [])
        {
            subscription.Id = NewIdIfEmpty(subscription.Id);
            subscriptionRows.Add(SubscriptionValues(subscription));
        }

        var (writes, afterCommit) = PendingOf(workflow);
        var revision = NewRevision();
        await WriteAsync(t =>
        {
            // In a cluster the save is fenced: it only lands while this node still holds the workflow's lock. A node
            // that stalled past its lease may have lost the lock to another, whose state it must not overwrite.
            // The fence is the lock's release: a save ends this node's turn with the workflow (the release follows it),
            // so the lock row is deleted, first in the save's batch, and this node's release then sends nothing
            // (LocksGivenBack). The DELETE keeps the row locked until the commit: a takeover (TryAcquireAsync's ON
            // CONFLICT DO UPDATE of that row) waits for this save, so the node taking over loads the state saved here;
            // and a takeover committed first is seen (READ COMMITTED re-reads a row changed since the snapshot before
            // deleting it), no row of this node is left, and this save is refused. A plain EXISTS in the update read
            // the row without locking it: a takeover could commit between that check and this commit, the new holder
            // load the state from before this save, and one of the two saves silently undo the other (an event marked
            // processed whose delivery was lost, leaving the workflow waiting for it forever). A refused save has
            // written nothing that stays (the transaction rolls back, the row with it).
            if (_node is { } node)
            {
                t.Defer(
                    "DELETE FROM wf_locks WHERE lock_id = @id AND node_id = @node",
                    c => c.Text("id", workflow.Id).Uuid("node", node.Id),
                    held =>
                    {
                        if (held == 0)
                        {
                            throw Exists(t, workflow.Id) ? new LockLostException(workflow.Id, node.Name) : NotCreated(workflow.Id);
                        }
                    });
            }

            t.Defer(
                """
                UPDATE wf_instances SET definition_id = @definition_id, version = @version, status = @status, reference = @reference,
                    next_execution = @next_execution, create_time = @create_time, complete_time = @complete_time, document = @document,
                    revision = @revision
                WHERE id = @id
                """,
                c => BindWorkflow(c, workflow, document).Long("revision", revision),
                updated =>
                {
                    if (updated == 0)
                    {
                        throw NotCreated(workflow.Id);
                    }
                });
            foreach (var row in subscriptionRows)
            {
                t.Defer(InsertSubscription, row);
            }

            RunAll(writes, t);
            also?.Invoke(t);
            return true;
        }, CancellationToken.None).ConfigureAwait(false);
        if (_node is not null)
        {
            _givenBack?.Add(workflow.Id);
        }

        SavedHere?.Invoke(workflow.Id, revision);
        RunAll(afterCommit);
    }

    /// <summary>
    /// Told the revision each save on this node wrote, once it committed (the waits' probe, so it does not take this
    /// node's own saves for another node's; see <see cref="ReadRevisionsAsync"/>).
    /// </summary>
    public Action<string, long>? SavedHere { get; set; }

    /// <summary>
    /// A revision for one save: random, so nodes need not agree on a counter, and never negative, so it never equals
    /// the probe's markers for "not read yet" and "gone". Two saves of one workflow draw the same one with odds of
    /// one in 2^63; the probe would then miss a save until the next one (or the wait's timeout).
    /// </summary>
    private static long NewRevision() => Random.Shared.NextInt64(0, long.MaxValue);

    private static InvalidOperationException NotCreated(string id) =>
        new($"Workflow instance {id} does not exist; create it before persisting it.");

    private static bool Exists(PostgresCaseTransaction transaction, string id)
    {
        using var find = transaction.Command("SELECT 1 FROM wf_instances WHERE id = @id").Text("id", id);
        return find.ExecuteScalar() is not null;
    }

    public async Task<IEnumerable<string>> GetRunnableInstances(DateTime asAt, CancellationToken cancellationToken = default) =>
        await QueryAsync(
            "SELECT id FROM wf_instances WHERE status = 0 AND next_execution <= @now ORDER BY next_execution",
            c => c.Long("now", UtcTicks.From(asAt)),
            ReadId,
            cancellationToken).ConfigureAwait(false);

    public async Task<WorkflowInstance?> GetWorkflowInstance(string Id, CancellationToken cancellationToken = default) =>
        (await QueryAsync($"SELECT {WorkflowColumns} FROM wf_instances WHERE id = @id", c => c.Text("id", Id), ReadWorkflow, cancellationToken).ConfigureAwait(false))
            .FirstOrDefault();

    /// <summary>
    /// Each given workflow's revision, in one round trip: the value its last save wrote (<see cref="NewRevision"/>),
    /// which this node's own saves also report through <see cref="SavedHere"/>. Only compared for equality. A workflow
    /// the table no longer has is left out. For <see cref="OneVisit.Workflows.Engine.CaseWatcher"/>'s probe.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, long>> ReadRevisionsAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        var rows = await QueryAsync(
            "SELECT id, revision FROM wf_instances WHERE id = ANY (@ids)", c => c.TextArray("ids", ids),
            r => (Id: r.GetString(0), Revision: r.GetInt64(1)), cancellationToken).ConfigureAwait(false);
        return rows.ToDictionary(r => r.Id, r => r.Revision, StringComparer.Ordinal);
    }

    public async Task<IEnumerable<WorkflowInstance>> GetWorkflowInstances(IEnumerable<string>? ids, CancellationToken cancellationToken = default)
    {
        if (ids is null)
        {
            return [];
        }

        var idArray = ids.ToArray();
        return await QueryAsync($"SELECT {WorkflowColumns} FROM wf_instances WHERE id = ANY (@ids)", c => c.TextArray("ids", idArray), ReadWorkflow, cancellationToken)
            .ConfigureAwait(false);
    }

    [Obsolete("WorkflowCore marks this query obsolete; it is kept because the interface still requires it.")]
    public async Task<IEnumerable<WorkflowInstance>> GetWorkflowInstances(
        WorkflowStatus? status, string? type, DateTime? createdFrom, DateTime? createdTo, int skip, int take) =>
        await QueryAsync(
            $"""
            SELECT {WorkflowColumns} FROM wf_instances
            WHERE (@status IS NULL OR status = @status) AND (@type IS NULL OR definition_id = @type)
              AND (@from IS NULL OR create_time >= @from) AND (@to IS NULL OR create_time <= @to)
            ORDER BY create_time, id LIMIT @take OFFSET @skip
            """,
            c => c.NullableInt("status", status is { } s ? (int)s : null).Text("type", string.IsNullOrEmpty(type) ? null : type)
                .NullableLong("from", UtcTicks.From(createdFrom)).NullableLong("to", UtcTicks.From(createdTo)).Int("take", take).Int("skip", skip),
            ReadWorkflow,
            CancellationToken.None).ConfigureAwait(false);
}
