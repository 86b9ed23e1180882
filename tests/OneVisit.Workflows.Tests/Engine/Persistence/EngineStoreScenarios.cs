using System.Data.Common;
using WorkflowCore.Interface;
using WorkflowCore.Models;
using static OneVisit.Workflows.Tests.Engine.Persistence.SubscriptionRepositoryTests;

namespace OneVisit.Workflows.Tests.Engine.Persistence;

/// <summary>
/// The key scenarios of WorkflowCore's persistence, run the same on every store OneVisit has (SQLite:
/// <see cref="SqliteEngineStoreScenarios"/>; PostgreSQL: PostgreSql/PostgresEngineStoreScenarios). Each test opens a
/// fresh, empty store with <see cref="OpenAsync"/>; a second call opens another node on the same database where the
/// store allows several (PostgreSQL), and returns the same store where one file takes one host (SQLite).
/// </summary>
public abstract partial class EngineStoreScenarios : IAsyncLifetime
{
    protected static readonly DateTime T0 = new(2025, 3, 1, 8, 0, 0, DateTimeKind.Utc);

    /// <summary>A store on this test's database (the first call creates it; later calls open further nodes on it, if the store has nodes).</summary>
    protected abstract Task<IPersistenceProvider> OpenAsync();

    /// <summary>What the store's driver throws for a violated constraint (SQLite's or PostgreSQL's exception type).</summary>
    protected abstract Type ConstraintViolation { get; }

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public virtual Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task CreateNewWorkflow_ThenGet_RoundTripsDocumentAndPointers()
    {
        var store = await OpenAsync();
        var workflow = WorkflowRepositoryTests.Workflow();
        workflow.CompleteTime = T0.AddDays(2);

        var id = await store.CreateNewWorkflow(workflow);

        Assert.True(Guid.TryParse(id, out _));
        WorkflowAssert.Equal(workflow, await store.GetWorkflowInstance(id));
        WorkflowAssert.Equal(workflow, (await (await OpenAsync()).GetWorkflowInstances([id, "missing"])).Single());
        Assert.Null(await store.GetWorkflowInstance("missing"));
    }

    [Fact]
    public async Task PersistWorkflow_WithSubscriptions_StoresBoth()
    {
        var store = await OpenAsync();
        var workflow = WorkflowRepositoryTests.Workflow();
        await store.CreateNewWorkflow(workflow);
        workflow.Reference = "changed";
        workflow.ExecutionPointers.Add(new ExecutionPointer { Id = "late", StepId = 9, Active = true });
        var subscriptions = new List<EventSubscription> { Subscription(T0), Subscription(T0, name: "paid") };

        await store.PersistWorkflow(workflow, subscriptions);

        WorkflowAssert.Equal(workflow, await store.GetWorkflowInstance(workflow.Id));
        Assert.All(subscriptions, s => Assert.True(Guid.TryParse(s.Id, out _)));
        Assert.Single(await store.GetSubscriptions("approved", "case-1", T0));
        Assert.Single(await store.GetSubscriptions("paid", "case-1", T0));
    }

    [Fact]
    public async Task PersistWorkflow_SubscriptionInsertFails_InstanceWriteRolledBackToo()
    {
        var store = await OpenAsync();
        var workflow = WorkflowRepositoryTests.Workflow();
        await store.CreateNewWorkflow(workflow);
        var taken = Subscription(T0);
        taken.Id = "taken";
        await store.CreateEventSubscription(taken);
        workflow.Reference = "changed";
        workflow.Status = WorkflowStatus.Complete;
        var fresh = Subscription(T0, name: "fresh");
        fresh.Id = "fresh";
        var duplicate = Subscription(T0, name: "dup");
        duplicate.Id = "taken";

        var error = await Assert.ThrowsAnyAsync<DbException>(() => store.PersistWorkflow(workflow, [fresh, duplicate]));
        Assert.IsAssignableFrom(ConstraintViolation, error);

        var stored = await store.GetWorkflowInstance(workflow.Id);
        Assert.Equal(("REF-1", WorkflowStatus.Runnable), (stored!.Reference, stored.Status));
        Assert.Null(await store.GetSubscription("fresh"));
        Assert.Equal("approved", (await store.GetSubscription("taken"))!.EventName);
    }

    [Fact]
    public async Task PersistWorkflow_Missing_Throws()
    {
        var store = await OpenAsync();
        var workflow = WorkflowRepositoryTests.Workflow();
        workflow.Id = "never-created";

        await Assert.ThrowsAsync<InvalidOperationException>(() => store.PersistWorkflow(workflow));
    }

    [Fact]
    public async Task GetRunnableInstances_RunnableAndDueOnly_OldestFirst()
    {
        var store = await OpenAsync();
        var later = await Create(store, WorkflowStatus.Runnable, T0);
        var earlier = await Create(store, WorkflowStatus.Runnable, T0.AddMinutes(-5));
        await Create(store, WorkflowStatus.Runnable, T0.AddTicks(1));
        await Create(store, WorkflowStatus.Complete, T0.AddMinutes(-10));
        await Create(store, WorkflowStatus.Runnable, null);

        Assert.Equal([earlier, later], await store.GetRunnableInstances(T0));
    }

    [Fact]
    public async Task Events_CreateGetMarkProcessed_AndRunnableByTime()
    {
        var store = await OpenAsync();
        var due = await store.CreateEvent(Event(T0.AddMinutes(-1), new CaseData("payer", 1, ["receipt"])));
        var later = await store.CreateEvent(Event(T0.AddMinutes(1)));
        var nullData = await store.CreateEvent(Event(T0.AddMinutes(-2)));

        var loaded = await store.GetEvent(due);
        Assert.NotNull(loaded);
        Assert.Equal(("paid", "case-1", false), (loaded.EventName, loaded.EventKey, loaded.IsProcessed));
        WorkflowAssert.Time(T0.AddMinutes(-1), loaded.EventTime);
        WorkflowAssert.Payload(new CaseData("payer", 1, ["receipt"]), loaded.EventData);
        Assert.Null((await store.GetEvent(nullData))!.EventData);
        Assert.Equal([nullData, due], await store.GetRunnableEvents(T0));

        await store.MarkEventProcessed(due);
        await store.MarkEventProcessed("missing");

        Assert.True((await store.GetEvent(due))!.IsProcessed);
        Assert.Equal([nullData], await store.GetRunnableEvents(T0));
        Assert.Equal([nullData, later], await store.GetRunnableEvents(T0.AddMinutes(1)));
        Assert.Equal([due, later], await store.GetEvents("paid", "case-1", T0.AddMinutes(-1)));

        await store.MarkEventUnprocessed(due);
        Assert.Equal([nullData, due, later], await store.GetRunnableEvents(T0.AddMinutes(1)));
    }

    [Fact]
    public async Task Subscriptions_LockUnlockTerminate()
    {
        var store = await OpenAsync();
        var first = await store.CreateEventSubscription(Subscription(T0.AddMinutes(-2)));
        var second = await store.CreateEventSubscription(Subscription(T0.AddMinutes(-1)));
        var nullKey = await store.CreateEventSubscription(Subscription(T0.AddMinutes(-1), key: null));

        Assert.True(await store.SetSubscriptionToken(first, "token", "worker", T0.AddMinutes(5)));
        Assert.False(await store.SetSubscriptionToken("missing", "token", "worker", T0));
        Assert.Equal(second, (await store.GetFirstOpenSubscription("approved", "case-1", T0))!.Id);
        Assert.Equal([first, second], (await store.GetSubscriptions("approved", "case-1", T0)).Select(s => s.Id));
        Assert.Equal([nullKey], (await store.GetSubscriptions("approved", null!, T0)).Select(s => s.Id));
        var locked = await store.GetSubscription(first);
        Assert.Equal(("token", "worker"), (locked!.ExternalToken, locked.ExternalWorkerId));

        await Assert.ThrowsAsync<InvalidOperationException>(() => store.ClearSubscriptionToken(first, "other"));
        await Assert.ThrowsAsync<InvalidOperationException>(() => store.ClearSubscriptionToken("missing", "token"));
        await store.ClearSubscriptionToken(first, "token");
        Assert.Equal(first, (await store.GetFirstOpenSubscription("approved", "case-1", T0))!.Id);

        await store.TerminateSubscription(first);
        Assert.Null(await store.GetSubscription(first));
        Assert.Equal([second], (await store.GetSubscriptions("approved", "case-1", T0)).Select(s => s.Id));
    }

    [Fact]
    public async Task ScheduledCommands_RunOnce_LatestScheduleWins_FailureKeepsIt()
    {
        var store = await OpenAsync();
        Assert.True(store.SupportsScheduledCommands);
        await store.ScheduleCommand(Command("due", T0.AddMinutes(5)));
        await store.ScheduleCommand(Command("due", T0));
        await store.ScheduleCommand(Command("overdue", T0.AddMinutes(-1)));
        await store.ScheduleCommand(Command("failing", T0.AddMinutes(-2)));
        await store.ScheduleCommand(Command("late", T0.AddTicks(1)));
        var ran = new List<string>();
        Task Run(ScheduledCommand c)
        {
            ran.Add(c.Data);
            return c.Data == "failing" ? throw new InvalidOperationException("boom") : Task.CompletedTask;
        }

        await store.ProcessCommands(new DateTimeOffset(T0), Run);
        await (await OpenAsync()).ProcessCommands(new DateTimeOffset(T0), Run);

        Assert.Equal(["failing", "overdue", "due", "failing"], ran);
    }

    protected static Event Event(DateTime time, object? data = null) =>
        new() { EventName = "paid", EventKey = "case-1", EventTime = time, EventData = data };

    private static ScheduledCommand Command(string data, DateTimeOffset at) =>
        new() { CommandName = ScheduledCommand.ProcessWorkflow, Data = data, ExecuteTime = at.UtcTicks };

    private static async Task<string> Create(IPersistenceProvider store, WorkflowStatus status, DateTime? nextExecution)
    {
        var workflow = WorkflowRepositoryTests.Workflow();
        workflow.Reference = null;
        workflow.Status = status;
        workflow.NextExecution = nextExecution?.Ticks;
        return await store.CreateNewWorkflow(workflow);
    }
}

/// <summary>The scenarios on SQLite, each test on its own file.</summary>
public sealed class SqliteEngineStoreScenarios : EngineStoreScenarios
{
    private readonly TempDatabase _database = new();
    private IPersistenceProvider? _store;

    protected override Task<IPersistenceProvider> OpenAsync() => Task.FromResult(_store ??= _database.Store());

    protected override Type ConstraintViolation => typeof(Microsoft.Data.Sqlite.SqliteException);

    public override Task DisposeAsync() => _database.DisposeAsync().AsTask();
}
