using OneVisit.Workflows.Cases.Internal;
using OneVisit.Workflows.PostgreSql.Engine;
using OneVisit.Workflows.Tests.Engine.Persistence;
using OneVisit.Workflows.Tests.Support;
using WorkflowCore.Interface;
using static OneVisit.Workflows.Tests.Storage.Contract.StorageData;

namespace OneVisit.Workflows.Tests.PostgreSql.Cluster;

/// <summary>
/// The parts that let several nodes share one database, each node played by its own data source and node id on a
/// real PostgreSQL: locks, fencing, the shared queue, and the claims on timers and evidence requests. A node's death
/// is played by ageing its heartbeat, as the other nodes would see it after a crash.
/// </summary>
[Collection(PostgresCollection.Name)]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class ClusterPartsTests(PostgresClusterFixture cluster) : IAsyncLifetime
{
    private static readonly CancellationToken None = CancellationToken.None;
    private ClusterDatabase _database = null!;

    public async Task InitializeAsync() => _database = new ClusterDatabase(await cluster.CreateDatabaseAsync());

    public async Task DisposeAsync() => await _database.DisposeAsync();

    /// <summary>Nodes a and b, and a workflow created on a, whose lock a holds.</summary>
    private async Task<(ClusterDatabase.Node A, ClusterDatabase.Node B, WorkflowCore.Models.WorkflowInstance Workflow, string Id)> HeldByAAsync()
    {
        var a = await _database.NodeAsync("a");
        var b = await _database.NodeAsync("b");
        var workflow = WorkflowRepositoryTests.Workflow();
        var id = await a.Engine.CreateNewWorkflow(workflow);
        Assert.True(await a.Locks.TryAcquireAsync(id, None));
        return (a, b, workflow, id);
    }

    [Fact]
    public async Task Lock_HeldByALiveNode_IsRefusedToAnotherUntilReleased()
    {
        var a = await _database.NodeAsync("a");
        var b = await _database.NodeAsync("b");

        Assert.True(await a.Locks.TryAcquireAsync("wf-1", None));
        Assert.False(await b.Locks.TryAcquireAsync("wf-1", None));
        Assert.True(await b.Locks.TryAcquireAsync("wf-2", None));
        await a.Locks.ReleaseAsync("wf-1");

        Assert.True(await b.Locks.TryAcquireAsync("wf-1", None));
    }

    [Fact]
    public async Task Lock_OfANodeNoLongerHeardFrom_IsTakenOverAndItsSaveIsRefused()
    {
        var (a, b, workflow, id) = await HeldByAAsync();

        await _database.KillAsync(a);
        Assert.True(await b.Locks.TryAcquireAsync(id, None));
        workflow.Reference = "written by a after it lost the lock";

        var refused = await Assert.ThrowsAsync<LockLostException>(() => a.Engine.PersistWorkflow(workflow));
        Assert.Contains("another node took the case over", refused.Message);
        Assert.NotEqual(workflow.Reference, (await b.Engine.GetWorkflowInstance(id))!.Reference);
        workflow.Reference = "written by b, which holds the lock";
        await b.Engine.PersistWorkflow(workflow);
        Assert.Equal(workflow.Reference, (await a.Engine.GetWorkflowInstance(id))!.Reference);
    }

    [Fact]
    public async Task Revision_EachSaveReportsTheOneItWrote_AndAnUpdateThatSetsNoneGetsANewOne()
    {
        // The waits' probe compares revisions: a save made here is reported with its revision (so the probe does not
        // take it for another node's), and any other update, such as one by a node of an older version during a rolling
        // upgrade, still changes the revision the probe reads.
        var a = await _database.NodeAsync("a");
        var reported = new List<(string Id, long Revision)>();
        a.Engine.SavedHere = (id, revision) => reported.Add((id, revision));
        var workflow = WorkflowRepositoryTests.Workflow();
        var id = await a.Engine.CreateNewWorkflow(workflow);
        Assert.True(await a.Locks.TryAcquireAsync(id, None));

        await a.Engine.PersistWorkflow(workflow);
        var saved = (await a.Engine.ReadRevisionsAsync([id], None))[id];
        await _database.ExecuteAsync($"UPDATE wf_instances SET status = status WHERE id = '{id}'");
        var updatedElsewhere = (await a.Engine.ReadRevisionsAsync([id], None))[id];

        Assert.Equal([(id, saved)], reported);
        Assert.NotEqual(saved, updatedElsewhere);
        Assert.True(updatedElsewhere >= 0);
        Assert.Empty(await a.Engine.ReadRevisionsAsync(["no-such-workflow"], None));
    }

    [Fact]
    public async Task Lock_GivenBackByTheSave_IsFreeAtItsCommit_AndTheReleaseAfterItSendsNothing()
    {
        // A save ends the node's turn with the workflow, so its lock row is deleted in the save's transaction; the
        // release WorkflowCore calls next has nothing left to do, and must not touch a lock another node took meanwhile.
        var (a, b, workflow, id) = await HeldByAAsync();

        await a.Engine.PersistWorkflow(workflow);
        Assert.Equal(0L, await _database.ScalarAsync($"SELECT count(*) FROM wf_locks WHERE lock_id = '{id}'"));
        Assert.True(await b.Locks.TryAcquireAsync(id, None));
        await a.Locks.ReleaseAsync(id);

        Assert.False(await a.Locks.TryAcquireAsync(id, None));
        await b.Locks.ReleaseAsync(id);
        Assert.True(await a.Locks.TryAcquireAsync(id, None));
    }

    [Fact]
    public async Task Lock_SaveRefused_KeepsTheLockForTheReleaseToGiveBack()
    {
        // A save that failed deleted nothing: the release after it must still give the lock back.
        var (a, b, workflow, id) = await HeldByAAsync();
        await a.Engine.PersistWorkflow(workflow);
        Assert.True(await a.Locks.TryAcquireAsync(id, None));
        workflow.Id = "no-such-workflow";
        Assert.True(await a.Locks.TryAcquireAsync(workflow.Id, None));

        await Assert.ThrowsAsync<InvalidOperationException>(() => a.Engine.PersistWorkflow(workflow));
        await a.Locks.ReleaseAsync(workflow.Id);
        await a.Locks.ReleaseAsync(id);

        Assert.True(await b.Locks.TryAcquireAsync(workflow.Id, None));
        Assert.True(await b.Locks.TryAcquireAsync(id, None));
    }

    [Fact]
    public async Task Heartbeat_CleanStop_FreesTheNodesLocksAtOnce()
    {
        var a = await _database.NodeAsync("a");
        var b = await _database.NodeAsync("b");
        Assert.True(await a.Locks.TryAcquireAsync("wf-1", None));

        await a.Heartbeat.StopAsync();

        Assert.True(await b.Locks.TryAcquireAsync("wf-1", None));
        Assert.Equal(1L, await _database.ScalarAsync("SELECT count(*) FROM ov_nodes"));
    }

    [Fact]
    public async Task Queue_WorkWrittenByOneNode_WakesAnotherThroughNotify()
    {
        // The other node's poll is ten minutes away: only the notification can wake it in time.
        var a = await _database.NodeAsync("a", o => o.QueuePollInterval = TimeSpan.FromMinutes(10));
        var b = await _database.NodeAsync("b", o => o.QueuePollInterval = TimeSpan.FromMinutes(10));
        var fromB = (OneVisit.Workflows.PostgreSql.Engine.Cluster.PostgresWorkQueue)b.Queues.Create(QueueType.Event);
        a.Queues.Create(QueueType.Event);
        await a.Queues.StartAsync();
        await b.Queues.StartAsync();
        // Each node wakes its consumers once when its LISTEN is in place (for work written before): wait for that,
        // so the wake below can only be the notification.
        await WaitUntilAsync(() => a.Queues.Listening && b.Queues.Listening);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var taken = fromB.TakeAsync(timeout.Token);
        await WaitUntilAsync(() => fromB.Waiting == 1);

        Assert.True(a.Queues.Write(QueueType.Event, "event-1"));

        Assert.Equal("event-1", await taken);
        Assert.True(b.Queues.NotificationsReceived >= 1);
        Assert.Equal(0L, await _database.ScalarAsync("SELECT count(*) FROM wf_queue"));
    }

    [Fact]
    public async Task Queue_WorkAddedWhileALocalConsumerWaits_IsHandedToItWithoutTheTable()
    {
        var a = await _database.NodeAsync("a", o => o.QueuePollInterval = TimeSpan.FromMinutes(10));
        var queue = (OneVisit.Workflows.PostgreSql.Engine.Cluster.PostgresWorkQueue)a.Queues.Create(QueueType.Workflow);
        await a.Queues.StartAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var taken = queue.TakeAsync(timeout.Token);
        await WaitUntilAsync(() => queue.Waiting == 1);

        Assert.True(queue.Add("wf-1"));

        Assert.Equal("wf-1", await taken);
        Assert.Equal(0L, await _database.ScalarAsync("SELECT count(*) FROM wf_queue"));
    }

    [Fact]
    public async Task Queue_SameIdTwice_IsInTheTableOnce()
    {
        var a = await _database.NodeAsync("a");
        a.Queues.Create(QueueType.Workflow);
        await a.Queues.StartAsync();

        a.Queues.Write(QueueType.Workflow, "wf-1");
        await WaitUntilAsync(() => a.Queues.Unwritten(QueueType.Workflow) == 0);
        a.Queues.Write(QueueType.Workflow, "wf-1");
        await WaitUntilAsync(() => a.Queues.Unwritten(QueueType.Workflow) == 0);

        Assert.Equal(1L, await _database.ScalarAsync("SELECT count(*) FROM wf_queue"));
        Assert.Equal("wf-1", await a.Queues.ClaimAsync(QueueType.Workflow, None));
        Assert.Null(await a.Queues.ClaimAsync(QueueType.Workflow, None));
    }

    [Fact]
    public async Task Timer_ClaimedByALiveNode_IsNotFiredByAnotherUntilThatNodeDies()
    {
        var a = await _database.NodeAsync("a");
        var b = await _database.NodeAsync("b");
        await a.Storage.TryInsertCaseAsync(Case("case-1"), None);
        await a.Storage.WriteAsync(t => { t.ScheduleTimer(Timer("case-1:wait:1", "case-1", At(5))); return true; }, None);

        Assert.True(await a.Storage.ClaimTimerAsync("case-1:wait:1", None));
        Assert.False(await b.Storage.ClaimTimerAsync("case-1:wait:1", None));
        Assert.True(await a.Storage.ClaimTimerAsync("case-1:wait:1", None));
        await _database.KillAsync(a);

        Assert.True(await b.Storage.ClaimTimerAsync("case-1:wait:1", None));
        await b.Storage.MarkTimerFiredAsync("case-1:wait:1", None);
        Assert.False(await b.Storage.ClaimTimerAsync("case-1:wait:1", None));
        Assert.Empty(await b.Storage.DueTimersAsync(At(10), None));
    }

    [Fact]
    public async Task EvidenceRequest_OfADeadNode_IsSentAgainByOneOtherNode()
    {
        var a = await _database.NodeAsync("a");
        var b = await _database.NodeAsync("b");
        var c = await _database.NodeAsync("c");
        await a.Storage.TryInsertCaseAsync(Case("case-1"), None);
        await a.Storage.SetWorkflowAsync("case-1", "wf-case-1", None);
        var request = Request("case-1", "tax");
        await a.Storage.BeginEvidenceRequestAsync(request, "tax", At(1), None);

        Assert.Empty(await b.Storage.UndeliveredEvidenceAsync(CaseEventNames.Evidence, None));
        await _database.KillAsync(a);
        var takenByB = await b.Storage.UndeliveredEvidenceAsync(CaseEventNames.Evidence, None);
        var takenByC = await c.Storage.UndeliveredEvidenceAsync(CaseEventNames.Evidence, None);

        Assert.Equal(request, Assert.Single(takenByB).Request);
        Assert.Empty(takenByC);
    }

    private static Task WaitUntilAsync(Func<bool> condition) => WaitUntilAsync(() => Task.FromResult(condition()));

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!await condition())
        {
            await Task.Yield();
            timeout.Token.ThrowIfCancellationRequested();
        }
    }
}
