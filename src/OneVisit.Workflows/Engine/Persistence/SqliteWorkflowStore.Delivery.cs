using Microsoft.Data.Sqlite;
using OneVisit.Workflows.Engine.Runtime;
using OneVisit.Workflows.Persistence.Sqlite;
using WorkflowCore.Models;

namespace OneVisit.Workflows.Engine.Persistence;

/// <summary>
/// <see cref="IEventDeliveryStore"/>: an event with what it is due to in one read, and a woken workflow's save with the
/// end of its subscription and the event's mark in one queued write (one transaction of the single writer).
/// </summary>
internal sealed partial class SqliteWorkflowStore : IEventDeliveryStore
{
    public Task<EventDelivery?> LoadDeliveryAsync(string eventId, CancellationToken cancellationToken) =>
        ReadAsync(connection =>
        {
            Event? evt;
            using (var read = SqlCommands.Create(connection, $"SELECT {EventRow.SelectColumns} FROM wf_events WHERE id = $id;").With("$id", eventId))
            using (var reader = read.ExecuteReader())
            {
                evt = reader.Read() ? EventRow.Read(reader, _payloads) : null;
            }

            if (evt is null)
            {
                return null;
            }

            // IS rather than = so that a null key matches a null key, as in GetSubscriptions.
            using var subscriptions = SqlCommands.Create(connection, $"""
                SELECT {SubscriptionRow.SelectColumns} FROM wf_subscriptions
                WHERE event_name IS $name AND event_key IS $key AND subscribe_as_of <= $time
                ORDER BY subscribe_as_of, rowid;
                """).With("$name", evt.EventName).With("$key", evt.EventKey).With("$time", UtcTicks.From(evt.EventTime));
            var due = ReadSubscriptions(subscriptions);
            var others = due.Count == 0 ? [] : ReadOthers(connection, evt, due.Min(s => s.SubscribeAsOf));
            return new EventDelivery(evt, due, others);
        }, cancellationToken);

    private static List<OtherEvent> ReadOthers(SqliteConnection connection, Event evt, DateTime since)
    {
        // "is_processed = 0" is a literal so SQLite can match the partial index wf_events_unprocessed.
        using var command = SqlCommands.Create(connection, """
            SELECT id, event_time FROM wf_events
            WHERE is_processed = 0 AND event_name IS $name AND event_key IS $key AND event_time >= $since AND id <> $id
            ORDER BY event_time;
            """).With("$name", evt.EventName).With("$key", evt.EventKey).With("$since", UtcTicks.From(since)).With("$id", evt.Id);
        using var reader = command.ExecuteReader();
        var others = new List<OtherEvent>();
        while (reader.Read())
        {
            others.Add(new OtherEvent(reader.GetString(0), UtcTicks.ToDateTime(reader.GetInt64(1))));
        }

        return others;
    }

    /// <summary>One statement of the single writer: the check and the mark cannot be split by a subscription's save.</summary>
    public Task<bool> MarkUnawaitedAsync(string eventId, CancellationToken cancellationToken) =>
        WriteAsync(transaction =>
        {
            using var command = SqlCommands.Create(transaction, """
                UPDATE wf_events SET is_processed = 1
                WHERE id = $id AND NOT EXISTS (
                    SELECT 1 FROM wf_subscriptions s
                    WHERE s.event_name IS wf_events.event_name AND s.event_key IS wf_events.event_key AND s.subscribe_as_of <= wf_events.event_time);
                """).With("$id", eventId);
            return command.ExecuteNonQuery() > 0;
        }, CancellationToken.None);

    /// <summary>Finishes even when the token is cancelled, as <see cref="PersistWorkflow(WorkflowInstance, List{EventSubscription}?, CancellationToken)"/>.</summary>
    public Task PersistDeliveredAsync(WorkflowInstance workflow, string subscriptionId, string? processedEventId, CancellationToken cancellationToken) =>
        PersistWorkflow(workflow, null, transaction =>
        {
            using (var end = SqlCommands.Create(transaction, "DELETE FROM wf_subscriptions WHERE id = $id;").With("$id", subscriptionId))
            {
                end.ExecuteNonQuery();
            }

            if (processedEventId is not null)
            {
                using var mark = SqlCommands.Create(transaction, "UPDATE wf_events SET is_processed = 1 WHERE id = $id;").With("$id", processedEventId);
                mark.ExecuteNonQuery();
            }
        });
}
