using WorkflowCore.Interface;

namespace OneVisit.Workflows.Tests.Engine.Runtime;

public class PromptLockProviderTests
{
    private static readonly TimeSpan Safety = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task AcquireLock_IsExclusive_UntilReleased()
    {
        using var parts = new RuntimeParts();
        Assert.True(await parts.Locks.AcquireLock("w1", CancellationToken.None));
        Assert.False(await parts.Locks.AcquireLock("w1", CancellationToken.None));
        Assert.True(await parts.Locks.AcquireLock("w2", CancellationToken.None));

        await parts.Locks.ReleaseLock("w1");

        Assert.True(await parts.Locks.AcquireLock("w1", CancellationToken.None));
    }

    [Fact]
    public async Task BlockedEvent_IsQueued_WhenTheWorkflowIsReleasedAfterTheEvent()
    {
        using var parts = new RuntimeParts();
        Assert.True(await parts.Locks.AcquireLock("w1", CancellationToken.None));

        Assert.False(await ProcessEventAsync(parts, "e1", "w1"));
        Assert.Equal(0, parts.Queue.CountWaiting(QueueType.Event));

        await parts.Locks.ReleaseLock("w1");

        Assert.Equal(["e1"], await DrainAsync(parts, QueueType.Event));
    }

    [Fact]
    public async Task BlockedEvent_IsQueued_WhenTheWorkflowIsReleasedBeforeTheEvent()
    {
        using var parts = new RuntimeParts();
        Assert.True(await parts.Locks.AcquireLock("w1", CancellationToken.None));
        var queuedWhileEventHeld = -1;

        Assert.False(await ProcessEventAsync(parts, "e1", "w1", beforeRelease: async () =>
        {
            await parts.Locks.ReleaseLock("w1");
            queuedWhileEventHeld = parts.Queue.CountWaiting(QueueType.Event);
        }));

        // Not while the event consumer still held the event (it would find it locked).
        Assert.Equal(0, queuedWhileEventHeld);
        Assert.Equal(["e1"], await DrainAsync(parts, QueueType.Event));
    }

    [Fact]
    public async Task BlockedEvent_WaitsAgain_WhenTheWorkflowIsRelockedBeforeTheEventIsReleased()
    {
        using var parts = new RuntimeParts();
        Assert.True(await parts.Locks.AcquireLock("w1", CancellationToken.None));

        Assert.False(await ProcessEventAsync(parts, "e1", "w1", beforeRelease: async () =>
        {
            await parts.Locks.ReleaseLock("w1");
            Assert.True(await parts.Locks.AcquireLock("w1", CancellationToken.None));
        }));
        Assert.Equal(0, parts.Queue.CountWaiting(QueueType.Event));

        await parts.Locks.ReleaseLock("w1");
        Assert.Equal(["e1"], await DrainAsync(parts, QueueType.Event));
    }

    [Fact]
    public async Task SeededEvent_IsNotQueuedAgain()
    {
        using var parts = new RuntimeParts();

        Assert.True(await ProcessEventAsync(parts, "e1", "w1"));

        Assert.Equal(0, parts.Queue.CountWaiting(QueueType.Event));
        Assert.False(parts.Table.IsHeld("w1"));
        Assert.False(parts.Table.IsHeld("evt:e1"));
    }

    [Fact]
    public async Task FailedLock_OutsideAnEvent_QueuesNoEvent()
    {
        using var parts = new RuntimeParts();
        Assert.True(await parts.Locks.AcquireLock("w1", CancellationToken.None));

        // The event flow has ended; what it held must not follow the test's own flow.
        Assert.True(await ProcessEventAsync(parts, "e1", "w2"));
        Assert.False(await parts.Locks.AcquireLock("w1", CancellationToken.None));
        await parts.Locks.ReleaseLock("w1");

        Assert.Equal(0, parts.Queue.CountWaiting(QueueType.Event));
    }

    [Fact]
    public async Task EventsBlockedOnOneWorkflow_AreAllQueued_OnceEach()
    {
        using var parts = new RuntimeParts();
        Assert.True(await parts.Locks.AcquireLock("w1", CancellationToken.None));

        Assert.False(await ProcessEventAsync(parts, "a", "w1"));
        Assert.False(await ProcessEventAsync(parts, "b", "w1"));
        Assert.False(await ProcessEventAsync(parts, "a", "w1"));
        await parts.Locks.ReleaseLock("w1");

        Assert.Equal(["a", "b"], await DrainAsync(parts, QueueType.Event));
    }

    // The interleavings that could lose the wake-up: the workflow lock released just before
    // the failed attempt registers the event, between that and the event's release, or after.
    // Each round races a release of the workflow lock against an event consumer; whatever the
    // order, an event that could not be seeded must be queued exactly once.
    [Fact]
    public async Task BlockedEvent_IsNeverLost_WhateverTheOrderOfReleases()
    {
        using var parts = new RuntimeParts();
        const int Rounds = 2000;
        var blocked = new List<string>();

        for (var i = 0; i < Rounds; i++)
        {
            var workflow = $"w{i}";
            var evt = $"e{i}";
            Assert.True(await parts.Locks.AcquireLock(workflow, CancellationToken.None));
            using var start = new Barrier(2);

            // Stagger one side or the other by a varying amount to sweep the orderings.
            var consumerLag = i % 2 == 0 ? i % 97 * 20 : 0;
            var releaserLag = i % 2 == 1 ? i % 97 * 20 : 0;

            // Dedicated threads: the barrier blocks, and pool threads are shared with other tests.
            var consumer = Task.Factory.StartNew(() =>
            {
                start.SignalAndWait();
                Thread.SpinWait(consumerLag);
                return ProcessEventAsync(parts, evt, workflow);
            }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();
            var releaser = Task.Factory.StartNew(() =>
            {
                start.SignalAndWait();
                Thread.SpinWait(releaserLag);
                return parts.Locks.ReleaseLock(workflow);
            }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();

            var seeded = await consumer.WaitAsync(Safety);
            await releaser.WaitAsync(Safety);
            if (!seeded)
            {
                blocked.Add(evt);
            }

            Assert.False(parts.Table.IsHeld(workflow));
        }

        var queued = await DrainAsync(parts, QueueType.Event);
        Assert.Equal(blocked, queued);
    }

    // Mimics WorkflowCore's EventConsumer: hold evt:{id}, try to seed the workflow under its
    // lock (in a nested async method, as SeedSubscription is), release the event.
    private static async Task<bool> ProcessEventAsync(RuntimeParts parts, string eventId, string workflowId, Func<Task>? beforeRelease = null)
    {
        await Task.Yield();
        if (!await parts.Locks.AcquireLock("evt:" + eventId, CancellationToken.None))
        {
            return false;
        }

        try
        {
            var seeded = await SeedAsync(parts, workflowId);
            if (beforeRelease is not null)
            {
                await beforeRelease();
            }

            return seeded;
        }
        finally
        {
            await parts.Locks.ReleaseLock("evt:" + eventId);
        }
    }

    private static async Task<bool> SeedAsync(RuntimeParts parts, string workflowId)
    {
        await Task.Yield();
        if (!await parts.Locks.AcquireLock(workflowId, CancellationToken.None))
        {
            return false;
        }

        await parts.Locks.ReleaseLock(workflowId);
        return true;
    }

    private static async Task<List<string>> DrainAsync(RuntimeParts parts, QueueType queue)
    {
        var items = new List<string>();
        while (parts.Queue.CountWaiting(queue) > 0)
        {
            items.Add(await parts.Queue.DequeueWork(queue, CancellationToken.None).WaitAsync(Safety));
        }

        return items;
    }
}
