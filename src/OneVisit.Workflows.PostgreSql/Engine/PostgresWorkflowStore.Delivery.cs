using Npgsql;
using NpgsqlTypes;
using OneVisit.Workflows.Engine.Persistence;
using OneVisit.Workflows.Engine.Runtime;
using WorkflowCore.Models;

namespace OneVisit.Workflows.PostgreSql.Engine;

/// <summary>
/// <see cref="IEventDeliveryStore"/>: an event with what it is due to in one round trip (three statements in one
/// batch), and a woken workflow's save with the end of its subscription and the event's mark in the save's own batch.
/// </summary>
internal sealed partial class PostgresWorkflowStore : IEventDeliveryStore
{
    // The event's name, key and time, and the subscriptions it is due to, for the two statements that follow its own
    // read in the batch. Keys are compared with = (null keys in a branch of their own), which wf_subscriptions_event
    // serves: written as "key equal, or both null" in one condition, the plan read every open subscription on each
    // delivery (6.5 ms with 20,000 open waits; 0.4 ms this way).
    private const string TheEventAndDue =
        """
        WITH e AS (SELECT event_name AS e_name, event_key AS e_key, event_time AS e_time FROM wf_events WHERE id = @id),
        due AS (
            SELECT s.* FROM wf_subscriptions s, e WHERE s.event_name = e_name AND s.event_key = e_key AND s.subscribe_as_of <= e_time
            UNION ALL
            SELECT s.* FROM wf_subscriptions s, e WHERE s.event_name = e_name AND s.event_key IS NULL AND e_key IS NULL AND s.subscribe_as_of <= e_time)
        """;

    private const string DueSubscriptions = $"{TheEventAndDue} SELECT {SubscriptionColumns} FROM due ORDER BY subscribe_as_of, seq";

    // Served by wf_events_unprocessed: only unprocessed events are looked at, and they are few.
    private const string OtherUnprocessedEvents =
        $"""
        {TheEventAndDue}
        SELECT id, event_time FROM wf_events, e
        WHERE NOT is_processed AND event_name = e_name AND (event_key = e_key OR (event_key IS NULL AND e_key IS NULL))
          AND event_time >= (SELECT min(subscribe_as_of) FROM due) AND id <> @id
        ORDER BY event_time
        """;

    public async Task<EventDelivery?> LoadDeliveryAsync(string eventId, CancellationToken cancellationToken)
    {
        await InitializeAsync(cancellationToken).ConfigureAwait(false);
        var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var batch = new NpgsqlBatch(connection)
            {
                BatchCommands =
                {
                    ById($"SELECT {EventColumns} FROM wf_events WHERE id = @id", eventId),
                    ById(DueSubscriptions, eventId),
                    ById(OtherUnprocessedEvents, eventId),
                },
            };
            await using (batch.ConfigureAwait(false))
            {
                var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        return null;
                    }

                    var evt = ReadEvent(reader);
                    await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
                    var due = new List<EventSubscription>();
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        due.Add(ReadSubscription(reader));
                    }

                    await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
                    var others = new List<OtherEvent>();
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        others.Add(new OtherEvent(reader.GetString(0), UtcTicks.ToDateTime(reader.GetInt64(1))));
                    }

                    return new EventDelivery(evt, due, others);
                }
            }
        }
    }

    private static NpgsqlBatchCommand ById(string sql, string id) =>
        new(sql) { Parameters = { new NpgsqlParameter<string>("id", NpgsqlDbType.Text) { TypedValue = id } } };

    /// <summary>
    /// One statement (its two look-ups served by wf_subscriptions_event, as in <see cref="TheEventAndDue"/>): a subscription committed before it started is seen; one committed after it is followed by the
    /// subscriber's look for earlier events, whose "mark unprocessed" waits for this row's lock and then undoes this mark.
    /// </summary>
    public async Task<bool> MarkUnawaitedAsync(string eventId, CancellationToken cancellationToken) =>
        await ExecuteAsync(
            """
            UPDATE wf_events e SET is_processed = TRUE
            WHERE e.id = @id
              AND NOT EXISTS (SELECT 1 FROM wf_subscriptions s
                              WHERE s.event_name = e.event_name AND s.event_key = e.event_key AND s.subscribe_as_of <= e.event_time)
              AND NOT EXISTS (SELECT 1 FROM wf_subscriptions s
                              WHERE e.event_key IS NULL AND s.event_name = e.event_name AND s.event_key IS NULL AND s.subscribe_as_of <= e.event_time)
            """,
            c => c.Text("id", eventId),
            CancellationToken.None).ConfigureAwait(false) > 0;

    /// <summary>Finishes even when the token is cancelled, as <see cref="PersistWorkflow(WorkflowInstance, List{EventSubscription}?, CancellationToken)"/>.</summary>
    public Task PersistDeliveredAsync(WorkflowInstance workflow, string subscriptionId, string? processedEventId, CancellationToken cancellationToken) =>
        PersistWorkflow(workflow, null, t =>
        {
            t.Defer("DELETE FROM wf_subscriptions WHERE id = @id", c => c.Text("id", subscriptionId));
            if (processedEventId is not null)
            {
                t.Defer("UPDATE wf_events SET is_processed = TRUE WHERE id = @id", c => c.Text("id", processedEventId));
            }
        });
}
