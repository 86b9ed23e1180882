using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using OneVisit.Workflows.Engine.Runtime;
using OneVisit.Workflows.Tests.Engine.Persistence;
using WorkflowCore.Interface;
using WorkflowCore.Models;

namespace OneVisit.Workflows.Tests.Engine.Runtime;

/// <summary>
/// OneVisit's event consumer keeps WorkflowCore 3.22's delivery rules (on a real SQLite store, through the engine's
/// own queue and locks); the engine's suites cover the same rules end to end.
/// </summary>
public sealed class EventDeliveryConsumerTests : IAsyncLifetime
{
    private static readonly DateTime T0 = new(2025, 3, 1, 8, 0, 0, DateTimeKind.Utc);

    private readonly TempDatabase _database = new();
    private readonly RuntimeParts _runtime = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(T0));
    private readonly GreyList _greyList = new();
    private IPersistenceProvider _store = null!;
    private EventDeliveryConsumer _consumer = null!;

    public Task InitializeAsync()
    {
        _store = _database.Store();
        _consumer = new EventDeliveryConsumer(
            _runtime.Queue, _runtime.Locks, _store, _greyList, new TimeProviderClock(_time), new RuntimeTuning(), NullLogger<EventDeliveryConsumer>.Instance);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _runtime.Dispose();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Deliver_WakesTheWaitingPointer_EndsTheSubscription_MarksTheEvent_AndQueuesTheWorkflow()
    {
        var (workflowId, subscription) = await WaitingWorkflowAsync();
        var evt = await _store.CreateEvent(Approved(T0, new CaseData("officer", 1, ["granted"])));

        await _consumer.DeliverAsync(evt, CancellationToken.None);

        var woken = await _store.GetWorkflowInstance(workflowId);
        var pointer = woken.ExecutionPointers.Single(p => p.Id == "review");
        Assert.True(pointer.EventPublished);
        Assert.True(pointer.Active);
        WorkflowAssert.Payload(new CaseData("officer", 1, ["granted"]), pointer.EventData);
        Assert.Equal(0, woken.NextExecution);
        Assert.Null(await _store.GetSubscription(subscription));
        Assert.True((await _store.GetEvent(evt)).IsProcessed);
        Assert.Equal(1, _runtime.Queue.CountWaiting(QueueType.Workflow));
        Assert.False(_runtime.Table.IsHeld(workflowId));
        Assert.False(_runtime.Table.IsHeld("evt:" + evt));
    }

    [Fact]
    public async Task Deliver_AnOlderEventForTheSameWait_GoesFirst()
    {
        var (workflowId, subscription) = await WaitingWorkflowAsync();
        var older = await _store.CreateEvent(Approved(T0.AddMinutes(-2)));
        var evt = await _store.CreateEvent(Approved(T0.AddMinutes(-1)));
        _greyList.Add("evt:" + evt);

        await _consumer.DeliverAsync(evt, CancellationToken.None);

        Assert.False((await _store.GetEvent(evt)).IsProcessed);
        Assert.False(_greyList.Contains("evt:" + evt));
        Assert.NotNull(await _store.GetSubscription(subscription));
        Assert.Equal(older, await _runtime.Queue.DequeueWork(QueueType.Event, CancellationToken.None));
        Assert.False((await _store.GetWorkflowInstance(workflowId)).ExecutionPointers.Single(p => p.Id == "review").EventPublished);
    }

    [Fact]
    public async Task Deliver_ANewerEventForTheSameWait_IsQueuedAfterThisOne()
    {
        var (_, subscription) = await WaitingWorkflowAsync();
        var evt = await _store.CreateEvent(Approved(T0.AddMinutes(-2)));
        var newer = await _store.CreateEvent(Approved(T0.AddMinutes(-1)));

        await _consumer.DeliverAsync(evt, CancellationToken.None);

        Assert.True((await _store.GetEvent(evt)).IsProcessed);
        Assert.Null(await _store.GetSubscription(subscription));
        Assert.Equal(newer, await _runtime.Queue.DequeueWork(QueueType.Event, CancellationToken.None));
    }

    [Fact]
    public async Task Deliver_NotDueYet_IsLeftAlone()
    {
        var (_, subscription) = await WaitingWorkflowAsync();
        var evt = await _store.CreateEvent(Approved(T0.AddMinutes(5)));

        await _consumer.DeliverAsync(evt, CancellationToken.None);

        Assert.False((await _store.GetEvent(evt)).IsProcessed);
        Assert.NotNull(await _store.GetSubscription(subscription));
        Assert.Equal(0, _runtime.Queue.CountWaiting(QueueType.Workflow));
    }

    [Fact]
    public async Task Deliver_NobodyWaits_MarksTheEventProcessed_AndAProcessedOneIsGreyListed()
    {
        var evt = await _store.CreateEvent(Approved(T0));

        await _consumer.DeliverAsync(evt, CancellationToken.None);
        Assert.True((await _store.GetEvent(evt)).IsProcessed);

        await _consumer.DeliverAsync(evt, CancellationToken.None);
        Assert.True(_greyList.Contains("evt:" + evt));
        await _consumer.DeliverAsync("missing", CancellationToken.None);
    }

    [Fact]
    public async Task Deliver_ASubscriptionMadeAfterTheRead_IsNotLost()
    {
        // Read with nobody waiting, then a workflow subscribes (to a time before the event) before the event is marked.
        var evt = await _store.CreateEvent(Approved(T0));
        var store = new SubscribesDuringRead((IEventDeliveryStore)_store, () => WaitingWorkflowAsync());
        var consumer = new EventDeliveryConsumer(
            _runtime.Queue, _runtime.Locks, _store, _greyList, new TimeProviderClock(_time), new RuntimeTuning(), NullLogger<EventDeliveryConsumer>.Instance, store);

        await consumer.DeliverAsync(evt, CancellationToken.None);

        Assert.False((await _store.GetEvent(evt)).IsProcessed);
        Assert.Equal(evt, await _runtime.Queue.DequeueWork(QueueType.Event, CancellationToken.None));
        await consumer.DeliverAsync(evt, CancellationToken.None);
        Assert.True((await _store.GetEvent(evt)).IsProcessed);
        Assert.Equal(1, _runtime.Queue.CountWaiting(QueueType.Workflow));
    }

    [Fact]
    public async Task Deliver_WorkflowLocked_EventStaysUnprocessed_AndIsQueuedWhenTheLockIsReleased()
    {
        var (workflowId, subscription) = await WaitingWorkflowAsync();
        var evt = await _store.CreateEvent(Approved(T0));
        Assert.True(await _runtime.Locks.AcquireLock(workflowId, CancellationToken.None));

        await _consumer.DeliverAsync(evt, CancellationToken.None);

        Assert.False((await _store.GetEvent(evt)).IsProcessed);
        Assert.NotNull(await _store.GetSubscription(subscription));
        Assert.Equal(0, _runtime.Queue.CountWaiting(QueueType.Event));

        await _runtime.Locks.ReleaseLock(workflowId);
        Assert.Equal(evt, await _runtime.Queue.DequeueWork(QueueType.Event, CancellationToken.None));
        await _consumer.DeliverAsync(evt, CancellationToken.None);
        Assert.True((await _store.GetEvent(evt)).IsProcessed);
    }

    [Fact]
    public async Task StartAndStop_DeliversQueuedEvents_InTheBackground()
    {
        var (workflowId, _) = await WaitingWorkflowAsync();
        var evt = await _store.CreateEvent(Approved(T0));
        _consumer.Start();
        try
        {
            await _runtime.Queue.QueueWork(evt, QueueType.Event);
            Assert.Equal(workflowId, await _runtime.Queue.DequeueWork(QueueType.Workflow, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30)));
        }
        finally
        {
            _consumer.Stop();
        }

        Assert.True((await _store.GetEvent(evt)).IsProcessed);
        Assert.Throws<InvalidOperationException>(() => { _consumer.Start(); _consumer.Start(); });
        _consumer.Stop();
    }

    private async Task<(string WorkflowId, string SubscriptionId)> WaitingWorkflowAsync()
    {
        var workflow = new WorkflowInstance
        {
            WorkflowDefinitionId = "case",
            Version = 1,
            Status = WorkflowStatus.Runnable,
            CreateTime = T0.AddHours(-1),
            Data = new CaseData("applicant", 1, []),
            ExecutionPointers =
            {
                new ExecutionPointer { Id = "review", StepId = 2, Active = false, EventName = "approved", EventKey = "case-1", Status = PointerStatus.WaitingForEvent },
            },
        };
        var workflowId = await _store.CreateNewWorkflow(workflow);
        var subscription = await _store.CreateEventSubscription(new EventSubscription
        {
            WorkflowId = workflowId,
            StepId = 2,
            ExecutionPointerId = "review",
            EventName = "approved",
            EventKey = "case-1",
            SubscribeAsOf = T0.AddHours(-1),
        });
        return (workflowId, subscription);
    }

    private static Event Approved(DateTime time, object? data = null) =>
        new() { EventName = "approved", EventKey = "case-1", EventTime = time, EventData = data };

    /// <summary>The SQLite store's delivery, with a workflow subscribing right after the event's first read.</summary>
    private sealed class SubscribesDuringRead(IEventDeliveryStore inner, Func<Task> subscribe) : IEventDeliveryStore
    {
        private bool _subscribed;

        public async Task<EventDelivery?> LoadDeliveryAsync(string eventId, CancellationToken cancellationToken)
        {
            var read = await inner.LoadDeliveryAsync(eventId, cancellationToken);
            if (!_subscribed)
            {
                _subscribed = true;
                await subscribe();
            }

            return read;
        }

        public Task PersistDeliveredAsync(WorkflowInstance workflow, string subscriptionId, string? processedEventId, CancellationToken cancellationToken) =>
            inner.PersistDeliveredAsync(workflow, subscriptionId, processedEventId, cancellationToken);

        public Task<bool> MarkUnawaitedAsync(string eventId, CancellationToken cancellationToken) => inner.MarkUnawaitedAsync(eventId, cancellationToken);
    }

    private sealed class GreyList : IGreyList
    {
        private readonly HashSet<string> _items = [];

        public void Add(string id) => _items.Add(id);

        public void Remove(string id) => _items.Remove(id);

        public bool Contains(string id) => _items.Contains(id);
    }
}
