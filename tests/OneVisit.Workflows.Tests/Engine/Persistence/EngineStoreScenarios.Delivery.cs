using OneVisit.Workflows.Engine;
using OneVisit.Workflows.Engine.Runtime;
using WorkflowCore.Models;
using static OneVisit.Workflows.Tests.Engine.Persistence.SubscriptionRepositoryTests;

namespace OneVisit.Workflows.Tests.Engine.Persistence;

/// <summary>The event consumer's port (<see cref="IEventDeliveryStore"/>): the same answers on every store.</summary>
public abstract partial class EngineStoreScenarios
{
    [Fact]
    public async Task LoadDelivery_TheEvent_ItsDueSubscriptions_AndTheOtherUnprocessedEventsSinceTheFirst()
    {
        var store = await OpenAsync();
        var first = await store.CreateEventSubscription(Subscription(T0));
        var second = await store.CreateEventSubscription(Subscription(T0.AddMinutes(10)));
        await store.CreateEventSubscription(Subscription(T0.AddHours(2)));           // subscribed after the event: not due
        await store.CreateEventSubscription(Subscription(T0, key: "case-2"));        // another wait
        await store.CreateEventSubscription(Subscription(T0, name: "paid"));         // another wait
        var evt = await store.CreateEvent(Approved(T0.AddHours(1), new CaseData("officer", 1, ["granted"])));
        var older = await store.CreateEvent(Approved(T0.AddMinutes(30)));
        var newer = await store.CreateEvent(Approved(T0.AddHours(3)));
        var processed = await store.CreateEvent(Approved(T0.AddMinutes(40)));
        await store.MarkEventProcessed(processed);
        await store.CreateEvent(Approved(T0.AddTicks(-1)));                          // before the first subscription
        await store.CreateEvent(Approved(T0.AddMinutes(30), key: "case-2"));

        var delivery = await Delivery(store).LoadDeliveryAsync(evt, CancellationToken.None);

        Assert.NotNull(delivery);
        Assert.Equal((evt, "approved", "case-1", false), (delivery.Event.Id, delivery.Event.EventName, delivery.Event.EventKey, delivery.Event.IsProcessed));
        WorkflowAssert.Time(T0.AddHours(1), delivery.Event.EventTime);
        WorkflowAssert.Payload(new CaseData("officer", 1, ["granted"]), delivery.Event.EventData);
        Assert.Equal([first, second], delivery.Subscriptions.Select(s => s.Id));
        WorkflowAssert.Payload(new CaseData("subscriber", 2, ["x"]), delivery.Subscriptions[0].SubscriptionData);
        Assert.Equal([older, newer], delivery.Others.Select(o => o.Id));
        WorkflowAssert.Time(T0.AddMinutes(30), delivery.Others[0].Time);
        Assert.Null(await Delivery(store).LoadDeliveryAsync("missing", CancellationToken.None));
    }

    [Fact]
    public async Task LoadDelivery_NoSubscriptionDue_NoOthersEither()
    {
        var store = await OpenAsync();
        var evt = await store.CreateEvent(Approved(T0));
        await store.CreateEvent(Approved(T0.AddMinutes(-1)));

        var delivery = await Delivery(store).LoadDeliveryAsync(evt, CancellationToken.None);

        Assert.Empty(delivery!.Subscriptions);
        Assert.Empty(delivery.Others);
    }

    [Fact]
    public async Task LoadDeliveryAndMarkUnawaited_ANullKeyMatchesANullKeyOnly()
    {
        var store = await OpenAsync();
        var nullKey = await store.CreateEventSubscription(Subscription(T0, key: null));
        await store.CreateEventSubscription(Subscription(T0));
        var evt = await store.CreateEvent(Approved(T0.AddMinutes(2), key: null!));
        var older = await store.CreateEvent(Approved(T0.AddMinutes(1), key: null!));
        var keyed = await store.CreateEvent(Approved(T0.AddMinutes(1)));
        await store.TerminateSubscription((await store.GetSubscriptions("approved", "case-1", T0)).Single().Id);

        var delivery = await Delivery(store).LoadDeliveryAsync(evt, CancellationToken.None);

        Assert.Equal([nullKey], delivery!.Subscriptions.Select(s => s.Id));
        Assert.Equal([older], delivery.Others.Select(o => o.Id));
        Assert.False(await Delivery(store).MarkUnawaitedAsync(evt, CancellationToken.None));
        Assert.True(await Delivery(store).MarkUnawaitedAsync(keyed, CancellationToken.None));
        await store.TerminateSubscription(nullKey);
        Assert.True(await Delivery(store).MarkUnawaitedAsync(evt, CancellationToken.None));
    }

    [Fact]
    public async Task PersistDelivered_SavesTheWorkflow_EndsTheSubscription_AndMarksTheEvent()
    {
        var store = await OpenAsync();
        var workflow = WorkflowRepositoryTests.Workflow();
        await store.CreateNewWorkflow(workflow);
        var subscription = await store.CreateEventSubscription(Subscription(T0));
        var kept = await store.CreateEventSubscription(Subscription(T0));
        var evt = await store.CreateEvent(Approved(T0));
        var other = await store.CreateEvent(Approved(T0));
        workflow.NextExecution = 0;
        workflow.ExecutionPointers.First().EventPublished = true;

        await Delivery(store).PersistDeliveredAsync(workflow, subscription, evt, CancellationToken.None);
        await Delivery(store).PersistDeliveredAsync(workflow, kept, processedEventId: null, CancellationToken.None);

        WorkflowAssert.Equal(workflow, await store.GetWorkflowInstance(workflow.Id));
        Assert.Null(await store.GetSubscription(subscription));
        Assert.Null(await store.GetSubscription(kept));
        Assert.True((await store.GetEvent(evt))!.IsProcessed);
        Assert.False((await store.GetEvent(other))!.IsProcessed);
    }

    [Fact]
    public async Task PersistDelivered_WorkflowMissing_WritesNothing()
    {
        var store = await OpenAsync();
        var subscription = await store.CreateEventSubscription(Subscription(T0));
        var evt = await store.CreateEvent(Approved(T0));
        var ghost = WorkflowRepositoryTests.Workflow();
        ghost.Id = "missing";

        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => Delivery(store).PersistDeliveredAsync(ghost, subscription, evt, CancellationToken.None));

        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
        Assert.NotNull(await store.GetSubscription(subscription));
        Assert.False((await store.GetEvent(evt))!.IsProcessed);
    }

    [Fact]
    public async Task MarkUnawaited_MarksOnlyWhileNoSubscriptionIsDue()
    {
        var store = await OpenAsync();
        var evt = await store.CreateEvent(Approved(T0));
        await store.CreateEventSubscription(Subscription(T0.AddTicks(1)));          // subscribed after it: not due
        await store.CreateEventSubscription(Subscription(T0.AddTicks(-1), key: "case-2"));

        Assert.True(await Delivery(store).MarkUnawaitedAsync(evt, CancellationToken.None));
        Assert.True((await store.GetEvent(evt))!.IsProcessed);

        // A workflow subscribed while the event was delivered (before its time): not marked, to be delivered after all.
        var awaited = await store.CreateEvent(Approved(T0));
        await store.CreateEventSubscription(Subscription(T0));
        Assert.False(await Delivery(store).MarkUnawaitedAsync(awaited, CancellationToken.None));
        Assert.False((await store.GetEvent(awaited))!.IsProcessed);
        Assert.False(await Delivery(store).MarkUnawaitedAsync("missing", CancellationToken.None));
    }

    [Fact]
    public async Task RequeueMissedEvents_OffersAgainOnlyWhatAnOpenWaitIsDue()
    {
        var store = await OpenAsync();
        var engine = Assert.IsAssignableFrom<IEngineStore>(store);
        await store.CreateEventSubscription(Subscription(T0));
        var missed = await store.CreateEvent(Approved(T0.AddMinutes(1)));
        var before = await store.CreateEvent(Approved(T0.AddTicks(-1)));            // published before the wait: not due
        var otherKey = await store.CreateEvent(Approved(T0.AddMinutes(1), key: "case-2"));
        var waiting = await store.CreateEvent(Approved(T0.AddMinutes(2)));          // not processed yet: the poll's
        foreach (var id in new[] { missed, before, otherKey })
        {
            await store.MarkEventProcessed(id);
        }

        Assert.Equal([missed], await engine.RequeueMissedEventsAsync(CancellationToken.None));
        Assert.False((await store.GetEvent(missed))!.IsProcessed);
        Assert.True((await store.GetEvent(before))!.IsProcessed);
        Assert.True((await store.GetEvent(otherKey))!.IsProcessed);
        Assert.False((await store.GetEvent(waiting))!.IsProcessed);
        Assert.Empty(await engine.RequeueMissedEventsAsync(CancellationToken.None));
    }

    private static IEventDeliveryStore Delivery(WorkflowCore.Interface.IPersistenceProvider store) =>
        Assert.IsAssignableFrom<IEventDeliveryStore>(store);

    private static Event Approved(DateTime time, object? data = null, string key = "case-1") =>
        new() { EventName = "approved", EventKey = key, EventTime = time, EventData = data };
}
