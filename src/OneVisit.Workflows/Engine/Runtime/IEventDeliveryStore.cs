using WorkflowCore.Interface;
using WorkflowCore.Models;

namespace OneVisit.Workflows.Engine.Runtime;

/// <summary>
/// What delivering one event takes from the store (<see cref="EventDeliveryConsumer"/>), in as few round trips as the
/// store can manage: one read for the event and what it is due to, and one transaction for each workflow it wakes.
/// </summary>
/// <remarks>
/// WorkflowCore's own event consumer asks for the event, its subscriptions and the other events of its name and key in
/// three calls, then saves the woken workflow, ends the subscription and marks the event in three more, each its own
/// transaction. On PostgreSQL each call is a round trip to the server; SQLite and PostgreSQL implement this port, and
/// any other store is served by <see cref="SeparateCallsDelivery"/>, which makes WorkflowCore's calls one by one.
/// </remarks>
internal interface IEventDeliveryStore
{
    /// <summary>
    /// The event, the subscriptions it is due to (as WorkflowCore's <c>GetSubscriptions</c>: same name and key,
    /// subscribed at or before its time) and the other <em>unprocessed</em> events of that name and key published at or
    /// after the earliest of those subscriptions (as its <c>GetEvents</c>); null when there is no such event.
    /// </summary>
    Task<EventDelivery?> LoadDeliveryAsync(string eventId, CancellationToken cancellationToken);

    /// <summary>
    /// In one transaction: saves <paramref name="workflow"/> (as <c>PersistWorkflow</c>, with the same fence on
    /// several nodes), ends subscription <paramref name="subscriptionId"/> and, when given, marks event
    /// <paramref name="processedEventId"/> processed. Like <c>PersistWorkflow</c>, it finishes even when the token
    /// is cancelled: the workflow's new state must not be lost halfway.
    /// </summary>
    Task PersistDeliveredAsync(WorkflowInstance workflow, string subscriptionId, string? processedEventId, CancellationToken cancellationToken);

    /// <summary>
    /// Marks the event processed unless a subscription it is due to exists now, in one statement; false when one
    /// does (or the event is gone), and the event must then be delivered after all.
    /// </summary>
    /// <remarks>
    /// The event was read with no subscription due. A workflow that subscribed since then looks for events published
    /// before its subscription and marks them unprocessed again (WorkflowCore's workflow consumer, after its save), but
    /// only under the event's <c>evt:</c> lock, which is held on this node only and which it gives up on after ten
    /// short tries. A plain mark could land after that look and lose the event for good: the workflow would wait for an
    /// answer already given. Checked in the same statement, either the subscription is seen here, or the look comes
    /// after this mark and undoes it.
    /// </remarks>
    Task<bool> MarkUnawaitedAsync(string eventId, CancellationToken cancellationToken);
}

/// <summary>An event, the subscriptions it is due to, and the other unprocessed events that may have to go first.</summary>
/// <param name="Event">The event as stored.</param>
/// <param name="Subscriptions">The subscriptions it is due to, oldest first.</param>
/// <param name="Others">Other unprocessed events of its name and key, oldest first.</param>
internal sealed record EventDelivery(Event Event, IReadOnlyList<EventSubscription> Subscriptions, IReadOnlyList<OtherEvent> Others);

/// <summary>Another unprocessed event of the same name and key.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Time">When it was published (UTC).</param>
internal readonly record struct OtherEvent(string Id, DateTime Time);

/// <summary>The port on a store that only has WorkflowCore's calls: each call as WorkflowCore's consumer makes it.</summary>
internal sealed class SeparateCallsDelivery(IPersistenceProvider persistence) : IEventDeliveryStore
{
    public async Task<EventDelivery?> LoadDeliveryAsync(string eventId, CancellationToken cancellationToken)
    {
        var evt = await persistence.GetEvent(eventId, cancellationToken).ConfigureAwait(false);
        if (evt is null)
        {
            return null;
        }

        var subscriptions = (await persistence.GetSubscriptions(evt.EventName, evt.EventKey, evt.EventTime, cancellationToken).ConfigureAwait(false)).ToList();
        var others = new List<OtherEvent>();
        if (subscriptions.Count > 0)
        {
            var since = subscriptions.Min(s => s.SubscribeAsOf);
            foreach (var id in await persistence.GetEvents(evt.EventName, evt.EventKey, since, cancellationToken).ConfigureAwait(false))
            {
                if (id != eventId && await persistence.GetEvent(id, cancellationToken).ConfigureAwait(false) is { IsProcessed: false } other)
                {
                    others.Add(new OtherEvent(other.Id, other.EventTime));
                }
            }
        }

        return new EventDelivery(evt, subscriptions, others);
    }

    /// <summary>Not one statement here: the subscriptions are read, then the event marked (as WorkflowCore's own consumer does).</summary>
    public async Task<bool> MarkUnawaitedAsync(string eventId, CancellationToken cancellationToken)
    {
        if (await persistence.GetEvent(eventId, cancellationToken).ConfigureAwait(false) is not { } evt
            || (await persistence.GetSubscriptions(evt.EventName, evt.EventKey, evt.EventTime, cancellationToken).ConfigureAwait(false)).Any())
        {
            return false;
        }

        await persistence.MarkEventProcessed(eventId, CancellationToken.None).ConfigureAwait(false);
        return true;
    }

    public async Task PersistDeliveredAsync(WorkflowInstance workflow, string subscriptionId, string? processedEventId, CancellationToken cancellationToken)
    {
        await persistence.PersistWorkflow(workflow, CancellationToken.None).ConfigureAwait(false);
        await persistence.TerminateSubscription(subscriptionId, CancellationToken.None).ConfigureAwait(false);
        if (processedEventId is not null)
        {
            await persistence.MarkEventProcessed(processedEventId, CancellationToken.None).ConfigureAwait(false);
        }
    }
}
