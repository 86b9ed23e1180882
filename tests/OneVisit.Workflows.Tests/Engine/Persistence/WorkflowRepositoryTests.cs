using WorkflowCore.Models;

namespace OneVisit.Workflows.Tests.Engine.Persistence;

public sealed class WorkflowRepositoryTests : IAsyncLifetime
{
    private static readonly DateTime T0 = new(2025, 3, 1, 8, 0, 0, DateTimeKind.Utc);
    private readonly TempDatabase _database = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _database.DisposeAsync().AsTask();

    [Fact]
    public async Task CreateNewWorkflow_EmptyId_AssignsGuid()
    {
        var store = _database.Store();
        var workflow = Workflow();

        var id = await store.CreateNewWorkflow(workflow);

        Assert.True(Guid.TryParse(id, out _));
        Assert.Equal(id, workflow.Id);
    }

    [Fact]
    public async Task GetWorkflowInstance_AfterCreate_RoundTripsEveryField()
    {
        var store = _database.Store();
        var workflow = Workflow();
        workflow.CompleteTime = T0.AddDays(2);
        await store.CreateNewWorkflow(workflow);

        WorkflowAssert.Equal(workflow, await store.GetWorkflowInstance(workflow.Id));
    }

    [Fact]
    public async Task GetWorkflowInstance_FreshStoreOnSameFile_ReadsWhatTheFirstWrote()
    {
        var workflow = Workflow();
        await using (var first = _database.Store())
        {
            await first.CreateNewWorkflow(workflow);
        }

        WorkflowAssert.Equal(workflow, await _database.Store().GetWorkflowInstance(workflow.Id));
    }

    [Fact]
    public async Task GetWorkflowInstance_Scopes_IndexedForFindByScope()
    {
        var store = _database.Store();
        var workflow = Workflow();
        await store.CreateNewWorkflow(workflow);

        var loaded = await store.GetWorkflowInstance(workflow.Id);

        Assert.Equal(["child-1"], loaded!.ExecutionPointers.FindByScope("parent").Select(p => p.Id));
        Assert.True(loaded.IsBranchComplete("parent")); // its only child has an EndTime
    }

    [Fact]
    public async Task GetWorkflowInstance_UnknownId_ReturnsNull()
    {
        Assert.Null(await _database.Store().GetWorkflowInstance("nope"));
    }

    [Fact]
    public async Task PersistWorkflow_ChangedInstance_OverwritesColumnsAndDocument()
    {
        var store = _database.Store();
        var workflow = Workflow();
        await store.CreateNewWorkflow(workflow);

        workflow.Status = WorkflowStatus.Complete;
        workflow.NextExecution = null;
        workflow.CompleteTime = T0.AddHours(5);
        workflow.Data = new CaseData("Li Lei", 0, []);
        workflow.ExecutionPointers.Add(new ExecutionPointer { Id = "late", StepId = 9, Active = true });
        await store.PersistWorkflow(workflow);

        WorkflowAssert.Equal(workflow, await store.GetWorkflowInstance(workflow.Id));
    }

    [Fact]
    public async Task PersistWorkflow_TokenAlreadyCancelled_StillPersists()
    {
        // WorkflowCore persists in a finally block with a token that host shutdown has already cancelled.
        var store = _database.Store();
        var workflow = Workflow();
        await store.CreateNewWorkflow(workflow);
        workflow.Status = WorkflowStatus.Complete;

        await store.PersistWorkflow(workflow, new CancellationToken(canceled: true));

        Assert.Equal(WorkflowStatus.Complete, (await store.GetWorkflowInstance(workflow.Id))!.Status);
    }

    [Fact]
    public async Task PersistWorkflow_MissingInstance_Throws()
    {
        var store = _database.Store();
        var workflow = Workflow();
        workflow.Id = "never-created";

        await Assert.ThrowsAsync<InvalidOperationException>(() => store.PersistWorkflow(workflow));
    }

    [Fact]
    public async Task GetRunnableInstances_ReturnsRunnableDueInstancesOnly()
    {
        var store = _database.Store();
        var due = await Create(store, WorkflowStatus.Runnable, T0);
        var dueEarlier = await Create(store, WorkflowStatus.Runnable, T0.AddMinutes(-5));
        await Create(store, WorkflowStatus.Runnable, T0.AddTicks(1));
        await Create(store, WorkflowStatus.Runnable, null);
        await Create(store, WorkflowStatus.Suspended, T0.AddMinutes(-1));
        await Create(store, WorkflowStatus.Complete, T0.AddMinutes(-1));

        var runnable = await store.GetRunnableInstances(T0);

        Assert.Equal([dueEarlier, due], runnable);
    }

    [Fact]
    public async Task GetRunnableInstances_LocalTime_ConvertedToUtc()
    {
        var store = _database.Store();
        var due = await Create(store, WorkflowStatus.Runnable, T0);

        Assert.Equal([due], await store.GetRunnableInstances(T0.ToLocalTime()));
        Assert.Empty(await store.GetRunnableInstances(T0.AddTicks(-1).ToLocalTime()));
    }

    [Fact]
    public async Task GetWorkflowInstances_ByIds_ReturnsTheFoundOnes()
    {
        var store = _database.Store();
        var a = await Create(store, WorkflowStatus.Runnable, null);
        var b = await Create(store, WorkflowStatus.Runnable, null);
        await Create(store, WorkflowStatus.Runnable, null);

        var found = await store.GetWorkflowInstances([a, "missing", b]);

        Assert.Equal(new[] { a, b }.Order(), found.Select(w => w.Id).Order());
        Assert.Empty(await store.GetWorkflowInstances((IEnumerable<string>?)null!));
    }

    [Fact]
    public async Task GetWorkflowInstances_ObsoleteFilter_FiltersAndPages()
    {
        var store = _database.Store();
        for (var i = 0; i < 5; i++)
        {
            var workflow = Workflow();
            workflow.CreateTime = T0.AddDays(i);
            workflow.Status = i % 2 == 0 ? WorkflowStatus.Runnable : WorkflowStatus.Complete;
            await store.CreateNewWorkflow(workflow);
        }

#pragma warning disable CS0618 // The obsolete query is still part of the interface and must work.
        var runnable = await store.GetWorkflowInstances(WorkflowStatus.Runnable, "case", T0.AddDays(1), null, 0, 10);
        var page = await store.GetWorkflowInstances(null, null, null, null, 1, 2);
#pragma warning restore CS0618

        Assert.Equal([T0.AddDays(2), T0.AddDays(4)], runnable.Select(w => w.CreateTime));
        Assert.Equal([T0.AddDays(1), T0.AddDays(2)], page.Select(w => w.CreateTime));
    }

    [Fact]
    public async Task PersistErrors_AppendsRows()
    {
        var store = _database.Store();
        await store.PersistErrors([
            new ExecutionError { ErrorTime = T0, WorkflowId = "w", ExecutionPointerId = "p", Message = "boom" },
            new ExecutionError { ErrorTime = T0, WorkflowId = "w", Message = "again" },
        ]);
        await store.PersistErrors([]);

        Assert.Equal(2, _database.Scalar("SELECT count(*) FROM wf_errors WHERE workflow_id = 'w'"));
        Assert.Equal(T0.Ticks, _database.Scalar("SELECT max(error_time) FROM wf_errors"));
    }

    private static async Task<string> Create(
        OneVisit.Workflows.Engine.Persistence.SqliteWorkflowStore store, WorkflowStatus status, DateTime? nextExecution)
    {
        var workflow = Workflow();
        workflow.Status = status;
        workflow.NextExecution = nextExecution?.Ticks;
        return await store.CreateNewWorkflow(workflow);
    }

    /// <summary>A workflow that uses every field and every kind of payload slot.</summary>
    internal static WorkflowInstance Workflow()
    {
        var workflow = new WorkflowInstance
        {
            WorkflowDefinitionId = "case",
            Version = 3,
            Description = "residence permit",
            Reference = "REF-1",
            Status = WorkflowStatus.Runnable,
            NextExecution = T0.Ticks,
            CreateTime = T0,
            Data = new CaseData("Han Meimei", 1, ["id-card", "lease"]),
        };
        workflow.ExecutionPointers.Add(new ExecutionPointer
        {
            Id = "parent",
            StepId = 0,
            Active = true,
            StepName = "Collect",
            Status = PointerStatus.Running,
            StartTime = T0,
            PersistenceData = new IteratorPersistenceData { ChildrenActive = true, Index = 2 },
            Children = ["child-1"],
            RetryCount = 2,
            Outcome = 42,
            ExtensionAttributes =
            {
                ["str"] = "text", ["bool"] = true, ["i64"] = 5_000_000_000L, ["f64"] = 0.25, ["dec"] = 12.50m,
                ["dt"] = T0, ["dto"] = new DateTimeOffset(T0).ToOffset(TimeSpan.FromHours(8)),
                ["guid"] = Guid.Parse("3f2504e0-4f89-11d3-9a0c-0305e82c3301"), ["null"] = null!,
            },
        });
        workflow.ExecutionPointers.Add(new ExecutionPointer
        {
            Id = "child-1",
            StepId = 1,
            PredecessorId = "parent",
            Scope = ["parent", "root"],
            ContextItem = "lease",
            EventName = "approved",
            EventKey = "REF-1",
            EventPublished = true,
            EventData = new CaseData("Clerk", 0, []),
            SleepUntil = T0.AddHours(1),
            EndTime = T0.AddMinutes(3),
            Status = PointerStatus.WaitingForEvent,
            PersistenceData = new ControlPersistenceData { ChildrenActive = true },
        });
        workflow.ExecutionPointers.Add(new ExecutionPointer
        {
            Id = "scheduled",
            StepId = 2,
            PersistenceData = new SchedulePersistenceData { Elapsed = true },
            Outcome = "yes",
        });
        workflow.ExecutionPointers.Add(new ExecutionPointer { Id = "delay", StepId = 3, PersistenceData = true });
        return workflow;
    }
}
