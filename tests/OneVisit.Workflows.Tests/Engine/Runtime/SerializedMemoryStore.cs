using System.Collections.Concurrent;
using OneVisit.Workflows.Engine.Runtime;
using WorkflowCore.Interface;
using WorkflowCore.Models;
using WorkflowCore.Services;

namespace OneVisit.Workflows.Tests.Engine.Runtime;

/// <summary>
/// WorkflowCore's in-memory store, made safe for concurrent consumers and reporting next
/// executions to an <see cref="IWakeUpSink"/> as OneVisit's store will; it stands in until that
/// store exists.
/// </summary>
/// <remarks>
/// MemoryPersistenceProvider returns lazy queries over its lists and enumerates them after
/// leaving its lock, so concurrent events throw "collection was modified" and are left for the
/// poll. Every call here runs under one lock (the inner calls complete synchronously) and
/// materialises its result, so the runtime is measured rather than that race. Both the tuned
/// and the default configuration are measured over this store.
/// </remarks>
internal sealed class SerializedMemoryStore(IWakeUpSink? wakeUps) : IPersistenceProvider
{
    private readonly Lock _gate = new();
    private readonly MemoryPersistenceProvider _inner = new();
    private readonly ConcurrentDictionary<string, int> _subscriptionCounts = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _subscribed = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _sleeping = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _completed = new();
    private readonly ConcurrentDictionary<string, int> _saves = new();

    public bool SupportsScheduledCommands => false;

    /// <summary>Completes once <paramref name="count"/> subscriptions of the workflow have been stored.</summary>
    public Task WhenSubscribed(string workflowId, int count)
    {
        var signal = _subscribed.GetOrAdd($"{workflowId}#{count}", _ => new(TaskCreationOptions.RunContinuationsAsynchronously));
        if (_subscriptionCounts.TryGetValue(workflowId, out var stored) && stored >= count)
        {
            signal.TrySetResult();
        }

        return signal.Task;
    }

    /// <summary>Completes once the workflow has been stored asleep (its next execution at a set time).</summary>
    public Task WhenSleeping(string workflowId)
    {
        // Signalled by the save, never by reading the instance: the in-memory store hands out the very object the
        // executor is changing, so a read can see a state that has not been saved yet.
        return Signal(_sleeping, workflowId).Task;
    }

    /// <summary>Completes once the workflow has been stored complete.</summary>
    public Task WhenComplete(string workflowId)
    {
        return Signal(_completed, workflowId).Task;
    }

    /// <summary>How many times the workflow was written, its creation included.</summary>
    public int Saves(string workflowId) => _saves.GetValueOrDefault(workflowId);

    public Task<string> CreateNewWorkflow(WorkflowInstance workflow, CancellationToken cancellationToken = default)
    {
        var id = Run(() => _inner.CreateNewWorkflow(workflow, cancellationToken));
        Stored(workflow, null);
        return Task.FromResult(id);
    }

    public Task PersistWorkflow(WorkflowInstance workflow, CancellationToken cancellationToken = default)
    {
        Run(() => _inner.PersistWorkflow(workflow, cancellationToken));
        Stored(workflow, null);
        return Task.CompletedTask;
    }

    public Task PersistWorkflow(WorkflowInstance workflow, List<EventSubscription> subscriptions, CancellationToken cancellationToken = default)
    {
        Run(() => _inner.PersistWorkflow(workflow, subscriptions, cancellationToken));
        Stored(workflow, subscriptions);
        return Task.CompletedTask;
    }

    public Task<IEnumerable<string>> GetRunnableInstances(DateTime asAt, CancellationToken cancellationToken = default) =>
        List(() => _inner.GetRunnableInstances(asAt, cancellationToken));

    [Obsolete("WorkflowCore's own obsolete query; kept for the interface.")]
    public Task<IEnumerable<WorkflowInstance>> GetWorkflowInstances(WorkflowStatus? status, string type, DateTime? createdFrom, DateTime? createdTo, int skip, int take) =>
        List(() => _inner.GetWorkflowInstances(status, type, createdFrom, createdTo, skip, take));

    public Task<WorkflowInstance> GetWorkflowInstance(string Id, CancellationToken cancellationToken = default) =>
        Task.FromResult(Run(() => _inner.GetWorkflowInstance(Id, cancellationToken)));

    public Task<IEnumerable<WorkflowInstance>> GetWorkflowInstances(IEnumerable<string> ids, CancellationToken cancellationToken = default) =>
        List(() => _inner.GetWorkflowInstances(ids, cancellationToken));

    public Task<string> CreateEventSubscription(EventSubscription subscription, CancellationToken cancellationToken = default) =>
        Task.FromResult(Run(() => _inner.CreateEventSubscription(subscription, cancellationToken)));

    public Task<IEnumerable<EventSubscription>> GetSubscriptions(string eventName, string eventKey, DateTime asOf, CancellationToken cancellationToken = default) =>
        List(() => _inner.GetSubscriptions(eventName, eventKey, asOf, cancellationToken));

    public Task TerminateSubscription(string eventSubscriptionId, CancellationToken cancellationToken = default)
    {
        Run(() => _inner.TerminateSubscription(eventSubscriptionId, cancellationToken));
        return Task.CompletedTask;
    }

    public Task<EventSubscription> GetSubscription(string eventSubscriptionId, CancellationToken cancellationToken = default) =>
        Task.FromResult(Run(() => _inner.GetSubscription(eventSubscriptionId, cancellationToken)));

    public Task<EventSubscription> GetFirstOpenSubscription(string eventName, string eventKey, DateTime asOf, CancellationToken cancellationToken = default) =>
        Task.FromResult(Run(() => _inner.GetFirstOpenSubscription(eventName, eventKey, asOf, cancellationToken)));

    public Task<bool> SetSubscriptionToken(string eventSubscriptionId, string token, string workerId, DateTime expiry, CancellationToken cancellationToken = default) =>
        Task.FromResult(Run(() => _inner.SetSubscriptionToken(eventSubscriptionId, token, workerId, expiry, cancellationToken)));

    public Task ClearSubscriptionToken(string eventSubscriptionId, string token, CancellationToken cancellationToken = default)
    {
        Run(() => _inner.ClearSubscriptionToken(eventSubscriptionId, token, cancellationToken));
        return Task.CompletedTask;
    }

    public Task<string> CreateEvent(Event newEvent, CancellationToken cancellationToken = default) =>
        Task.FromResult(Run(() => _inner.CreateEvent(newEvent, cancellationToken)));

    public Task<Event> GetEvent(string id, CancellationToken cancellationToken = default) =>
        Task.FromResult(Run(() => _inner.GetEvent(id, cancellationToken)));

    public Task<IEnumerable<string>> GetRunnableEvents(DateTime asAt, CancellationToken cancellationToken = default) =>
        List(() => _inner.GetRunnableEvents(asAt, cancellationToken));

    public Task<IEnumerable<string>> GetEvents(string eventName, string eventKey, DateTime asOf, CancellationToken cancellationToken = default) =>
        List(() => _inner.GetEvents(eventName, eventKey, asOf, cancellationToken));

    public Task MarkEventProcessed(string id, CancellationToken cancellationToken = default)
    {
        Run(() => _inner.MarkEventProcessed(id, cancellationToken));
        return Task.CompletedTask;
    }

    public Task MarkEventUnprocessed(string id, CancellationToken cancellationToken = default)
    {
        Run(() => _inner.MarkEventUnprocessed(id, cancellationToken));
        return Task.CompletedTask;
    }

    public Task PersistErrors(IEnumerable<ExecutionError> errors, CancellationToken cancellationToken = default)
    {
        Run(() => _inner.PersistErrors(errors, cancellationToken));
        return Task.CompletedTask;
    }

    public void EnsureStoreExists()
    {
    }

    public Task ScheduleCommand(ScheduledCommand command) => throw new NotSupportedException();

    public Task ProcessCommands(DateTimeOffset asOf, Func<ScheduledCommand, Task> action, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    // What OneVisit's store does after every write of an instance.
    private static TaskCompletionSource Signal(ConcurrentDictionary<string, TaskCompletionSource> signals, string workflowId) =>
        signals.GetOrAdd(workflowId, _ => new(TaskCreationOptions.RunContinuationsAsynchronously));

    private void Stored(WorkflowInstance workflow, List<EventSubscription>? subscriptions)
    {
        _saves.AddOrUpdate(workflow.Id, 1, (_, n) => n + 1);
        if (workflow.Status == WorkflowStatus.Complete)
        {
            Signal(_completed, workflow.Id).TrySetResult();
        }

        if (workflow.NextExecution is { } next)
        {
            wakeUps?.Schedule(workflow.Id, next);
            if (next > 0)
            {
                Signal(_sleeping, workflow.Id).TrySetResult();
            }
        }

        if (subscriptions is { Count: > 0 })
        {
            var stored = _subscriptionCounts.AddOrUpdate(workflow.Id, subscriptions.Count, (_, n) => n + subscriptions.Count);
            for (var count = 1; count <= stored; count++)
            {
                if (_subscribed.TryGetValue($"{workflow.Id}#{count}", out var signal))
                {
                    signal.TrySetResult();
                }
            }
        }
    }

    private T Run<T>(Func<Task<T>> call)
    {
        lock (_gate)
        {
            return call().GetAwaiter().GetResult();
        }
    }

    private void Run(Func<Task> call)
    {
        lock (_gate)
        {
            call().GetAwaiter().GetResult();
        }
    }

    private Task<IEnumerable<T>> List<T>(Func<Task<IEnumerable<T>>> call)
    {
        lock (_gate)
        {
            return Task.FromResult<IEnumerable<T>>(call().GetAwaiter().GetResult().ToList());
        }
    }
}
