using WorkflowCore.Models;

namespace OneVisit.Workflows.Tests.Engine.Persistence;

public sealed class EventRepositoryTests : IAsyncLifetime
{
    private static readonly DateTime T0 = new(2025, 3, 1, 8, 0, 0, DateTimeKind.Utc);
    private readonly TempDatabase _database = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _database.DisposeAsync().AsTask();

    [Fact]
    public async Task CreateEvent_RoundTrips()
    {
        var store = _database.Store();
        var evt = Event(T0, data: new CaseData("sender", 3, ["a"]));

        var id = await store.CreateEvent(evt);
        var loaded = await store.GetEvent(id);

        Assert.NotNull(loaded);
        Assert.True(Guid.TryParse(id, out _));
        Assert.Equal((evt.EventName, evt.EventKey, false), (loaded.EventName, loaded.EventKey, loaded.IsProcessed));
        WorkflowAssert.Time(T0, loaded.EventTime);
        WorkflowAssert.Payload(evt.EventData, loaded.EventData);
        Assert.Null(await store.GetEvent("missing"));
    }

    [Fact]
    public async Task CreateEvent_NullData_StaysNull()
    {
        var store = _database.Store();
        var evt = Event(T0);
        evt.EventData = null;
        var id = await store.CreateEvent(evt);

        Assert.Null((await store.GetEvent(id))!.EventData);
        Assert.Equal(1, _database.Scalar("SELECT count(*) FROM wf_events WHERE event_data IS NULL"));
    }

    [Fact]
    public async Task GetRunnableEvents_UnprocessedAndDueOnly()
    {
        var store = _database.Store();
        var early = await store.CreateEvent(Event(T0.AddMinutes(-1)));
        var exact = await store.CreateEvent(Event(T0));
        await store.CreateEvent(Event(T0.AddTicks(1)));
        var processed = await store.CreateEvent(Event(T0.AddMinutes(-2)));
        await store.MarkEventProcessed(processed);

        Assert.Equal([early, exact], await store.GetRunnableEvents(T0));

        await store.MarkEventUnprocessed(processed);
        Assert.Equal([processed, early, exact], await store.GetRunnableEvents(T0));
        Assert.False((await store.GetEvent(processed))!.IsProcessed);
    }

    [Fact]
    public async Task MarkEventProcessed_Missing_IsIgnored()
    {
        var store = _database.Store();
        await store.MarkEventProcessed("missing");
        await store.MarkEventUnprocessed("missing");
    }

    [Fact]
    public async Task GetEvents_ThisNameAndKeyAtOrAfterAsOf_ProcessedOrNot()
    {
        var store = _database.Store();
        await store.CreateEvent(Event(T0.AddTicks(-1)));
        var exact = await store.CreateEvent(Event(T0));
        var later = await store.CreateEvent(Event(T0.AddHours(1)));
        await store.MarkEventProcessed(later);
        await store.CreateEvent(Event(T0.AddHours(1), key: "other"));
        await store.CreateEvent(Event(T0.AddHours(1), name: "other"));

        Assert.Equal([exact, later], await store.GetEvents("approved", "case-1", T0));
    }

    [Fact]
    public async Task RequeueMissedEventsAsync_ProcessedEventOfAnOpenWait_IsOfferedAgainAndNoOtherIs()
    {
        var store = _database.Store();
        // Marked processed while no wait held its key; the wait was saved afterwards.
        var missed = await store.CreateEvent(Event(T0, key: "case-1"));
        await store.MarkEventProcessed(missed);
        // Processed with nobody waiting any more, and processed before the wait began: both stay as they are.
        var done = await store.CreateEvent(Event(T0, key: "case-2"));
        await store.MarkEventProcessed(done);
        var early = await store.CreateEvent(Event(T0.AddMinutes(-5), key: "case-3"));
        await store.MarkEventProcessed(early);
        await store.CreateEventSubscription(new EventSubscription { WorkflowId = "wf-1", StepId = 1, ExecutionPointerId = "p-1", EventName = "approved", EventKey = "case-1", SubscribeAsOf = T0.AddMinutes(-1) });
        await store.CreateEventSubscription(new EventSubscription { WorkflowId = "wf-3", StepId = 1, ExecutionPointerId = "p-3", EventName = "approved", EventKey = "case-3", SubscribeAsOf = T0.AddMinutes(-1) });

        var requeued = await store.RequeueMissedEventsAsync(CancellationToken.None);

        Assert.Equal([missed], requeued);
        Assert.False((await store.GetEvent(missed))!.IsProcessed);
        Assert.True((await store.GetEvent(done))!.IsProcessed);
        Assert.True((await store.GetEvent(early))!.IsProcessed);
    }

    private static Event Event(DateTime time, string key = "case-1", string name = "approved", object? data = null) => new()
    {
        EventName = name,
        EventKey = key,
        EventTime = time,
        EventData = data ?? "yes",
    };
}
