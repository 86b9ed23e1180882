using Microsoft.Extensions.Logging;
using WorkflowCore.Interface;

namespace OneVisit.Workflows.Engine.Runtime;

/// <summary>
/// Queues whose consumers wake the moment work arrives, and which hold back work that could not
/// run yet instead of letting WorkflowCore spin on it. The queues live in this process (one node),
/// or are shared by the nodes on one database (<see cref="ISharedWorkQueues"/>).
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Blocking: <see cref="DequeueWork"/> waits for an item, so WorkflowCore never sleeps
/// its idle time between dequeues (3.22's SingleNodeQueueProvider also blocks, but wakes every
/// 100 ms to return null).</item>
/// <item>FIFO per queue, and an id already waiting is not queued twice.</item>
/// <item>A workflow queued while its lock is held (or an event while <c>evt:{id}</c> is held)
/// is parked in the <see cref="LockTable"/> and queued when the lock is released: the holder
/// is processing it, and dequeuing it now would only make a consumer fail the lock or
/// re-queue it in a loop.</item>
/// <item>An item the consumer re-queues because it is still processing it (QueueConsumer's
/// "active task" path, which re-queues immediately) comes back after a short delay instead of
/// at once, so the consumer does not spin for as long as the item's processing lasts.</item>
/// </list>
/// </remarks>
internal sealed partial class PromptQueueProvider : IQueueProvider
{
    private readonly LockTable _locks;
    private readonly TimeProvider _time;
    private readonly TimeSpan _bounceDelay;
    private readonly ILogger _logger;
    private readonly ISharedWorkQueues? _shared;
    private readonly Dictionary<QueueType, IWorkQueue> _queues;

    // Pending bounce retries; holding them keeps their timers alive until they fire.
    private readonly HashSet<Retry> _retries = [];
    private bool _disposed;

    /// <summary>Creates the queues.</summary>
    /// <param name="locks">The lock state shared with <see cref="PromptLockProvider"/>.</param>
    /// <param name="time">
    /// Times the bounce delay. This is wall-clock scheduling, not business time: pass
    /// <see cref="TimeProvider.System"/> in a host even when the workflows run on a fake clock.
    /// </param>
    /// <param name="bounceDelay">How long an item re-queued while in flight waits before it is queued again.</param>
    /// <param name="logger">Logs parked and bounced items.</param>
    /// <param name="shared">Queues shared with other nodes on one database; null keeps them in this process.</param>
    public PromptQueueProvider(LockTable locks, TimeProvider time, TimeSpan bounceDelay, ILogger<PromptQueueProvider> logger, ISharedWorkQueues? shared = null)
    {
        _locks = locks;
        _time = time;
        _bounceDelay = bounceDelay;
        _logger = logger;
        _shared = shared;
        _queues = new()
        {
            [QueueType.Workflow] = shared?.Create(QueueType.Workflow) ?? new WorkQueue(),
            [QueueType.Event] = shared?.Create(QueueType.Event) ?? new WorkQueue(),

            // Never filled (see Enqueue), but WorkflowCore may still ask it for work.
            [QueueType.Index] = new WorkQueue(),
        };
    }

    /// <summary>Always true: <see cref="DequeueWork"/> waits for an item.</summary>
    public bool IsDequeueBlocking => true;

    /// <summary>Ids waiting in <paramref name="queue"/> (not parked, not bouncing).</summary>
    public int CountWaiting(QueueType queue) => _queues[queue].Count;

    /// <summary>The lock whose holder is processing <paramref name="id"/> of <paramref name="queue"/>, if any.</summary>
    /// <remarks>WorkflowCore's consumers lock a workflow by its id and an event by <c>evt:{id}</c>.</remarks>
    public static string? LockFor(QueueType queue, string id) => queue switch
    {
        QueueType.Workflow => id,
        QueueType.Event => EventLock(id),
        _ => null,
    };

    /// <summary>The lock name the event consumer takes for event <paramref name="eventId"/> (WorkflowCore's name for it).</summary>
    public static string EventLock(string eventId) => "evt:" + eventId;

    /// <summary>Queues <paramref name="id"/>, or holds it back as described on the class.</summary>
    public Task QueueWork(string id, QueueType queue)
    {
        Enqueue(id, queue);
        return Task.CompletedTask;
    }

    /// <summary>Queues <paramref name="id"/> synchronously; see <see cref="QueueWork"/>.</summary>
    public void Enqueue(string id, QueueType queue)
    {
        // WorkflowCore queues every saved instance for indexing even with indexes off (EngineTuning turns them
        // off), and nothing would ever take it: dropped, or the queue would hold every workflow id for good.
        if (queue == QueueType.Index)
        {
            return;
        }

        var work = _queues[queue];
        if (work.TakeBounce(id))
        {
            LogBounced(id, queue, _bounceDelay);
            RequeueLater(id, queue, _bounceDelay);
            return;
        }

        if (LockFor(queue, id) is { } lockId && _locks.ParkIfHeld(new ParkedWork(queue, id, lockId)))
        {
            LogParked(id, queue, lockId);
            return;
        }

        work.Add(id);
    }

    /// <summary>Waits for the next id of <paramref name="queue"/>; null once <paramref name="cancellationToken"/> is cancelled.</summary>
    public Task<string> DequeueWork(QueueType queue, CancellationToken cancellationToken) =>
        // WorkflowCore's interface is not nullable-annotated; its consumer treats null as "nothing yet".
        _queues[queue].TakeAsync(cancellationToken)!;

    /// <summary>Starts the shared queues' background work, if the queues are shared.</summary>
    public Task Start() => _shared?.StartAsync() ?? Task.CompletedTask;

    /// <summary>Drops pending bounce retries; the store's poll finds their work again after a restart.</summary>
    public Task Stop()
    {
        DropRetries(disposing: false);
        return _shared?.StopAsync() ?? Task.CompletedTask;
    }

    /// <summary>
    /// Queues <paramref name="id"/> after <paramref name="delay"/>: work blocked by a lock another node holds, whose
    /// release this node will not see.
    /// </summary>
    public void EnqueueLater(string id, QueueType queue, TimeSpan delay) => RequeueLater(id, queue, delay);

    /// <inheritdoc />
    public void Dispose()
    {
        // The container disposes this instance twice: as itself and as WorkflowCore's IQueueProvider.
        if (!DropRetries(disposing: true))
        {
            return;
        }

        foreach (var queue in _queues.Values)
        {
            queue.Dispose();
        }
    }

    private void RequeueLater(string id, QueueType queue, TimeSpan delay)
    {
        var retry = new Retry(this, id, queue);
        lock (_retries)
        {
            if (_disposed)
            {
                return;
            }

            _retries.Add(retry);
        }

        // A timer rather than Task.Delay: a fake clock then re-queues synchronously inside
        // Advance, and the callback does not run in whichever consumer's flow bounced the item.
        using (ExecutionContext.SuppressFlow())
        {
            retry.Timer = _time.CreateTimer(static state => ((Retry)state!).Fire(), retry, delay, Timeout.InfiniteTimeSpan);
        }
    }

    private void OnRetry(Retry retry)
    {
        lock (_retries)
        {
            if (!_retries.Remove(retry))
            {
                return;
            }
        }

        retry.Timer?.Dispose();
        Enqueue(retry.ItemId, retry.Queue);
    }

    // Returns false when already disposed.
    private bool DropRetries(bool disposing)
    {
        List<Retry> dropped;
        lock (_retries)
        {
            if (_disposed)
            {
                return false;
            }

            _disposed = disposing;
            dropped = [.. _retries];
            _retries.Clear();
        }

        foreach (var retry in dropped)
        {
            retry.Timer?.Dispose();
        }

        return true;
    }

    private sealed class Retry(PromptQueueProvider owner, string itemId, QueueType queue)
    {
        public string ItemId => itemId;

        public QueueType Queue => queue;

        // Null only if the timer fired before CreateTimer returned; a fired one-shot timer holds nothing.
        public ITimer? Timer { get; set; }

        public void Fire() => owner.OnRetry(this);
    }

    [LoggerMessage(EventId = 205, Level = LogLevel.Trace, Message = "{Queue} item {ItemId} is still in progress; queued again in {Delay}")]
    private partial void LogBounced(string itemId, QueueType queue, TimeSpan delay);

    [LoggerMessage(EventId = 206, Level = LogLevel.Trace, Message = "{Queue} item {ItemId} parked until {LockId} is released")]
    private partial void LogParked(string itemId, QueueType queue, string lockId);
}
