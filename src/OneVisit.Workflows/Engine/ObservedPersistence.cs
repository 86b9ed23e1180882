using WorkflowCore.Interface;
using WorkflowCore.Models;

namespace OneVisit.Workflows.Engine;

/// <summary>
/// Wraps the engine's store to act on every save: the wake-up scheduler learns when the workflow next runs
/// (so a sleeping step resumes on time, not at the next poll), and <see cref="CaseWatcher"/> tells callers
/// awaiting a case reaching a stage. Only a save the store returned from is told: one that failed wrote nothing,
/// so its data must not reach a wait.
/// </summary>
internal sealed class ObservedPersistence(IPersistenceProvider inner, CaseWatcher watcher, Runtime.IWakeUpSink wakeUps) : IPersistenceProvider, Runtime.IEventDeliveryStore
{
    private readonly Runtime.IEventDeliveryStore _delivery = inner as Runtime.IEventDeliveryStore ?? new Runtime.SeparateCallsDelivery(inner);
    private long _saves;

    /// <summary>Workflow documents written (created or saved): what each case costs the store.</summary>
    public long Saves => Interlocked.Read(ref _saves);

    private void Saved(WorkflowInstance workflow)
    {
        Interlocked.Increment(ref _saves);
        if (workflow.Status == WorkflowStatus.Runnable && workflow.NextExecution is { } next && next > 0)
        {
            wakeUps.Schedule(workflow.Id, next);
        }

        // The live instance, not a copy: nothing changes its data once it is saved. WorkflowCore's consumer only reads
        // the status, the next run time and the id after PersistWorkflow (WorkflowConsumer.ProcessItem), each later pass
        // loads a new instance from the store, and the other savers (the event consumer, WorkflowController,
        // UpdateCaseAsync) load one for that save alone. The waits that share it only read it.
        watcher.Saved(workflow.Id, workflow.Data);
    }

    public IPersistenceProvider Inner => inner;

    public bool SupportsScheduledCommands => inner.SupportsScheduledCommands;

    public async Task<string> CreateNewWorkflow(WorkflowInstance workflow, CancellationToken cancellationToken = default)
    {
        var id = await inner.CreateNewWorkflow(workflow, cancellationToken).ConfigureAwait(false);
        Interlocked.Increment(ref _saves);

        // No data: a new workflow's id is made by the store, so no one watches it yet, and the one id that can be watched
        // is a running workflow's, returned for a second start with the same reference, whose data is not this.
        watcher.Saved(id, null);
        return id;
    }

    public async Task PersistWorkflow(WorkflowInstance workflow, CancellationToken cancellationToken = default)
    {
        await inner.PersistWorkflow(workflow, cancellationToken).ConfigureAwait(false);
        Saved(workflow);
    }

    public async Task PersistWorkflow(WorkflowInstance workflow, List<EventSubscription> subscriptions, CancellationToken cancellationToken = default)
    {
        await inner.PersistWorkflow(workflow, subscriptions, cancellationToken).ConfigureAwait(false);
        Saved(workflow);
    }

    public Task<Runtime.EventDelivery?> LoadDeliveryAsync(string eventId, CancellationToken cancellationToken) => _delivery.LoadDeliveryAsync(eventId, cancellationToken);

    public Task<bool> MarkUnawaitedAsync(string eventId, CancellationToken cancellationToken) => _delivery.MarkUnawaitedAsync(eventId, cancellationToken);

    public async Task PersistDeliveredAsync(WorkflowInstance workflow, string subscriptionId, string? processedEventId, CancellationToken cancellationToken)
    {
        await _delivery.PersistDeliveredAsync(workflow, subscriptionId, processedEventId, cancellationToken).ConfigureAwait(false);
        Saved(workflow);
    }

    public Task<IEnumerable<string>> GetRunnableInstances(DateTime asAt, CancellationToken cancellationToken = default) => inner.GetRunnableInstances(asAt, cancellationToken);

    [Obsolete("WorkflowCore marks it obsolete; delegated for completeness.")]
    public Task<IEnumerable<WorkflowInstance>> GetWorkflowInstances(WorkflowStatus? status, string type, DateTime? createdFrom, DateTime? createdTo, int skip, int take) =>
        inner.GetWorkflowInstances(status, type, createdFrom, createdTo, skip, take);

    public Task<WorkflowInstance> GetWorkflowInstance(string Id, CancellationToken cancellationToken = default) => inner.GetWorkflowInstance(Id, cancellationToken);

    public Task<IEnumerable<WorkflowInstance>> GetWorkflowInstances(IEnumerable<string> ids, CancellationToken cancellationToken = default) => inner.GetWorkflowInstances(ids, cancellationToken);

    public Task<string> CreateEventSubscription(EventSubscription subscription, CancellationToken cancellationToken = default) => inner.CreateEventSubscription(subscription, cancellationToken);

    public Task<IEnumerable<EventSubscription>> GetSubscriptions(string eventName, string eventKey, DateTime asOf, CancellationToken cancellationToken = default) => inner.GetSubscriptions(eventName, eventKey, asOf, cancellationToken);

    public Task TerminateSubscription(string eventSubscriptionId, CancellationToken cancellationToken = default) => inner.TerminateSubscription(eventSubscriptionId, cancellationToken);

    public Task<EventSubscription> GetSubscription(string eventSubscriptionId, CancellationToken cancellationToken = default) => inner.GetSubscription(eventSubscriptionId, cancellationToken);

    public Task<EventSubscription> GetFirstOpenSubscription(string eventName, string eventKey, DateTime asOf, CancellationToken cancellationToken = default) => inner.GetFirstOpenSubscription(eventName, eventKey, asOf, cancellationToken);

    public Task<bool> SetSubscriptionToken(string eventSubscriptionId, string token, string workerId, DateTime expiry, CancellationToken cancellationToken = default) => inner.SetSubscriptionToken(eventSubscriptionId, token, workerId, expiry, cancellationToken);

    public Task ClearSubscriptionToken(string eventSubscriptionId, string token, CancellationToken cancellationToken = default) => inner.ClearSubscriptionToken(eventSubscriptionId, token, cancellationToken);

    public Task<string> CreateEvent(Event newEvent, CancellationToken cancellationToken = default) => inner.CreateEvent(newEvent, cancellationToken);

    public Task<Event> GetEvent(string id, CancellationToken cancellationToken = default) => inner.GetEvent(id, cancellationToken);

    public Task<IEnumerable<string>> GetRunnableEvents(DateTime asAt, CancellationToken cancellationToken = default) => inner.GetRunnableEvents(asAt, cancellationToken);

    public Task<IEnumerable<string>> GetEvents(string eventName, string eventKey, DateTime asOf, CancellationToken cancellationToken = default) => inner.GetEvents(eventName, eventKey, asOf, cancellationToken);

    public Task MarkEventProcessed(string id, CancellationToken cancellationToken = default) => inner.MarkEventProcessed(id, cancellationToken);

    public Task MarkEventUnprocessed(string id, CancellationToken cancellationToken = default) => inner.MarkEventUnprocessed(id, cancellationToken);

    public Task PersistErrors(IEnumerable<ExecutionError> errors, CancellationToken cancellationToken = default) => inner.PersistErrors(errors, cancellationToken);

    public void EnsureStoreExists() => inner.EnsureStoreExists();

    public Task ScheduleCommand(ScheduledCommand command) => inner.ScheduleCommand(command);

    public Task ProcessCommands(DateTimeOffset asOf, Func<ScheduledCommand, Task> action, CancellationToken cancellationToken = default) => inner.ProcessCommands(asOf, action, cancellationToken);
}
