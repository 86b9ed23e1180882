using OneVisit.Workflows.Engine.Persistence;
using OneVisit.Workflows.Storage;
using WorkflowCore.Models;

namespace OneVisit.Workflows.PostgreSql.Engine;

/// <summary>IEventRepository: published events, processed or waiting to be.</summary>
internal sealed partial class PostgresWorkflowStore
{
    public async Task<string> CreateEvent(Event newEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(newEvent);
        newEvent.Id = NewIdIfEmpty(newEvent.Id);
        var values = EventValues(newEvent);
        await ExecuteAsync(InsertEvent, values, cancellationToken).ConfigureAwait(false);
        return newEvent.Id;
    }

    public async Task<Event?> GetEvent(string id, CancellationToken cancellationToken = default) =>
        (await QueryAsync($"SELECT {EventColumns} FROM wf_events WHERE id = @id", c => c.Text("id", id), ReadEvent, cancellationToken).ConfigureAwait(false))
            .FirstOrDefault();

    /// <summary>Unprocessed events whose time has come, oldest first.</summary>
    public async Task<IEnumerable<string>> GetRunnableEvents(DateTime asAt, CancellationToken cancellationToken = default) =>
        await QueryAsync(
            "SELECT id FROM wf_events WHERE NOT is_processed AND event_time <= @now ORDER BY event_time",
            c => c.Long("now", UtcTicks.From(asAt)),
            ReadId,
            cancellationToken).ConfigureAwait(false);

    /// <summary>Events of this name and key published at or after <paramref name="asOf"/>, processed or not.</summary>
    public async Task<IEnumerable<string>> GetEvents(string eventName, string eventKey, DateTime asOf, CancellationToken cancellationToken = default) =>
        await QueryAsync(
            $"SELECT id FROM wf_events WHERE {SameEvent} AND event_time >= @as_of ORDER BY event_time",
            c => c.Text("name", eventName).Text("key", eventKey).Long("as_of", UtcTicks.From(asOf)),
            ReadId,
            cancellationToken).ConfigureAwait(false);

    public Task MarkEventProcessed(string id, CancellationToken cancellationToken = default) => SetProcessed(id, true, cancellationToken);

    public Task MarkEventUnprocessed(string id, CancellationToken cancellationToken = default) => SetProcessed(id, false, cancellationToken);

    /// <summary>A missing event is ignored, as in WorkflowCore's providers.</summary>
    private Task<int> SetProcessed(string id, bool processed, CancellationToken cancellationToken) =>
        ExecuteAsync("UPDATE wf_events SET is_processed = @processed WHERE id = @id", c => c.Text("id", id).Bool("processed", processed), cancellationToken);

    /// <summary>
    /// Claims the wait keyed (<see cref="Event.EventName"/>, <see cref="Event.EventKey"/>) for <paramref name="caseId"/>
    /// and stores the event, in the case step's <paramref name="transaction"/>; false (and nothing stored) when the wait
    /// was already claimed, on any node, or, with <paramref name="onlyWhileOpen"/>, when the case is closed.
    /// </summary>
    public bool TryCreateClaimedEvent(ICaseTransaction transaction, Event newEvent, string caseId, string actor, bool onlyWhileOpen)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        ArgumentNullException.ThrowIfNull(newEvent);
        newEvent.Id = NewIdIfEmpty(newEvent.Id);
        if (!transaction.TryClaim(newEvent.EventName, newEvent.EventKey, caseId, actor, new DateTimeOffset(UtcTicks.From(newEvent.EventTime), TimeSpan.Zero), onlyWhileOpen))
        {
            return false;
        }

        // The case transaction beside this store is always PostgreSQL's: both write through PostgresCaseTransaction.
        ((PostgresCaseTransaction)transaction).Defer(InsertEvent, EventValues(newEvent));
        return true;
    }

    /// <summary>Claims the wait and stores its event in a transaction of its own (a caller answering a wait).</summary>
    public Task<bool> TryCreateClaimedEventAsync(Event newEvent, string caseId, string actor, bool onlyWhileOpen, CancellationToken cancellationToken) =>
        WriteAsync(t => TryCreateClaimedEvent(t, newEvent, caseId, actor, onlyWhileOpen), cancellationToken);
}
