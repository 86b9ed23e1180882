using Microsoft.Extensions.Time.Testing;
using WorkflowCore.Interface;

namespace OneVisit.Workflows.Tests.Engine.Runtime;

public class PromptQueueProviderTests
{
    private static readonly TimeSpan Safety = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task DequeueWork_WaitsForAnItem_AndReturnsItInOrder()
    {
        using var parts = new RuntimeParts();
        var waiting = parts.Queue.DequeueWork(QueueType.Event, CancellationToken.None);
        Assert.False(waiting.IsCompleted);

        await parts.Queue.QueueWork("e1", QueueType.Event);
        await parts.Queue.QueueWork("e2", QueueType.Event);

        Assert.Equal("e1", await waiting.WaitAsync(Safety));
        Assert.Equal("e2", await parts.Queue.DequeueWork(QueueType.Event, CancellationToken.None).WaitAsync(Safety));
    }

    [Fact]
    public async Task DequeueWork_ReturnsNullWithoutThrowing_WhenCancelled()
    {
        using var parts = new RuntimeParts();
        using var cancel = new CancellationTokenSource();
        var waiting = parts.Queue.DequeueWork(QueueType.Workflow, cancel.Token);

        await cancel.CancelAsync();

        Assert.Null(await waiting.WaitAsync(Safety));
        Assert.Null(await parts.Queue.DequeueWork(QueueType.Workflow, cancel.Token).WaitAsync(Safety));
    }

    [Fact]
    public async Task QueueWork_KeepsOneCopy_OfAnIdAlreadyWaiting()
    {
        using var parts = new RuntimeParts();
        await parts.Queue.QueueWork("w1", QueueType.Workflow);
        await parts.Queue.QueueWork("w2", QueueType.Workflow);
        await parts.Queue.QueueWork("w1", QueueType.Workflow);

        Assert.Equal(2, parts.Queue.CountWaiting(QueueType.Workflow));
        Assert.Equal("w1", await parts.Queue.DequeueWork(QueueType.Workflow, CancellationToken.None));
        Assert.Equal("w2", await parts.Queue.DequeueWork(QueueType.Workflow, CancellationToken.None));

        // Once taken, the id may be queued again.
        await parts.Queue.QueueWork("w3", QueueType.Workflow);
        await parts.Queue.QueueWork("w1", QueueType.Workflow);
        Assert.Equal(2, parts.Queue.CountWaiting(QueueType.Workflow));
    }

    [Fact]
    public async Task QueueWork_ParksAWorkflowWhoseLockIsHeld_UntilTheLockIsReleased()
    {
        using var parts = new RuntimeParts();
        Assert.True(await parts.Locks.AcquireLock("w1", CancellationToken.None));

        await parts.Queue.QueueWork("w1", QueueType.Workflow);
        await parts.Queue.QueueWork("w1", QueueType.Workflow);
        Assert.Equal(0, parts.Queue.CountWaiting(QueueType.Workflow));

        await parts.Locks.ReleaseLock("w1");

        Assert.Equal(1, parts.Queue.CountWaiting(QueueType.Workflow));
        Assert.Equal("w1", await parts.Queue.DequeueWork(QueueType.Workflow, CancellationToken.None));
    }

    [Fact]
    public async Task QueueWork_ParksAnEventWhoseLockIsHeld_UntilTheLockIsReleased()
    {
        using var parts = new RuntimeParts();
        await HoldAsync(parts, "evt:e1");

        await parts.Queue.QueueWork("e1", QueueType.Event);
        Assert.Equal(0, parts.Queue.CountWaiting(QueueType.Event));

        await parts.Locks.ReleaseLock("evt:e1");
        Assert.Equal(1, parts.Queue.CountWaiting(QueueType.Event));
    }

    [Fact]
    public async Task QueueWork_DropsIndexWork_SinceNothingConsumesIt()
    {
        using var parts = new RuntimeParts();

        await parts.Queue.QueueWork("w1", QueueType.Index);

        Assert.Equal(0, parts.Queue.CountWaiting(QueueType.Index));
    }

    [Fact]
    public async Task QueueWork_DelaysAnItemRequeuedRightAfterItWasTaken_InsteadOfSpinning()
    {
        var time = new FakeTimeProvider();
        using var parts = new RuntimeParts(time);
        await parts.Queue.QueueWork("w1", QueueType.Workflow);
        Assert.Equal("w1", await parts.Queue.DequeueWork(QueueType.Workflow, CancellationToken.None));

        // WorkflowCore's consumer puts back an item it is still processing.
        await parts.Queue.QueueWork("w1", QueueType.Workflow);
        Assert.Equal(0, parts.Queue.CountWaiting(QueueType.Workflow));

        // Other work is not held back, and a second queueing is not a bounce.
        await parts.Queue.QueueWork("w2", QueueType.Workflow);
        await parts.Queue.QueueWork("w2", QueueType.Workflow);
        Assert.Equal(1, parts.Queue.CountWaiting(QueueType.Workflow));

        time.Advance(RuntimeParts.BounceDelay);

        Assert.Equal(2, parts.Queue.CountWaiting(QueueType.Workflow));
        Assert.Equal("w2", await parts.Queue.DequeueWork(QueueType.Workflow, CancellationToken.None));
        Assert.Equal("w1", await parts.Queue.DequeueWork(QueueType.Workflow, CancellationToken.None));
    }

    [Fact]
    public async Task QueueWork_AfterTheConsumerCameBack_IsNotABounce()
    {
        var time = new FakeTimeProvider();
        using var parts = new RuntimeParts(time);
        await parts.Queue.QueueWork("w1", QueueType.Workflow);
        Assert.Equal("w1", await parts.Queue.DequeueWork(QueueType.Workflow, CancellationToken.None));
        var next = parts.Queue.DequeueWork(QueueType.Workflow, CancellationToken.None);

        await parts.Queue.QueueWork("w1", QueueType.Workflow);

        Assert.Equal("w1", await next.WaitAsync(Safety));
    }

    // Takes a lock in a separate async flow, as a WorkflowCore consumer would, so the event
    // the lock provider remembers per flow does not leak into the test's own flow.
    private static async Task HoldAsync(RuntimeParts parts, string lockId)
    {
        await Task.Yield();
        Assert.True(await parts.Locks.AcquireLock(lockId, CancellationToken.None));
    }
}
