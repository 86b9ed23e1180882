using Microsoft.Extensions.Logging;
using WorkflowCore.Interface;
using WorkflowCore.Models;

namespace OneVisit.Workflows.Engine.Runtime;

/// <summary>One event's delivery: WorkflowCore 3.22's rules (see the class remarks), in fewer store calls.</summary>
internal sealed partial class EventDeliveryConsumer
{
    /// <summary>Delivers one event (internal for the rules' tests; the dispatch loop calls it for each event it takes).</summary>
    internal async Task DeliverAsync(string eventId, CancellationToken stopping)
    {
        var eventLock = PromptQueueProvider.EventLock(eventId);
        if (!await _locks.AcquireLock(eventLock, stopping).ConfigureAwait(false))
        {
            LogEventLocked(eventId);
            return;
        }

        try
        {
            stopping.ThrowIfCancellationRequested();
            var delivery = await _store.LoadDeliveryAsync(eventId, stopping).ConfigureAwait(false);
            if (delivery is null)
            {
                // Purged with its case after it was queued: nothing waits for it any more.
                return;
            }

            var evt = delivery.Event;
            if (evt.IsProcessed)
            {
                _greyList.Add(eventLock);
                return;
            }

            if (evt.EventTime > _clock.UtcNow)
            {
                return;
            }

            var subscriptions = await DueSubscriptionsAsync(delivery, stopping).ConfigureAwait(false);
            if (subscriptions is null)
            {
                return;
            }

            await SeedAllAsync(delivery, subscriptions, stopping).ConfigureAwait(false);
        }
        finally
        {
            await _locks.ReleaseLock(eventLock).ConfigureAwait(false);
        }
    }

    // An activity's result answers the one subscription it names; any other event, every subscription of its name and
    // key. Null when the activity's subscription has already been answered (the event is then marked processed).
    private async Task<IReadOnlyList<EventSubscription>?> DueSubscriptionsAsync(EventDelivery delivery, CancellationToken stopping)
    {
        if (delivery.Event.EventData is not ActivityResult result)
        {
            return delivery.Subscriptions;
        }

        if (await _persistence.GetSubscription(result.SubscriptionId, stopping).ConfigureAwait(false) is { } activity)
        {
            return [activity];
        }

        LogActivityAnswered(delivery.Event.Id, result.SubscriptionId);
        await _persistence.MarkEventProcessed(delivery.Event.Id, CancellationToken.None).ConfigureAwait(false);
        return null;
    }

    private async Task SeedAllAsync(EventDelivery delivery, IReadOnlyList<EventSubscription> subscriptions, CancellationToken stopping)
    {
        var evt = delivery.Event;
        var later = new HashSet<string>(StringComparer.Ordinal);
        var complete = true;
        for (var i = 0; i < subscriptions.Count && complete; i++)
        {
            // The last subscription's save also marks the event processed: by then every other one was seeded.
            var last = i == subscriptions.Count - 1;
            complete = await SeedAsync(evt, subscriptions[i], delivery.Others, last, later, stopping).ConfigureAwait(false);
        }

        if (subscriptions.Count == 0)
        {
            // Nobody waited for it when it was read (a workflow not subscribed yet, or an answer to a wait answered
            // already). One that subscribed since then must still get it: then it is queued again.
            if (!await _store.MarkUnawaitedAsync(evt.Id, CancellationToken.None).ConfigureAwait(false))
            {
                LogSubscribedMeanwhile(evt.Id);
                later.Add(evt.Id);
            }
        }
        else if (!complete)
        {
            // Not processed: let the poll queue it again.
            _greyList.Remove(PromptQueueProvider.EventLock(evt.Id));
        }

        foreach (var otherId in later)
        {
            await _queue.QueueWork(otherId, QueueType.Event).ConfigureAwait(false);
        }
    }

    // Seeds the event into the workflow of one subscription; false when it could not be (yet).
    private async Task<bool> SeedAsync(
        Event evt, EventSubscription subscription, IReadOnlyList<OtherEvent> others, bool last, HashSet<string> later, CancellationToken stopping)
    {
        foreach (var other in others)
        {
            if (other.Id == evt.Id || other.Time < subscription.SubscribeAsOf)
            {
                continue;
            }

            if (other.Time < evt.EventTime)
            {
                // An older event for the same wait goes first; this one comes back after it.
                await _queue.QueueWork(other.Id, QueueType.Event).ConfigureAwait(false);
                return false;
            }

            later.Add(other.Id);
        }

        if (!await _locks.AcquireLock(subscription.WorkflowId, stopping).ConfigureAwait(false))
        {
            LogWorkflowLocked(evt.Id, subscription.WorkflowId);
            return false;
        }

        try
        {
            var workflow = await _persistence.GetWorkflowInstance(subscription.WorkflowId, stopping).ConfigureAwait(false);
            if (workflow is null)
            {
                LogWorkflowMissing(evt.Id, subscription.WorkflowId);
                return false;
            }

            Wake(workflow, subscription, evt);
            await _store.PersistDeliveredAsync(workflow, subscription.Id, last ? evt.Id : null, stopping).ConfigureAwait(false);
            return true;
        }
#pragma warning disable CA1031 // As WorkflowCore: the event stays unprocessed and is tried again; the save wrote nothing.
        catch (Exception ex) when (ex is not OperationCanceledException || !stopping.IsCancellationRequested)
#pragma warning restore CA1031
        {
            LogSeedFailed(ex, evt.Id, subscription.WorkflowId);
            return false;
        }
        finally
        {
            await _locks.ReleaseLock(subscription.WorkflowId).ConfigureAwait(false);
            await _queue.QueueWork(subscription.WorkflowId, QueueType.Workflow).ConfigureAwait(false);
        }
    }

    // The pointers waiting for this event take its data and become active; the workflow runs at once.
    private static void Wake(WorkflowInstance workflow, EventSubscription subscription, Event evt)
    {
        var waiting = string.IsNullOrEmpty(subscription.ExecutionPointerId)
            ? workflow.ExecutionPointers.Where(p => p.EventName == subscription.EventName && p.EventKey == subscription.EventKey && !p.EventPublished && p.EndTime == null)
            : workflow.ExecutionPointers.Where(p => p.Id == subscription.ExecutionPointerId && !p.EventPublished && p.EndTime == null);
        foreach (var pointer in waiting)
        {
            pointer.EventData = evt.EventData;
            pointer.EventPublished = true;
            pointer.Active = true;
        }

        workflow.NextExecution = 0;
    }

    [LoggerMessage(EventId = 223, Level = LogLevel.Debug, Message = "Event {EventId} is being delivered elsewhere on this node")]
    private partial void LogEventLocked(string eventId);

    [LoggerMessage(EventId = 224, Level = LogLevel.Debug, Message = "Event {EventId} waits for workflow {WorkflowId}, which is locked")]
    private partial void LogWorkflowLocked(string eventId, string workflowId);

    [LoggerMessage(EventId = 225, Level = LogLevel.Warning, Message = "Event {EventId} is due to workflow {WorkflowId}, which the store no longer has; the event stays unprocessed")]
    private partial void LogWorkflowMissing(string eventId, string workflowId);

    [LoggerMessage(EventId = 226, Level = LogLevel.Error, Message = "Delivering event {EventId} to workflow {WorkflowId} failed; the event stays unprocessed and is tried again")]
    private partial void LogSeedFailed(Exception exception, string eventId, string workflowId);

    [LoggerMessage(EventId = 228, Level = LogLevel.Debug, Message = "Event {EventId} found a subscription made while it was being delivered; it is delivered again")]
    private partial void LogSubscribedMeanwhile(string eventId);

    [LoggerMessage(EventId = 227, Level = LogLevel.Information, Message = "Event {EventId} answers activity subscription {SubscriptionId}, which was answered already; marked processed")]
    private partial void LogActivityAnswered(string eventId, string subscriptionId);
}
