using System.Text.Json.Serialization;
using OneVisit.Workflows.Audit;
using OneVisit.Workflows.Engine.Persistence;
using OneVisit.Workflows.Storage;
using OneVisit.Workflows.Tests.Support;
using WorkflowCore.Models;
using static OneVisit.Workflows.Tests.Engine.Persistence.SubscriptionRepositoryTests;
using static OneVisit.Workflows.Tests.Storage.Contract.StorageData;

namespace OneVisit.Workflows.Tests.Engine.Persistence.PostgreSql;

/// <summary>Workflow data carrying the case writes its steps left pending, as the case runtime's data does.</summary>
public sealed class PendingData : IHasPendingWrites
{
    public string Note { get; set; } = "";

    [JsonIgnore]
    PendingWrites IHasPendingWrites.Writes => Writes;

    [JsonIgnore]
    internal PendingWrites Writes { get; } = new();
}

/// <summary>The engine's writes and the case store's, in one PostgreSQL transaction; retention; recovery.</summary>
[Collection(PostgresCollection.Name)]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class PostgresEngineTransactionTests(PostgresClusterFixture cluster)
{
    private static readonly DateTime Now = new(2025, 3, 1, 8, 0, 0, DateTimeKind.Utc);
    private static readonly CancellationToken None = CancellationToken.None;

    private static PayloadTypes Payloads() => TestPayloads.Create().Register<PendingData>("test.pending");

    private async Task<(PostgresEngineDatabase Db, OneVisit.Workflows.PostgreSql.Engine.PostgresWorkflowStore Engine, OneVisit.Workflows.PostgreSql.PostgresCaseStorage Cases)> OpenAsync(string test)
    {
        var db = new PostgresEngineDatabase(await cluster.CreateDatabaseAsync(test));
        var (engine, cases) = await db.NodeAsync(Payloads());
        await cases.TryInsertCaseAsync(Case("case-1"), None);
        return (db, engine, cases);
    }

    private static WorkflowInstance Workflow(PendingData data, WorkflowStatus status = WorkflowStatus.Runnable) =>
        new() { WorkflowDefinitionId = "case", Version = 1, Reference = "case-1", Status = status, CreateTime = Now, Data = data };

    private static AuditEntry Line(string action) => new(0, "case-1", "applicant-1", T0, "clerk", action, "detail");

    [Fact]
    public async Task PersistWorkflow_PendingCaseWrites_CommitWithTheInstance_ThenAfterCommitRuns()
    {
        var (db, engine, cases) = await OpenAsync(nameof(PersistWorkflow_PendingCaseWrites_CommitWithTheInstance_ThenAfterCommitRuns));
        await using var _ = db;
        var data = new PendingData();
        var workflow = Workflow(data);
        await engine.CreateNewWorkflow(workflow);
        var ran = false;

        data.Note = "decided";
        data.Writes.UpdateStage("case-1", "decided", "approved", "authority-1", null);
        data.Writes.AppendAudit("case-1:decided", Line(AuditActions.NoticeIssued));
        data.Writes.AfterCommit(() => ran = true);
        await engine.PersistWorkflow(workflow, [Subscription(Now)]);

        Assert.True(ran);
        Assert.Equal("decided", (await cases.FindCaseAsync("case-1", None))!.Stage);
        Assert.Single(await cases.AuditOfCaseAsync("case-1", None));
        Assert.Equal("decided", ((PendingData)(await engine.GetWorkflowInstance(workflow.Id))!.Data).Note);
    }

    [Fact]
    public async Task PersistWorkflow_SubscriptionFails_PendingCaseWritesRolledBackToo_AfterCommitNeverRuns()
    {
        var (db, engine, cases) = await OpenAsync(nameof(PersistWorkflow_SubscriptionFails_PendingCaseWritesRolledBackToo_AfterCommitNeverRuns));
        await using var _ = db;
        var data = new PendingData();
        var workflow = Workflow(data);
        await engine.CreateNewWorkflow(workflow);
        var taken = Subscription(Now);
        taken.Id = "taken";
        await engine.CreateEventSubscription(taken);
        var ran = false;

        data.Writes.UpdateStage("case-1", "decided", "approved", "authority-1", null);
        data.Writes.AppendAudit("case-1:decided", Line(AuditActions.NoticeIssued));
        data.Writes.AfterCommit(() => ran = true);
        var duplicate = Subscription(Now, name: "dup");
        duplicate.Id = "taken";
        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => engine.PersistWorkflow(workflow, [duplicate]));

        Assert.False(ran);
        Assert.NotEqual("decided", (await cases.FindCaseAsync("case-1", None))!.Stage);
        Assert.Empty(await cases.AuditOfCaseAsync("case-1", None));
    }

    [Fact]
    public async Task CreateNewWorkflow_PendingCaseWrites_CommitWithTheInstance()
    {
        var (db, engine, cases) = await OpenAsync(nameof(CreateNewWorkflow_PendingCaseWrites_CommitWithTheInstance));
        await using var _ = db;
        var data = new PendingData();
        data.Writes.AppendAudit("case-1:started", Line(AuditActions.Submitted));

        await engine.CreateNewWorkflow(Workflow(data));

        Assert.Single(await cases.AuditOfCaseAsync("case-1", None));
    }

    [Fact]
    public async Task PurgeAsync_FinishedWorkflow_DeletesEverythingOfTheCase_RunningOneWritesNothing()
    {
        var (db, engine, _) = await OpenAsync(nameof(PurgeAsync_FinishedWorkflow_DeletesEverythingOfTheCase_RunningOneWritesNothing));
        await using var __ = db;
        var workflow = Workflow(new PendingData());
        var id = await engine.CreateNewWorkflow(workflow);
        var subscription = Subscription(Now);
        subscription.WorkflowId = id;
        await engine.CreateEventSubscription(subscription);
        var evt = await engine.CreateEvent(new Event { EventName = "paid", EventKey = "case-1/m/answer", EventTime = Now });
        var other = await engine.CreateEvent(new Event { EventName = "paid", EventKey = "case-10", EventTime = Now });
        await engine.ScheduleCommand(new ScheduledCommand { CommandName = ScheduledCommand.ProcessEvent, Data = evt, ExecuteTime = Now.Ticks });
        var wrote = 0;

        Assert.False(await engine.PurgeAsync(["case-1"], _ => ++wrote > 0, None));
        Assert.Equal(0, wrote);
        Assert.NotNull(await engine.GetWorkflowInstance(id));

        workflow.Status = WorkflowStatus.Complete;
        await engine.PersistWorkflow(workflow);
        Assert.True(await engine.PurgeAsync(["case-1"], _ => ++wrote > 0, None));

        Assert.Equal(1, wrote);
        Assert.Null(await engine.GetWorkflowInstance(id));
        Assert.Null(await engine.GetEvent(evt));
        Assert.NotNull(await engine.GetEvent(other));
        Assert.Equal(0L, await db.ScalarAsync("SELECT count(*) FROM wf_subscriptions"));
        Assert.Equal(0L, await db.ScalarAsync("SELECT count(*) FROM wf_scheduled_commands"));
    }

    [Fact]
    public async Task RequeueMissedEventsAsync_ProcessedEventOfAnOpenWait_IsOfferedAgainAndNoOtherIs()
    {
        var (db, engine, _) = await OpenAsync(nameof(RequeueMissedEventsAsync_ProcessedEventOfAnOpenWait_IsOfferedAgainAndNoOtherIs));
        await using var __ = db;
        await engine.CreateEventSubscription(Subscription(Now.AddMinutes(-1)));
        var missed = await engine.CreateEvent(new Event { EventName = "approved", EventKey = "case-1", EventTime = Now, IsProcessed = true });
        await engine.CreateEvent(new Event { EventName = "approved", EventKey = "case-2", EventTime = Now, IsProcessed = true });
        await engine.CreateEvent(new Event { EventName = "approved", EventKey = "case-1", EventTime = Now.AddMinutes(-2), IsProcessed = true });

        Assert.Equal([missed], await engine.RequeueMissedEventsAsync(None));
        Assert.Equal([missed], await engine.GetRunnableEvents(Now));
    }

    [Fact]
    public async Task SleepingAsync_RunnableWithAWakeUp_Only()
    {
        var (db, engine, _) = await OpenAsync(nameof(SleepingAsync_RunnableWithAWakeUp_Only));
        await using var __ = db;
        var sleeping = Workflow(new PendingData());
        sleeping.NextExecution = Now.Ticks;
        var id = await engine.CreateNewWorkflow(sleeping);
        var done = Workflow(new PendingData(), WorkflowStatus.Complete);
        done.Reference = "case-2";
        done.NextExecution = Now.Ticks;
        await engine.CreateNewWorkflow(done);

        Assert.Equal([(id, Now.Ticks)], await engine.SleepingAsync(None));
    }
}
