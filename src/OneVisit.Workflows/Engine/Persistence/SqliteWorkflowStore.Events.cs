using Microsoft.Data.Sqlite;
using OneVisit.Workflows.Persistence.Sqlite;
using OneVisit.Workflows.Storage;
using WorkflowCore.Models;

namespace OneVisit.Workflows.Engine.Persistence;

/// <summary>IEventRepository: published events, processed or waiting to be.</summary>
internal sealed partial class SqliteWorkflowStore
{
    public async Task<string> CreateEvent(Event newEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(newEvent);
        newEvent.Id = NewIdIfEmpty(newEvent.Id);
        var row = EventRow.From(newEvent, _payloads);
        await WriteAsync(transaction => { row.Insert(transaction); return true; }, cancellationToken).ConfigureAwait(false);
        return row.Id;
    }

    public Task<Event?> GetEvent(string id, CancellationToken cancellationToken = default) =>
        ReadAsync(connection =>
        {
            using var command = SqlCommands.Create(
                connection, $"SELECT {EventRow.SelectColumns} FROM wf_events WHERE id = $id;").With("$id", id);
            using var reader = command.ExecuteReader();
            return reader.Read() ? EventRow.Read(reader, _payloads) : null;
        }, cancellationToken);

    /// <summary>Unprocessed events whose time has come, oldest first.</summary>
    public Task<IEnumerable<string>> GetRunnableEvents(DateTime asAt, CancellationToken cancellationToken = default)
    {
        var now = UtcTicks.From(asAt);
        return ReadAsync<IEnumerable<string>>(connection =>
        {
            // "is_processed = 0" is a literal so SQLite can match the partial index wf_events_unprocessed.
            using var command = SqlCommands.Create(connection, """
                SELECT id FROM wf_events WHERE is_processed = 0 AND event_time <= $now ORDER BY event_time;
                """).With("$now", now);
            return command.ReadStrings();
        }, cancellationToken);
    }

    /// <summary>Events of this name and key published at or after <paramref name="asOf"/>, processed or not.</summary>
    public Task<IEnumerable<string>> GetEvents(
        string eventName, string eventKey, DateTime asOf, CancellationToken cancellationToken = default)
    {
        var asOfTicks = UtcTicks.From(asOf);
        return ReadAsync<IEnumerable<string>>(connection =>
        {
            using var command = SqlCommands.Create(connection, """
                SELECT id FROM wf_events
                WHERE event_name IS $name AND event_key IS $key AND event_time >= $as_of
                ORDER BY event_time;
                """).With("$name", eventName).With("$key", eventKey).With("$as_of", asOfTicks);
            return command.ReadStrings();
        }, cancellationToken);
    }

    public Task MarkEventProcessed(string id, CancellationToken cancellationToken = default) =>
        SetProcessed(id, true, cancellationToken);

    public Task MarkEventUnprocessed(string id, CancellationToken cancellationToken = default) =>
        SetProcessed(id, false, cancellationToken);

    /// <summary>A missing event is ignored, as in WorkflowCore's providers.</summary>
    private Task SetProcessed(string id, bool processed, CancellationToken cancellationToken) =>
        WriteAsync(transaction =>
        {
            using var command = SqlCommands.Create(transaction, "UPDATE wf_events SET is_processed = $processed WHERE id = $id;")
                .With("$id", id).With("$processed", processed ? 1 : 0);
            return command.ExecuteNonQuery();
        }, cancellationToken);

    /// <summary>
    /// Claims the wait keyed (<see cref="Event.EventName"/>, <see cref="Event.EventKey"/>) for <paramref name="caseId"/>
    /// and stores the event, in the case step's <paramref name="transaction"/>; false (and nothing stored) when the
    /// wait was already claimed, or, with <paramref name="onlyWhileOpen"/>, when the case is closed.
    /// </summary>
    public bool TryCreateClaimedEvent(ICaseTransaction transaction, Event newEvent, string caseId, string actor, bool onlyWhileOpen)
    {
        newEvent.Id = NewIdIfEmpty(newEvent.Id);
        if (!transaction.TryClaim(newEvent.EventName, newEvent.EventKey, caseId, actor, new DateTimeOffset(newEvent.EventTime, TimeSpan.Zero), onlyWhileOpen))
        {
            return false;
        }

        // The case transaction of this store is always SQLite's: both are written by the same writer.
        EventRow.From(newEvent, _payloads).Insert(((SqliteCaseTransaction)transaction).Transaction);
        return true;
    }

    /// <summary>Claims the wait and stores its event in a transaction of its own (a caller answering a wait).</summary>
    public Task<bool> TryCreateClaimedEventAsync(Event newEvent, string caseId, string actor, bool onlyWhileOpen, CancellationToken cancellationToken) =>
        WriteAsync(t => TryCreateClaimedEvent(new SqliteCaseTransaction(t, _options.AuditSeal), newEvent, caseId, actor, onlyWhileOpen), cancellationToken);
}
