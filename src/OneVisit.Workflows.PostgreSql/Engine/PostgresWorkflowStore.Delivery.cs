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
    // The event's name, key and time, for the two statements that follow its own read in the batch.
    private const string TheEvent = "WITH e AS (SELECT event_name AS e_name, event_key AS e_key, event_time AS e_time FROM wf_events WHERE id = @id)";

    private const string SameAsTheEvent = "event_name = e_name AND (event_key = e_key OR (event_key IS NULL AND e_key IS NULL))";

    private const string DueSubscriptions =
        $"{TheEvent} SELECT {SubscriptionColumns} FROM wf_subscriptions, e WHERE {SameAsTheEvent} AND subscribe_as_of <= e_time ORDER BY subscribe_as_of, seq";

    private const string OtherUnprocessedEvents =
        $"""
        {TheEvent}, due AS (SELECT min(subscribe_as_of) AS first_as_of FROM wf_subscriptions, e WHERE {SameAsTheEvent} AND subscribe_as_of <= e_time)
        SELECT id, event_time FROM wf_events, e, due
        WHERE NOT is_processed AND {SameAsTheEvent} AND event_time >= first_as_of AND id <> @id
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
    /// One statement: a subscription committed before it started is seen; one committed after it is followed by the
    /// subscriber's look for earlier events, whose "mark unprocessed" waits for this row's lock and then undoes this mark.
    /// </summary>
    public async Task<bool> MarkUnawaitedAsync(string eventId, CancellationToken cancellationToken) =>
        await ExecuteAsync(
            """
            UPDATE wf_events e SET is_processed = TRUE
            WHERE e.id = @id AND NOT EXISTS (
                SELECT 1 FROM wf_subscriptions s
                WHERE s.event_name = e.event_name AND (s.event_key = e.event_key OR (s.event_key IS NULL AND e.event_key IS NULL))
                  AND s.subscribe_as_of <= e.event_time)
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
