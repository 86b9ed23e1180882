using Microsoft.Extensions.Logging;
using WorkflowCore.Interface;

namespace OneVisit.Workflows.Engine.Runtime;

/// <summary>
/// Single-node locks that also re-queue an event whose processing was blocked by a workflow lock.
/// </summary>
/// <remarks>
/// <para>
/// The event consumer (<see cref="EventDeliveryConsumer"/>, with WorkflowCore's rules) holds <c>evt:{eventId}</c> while it seeds the event into each
/// subscribed workflow, and gives up on the event when that workflow's lock is taken (typically
/// by the workflow consumer, or by another event for the same workflow: a join of near-
/// simultaneous events). It neither processes nor re-queues the event; only the next poll finds
/// it again. This provider remembers such an event against the workflow lock it failed to take
/// and queues it once that lock and the event's own lock are both released.
/// </para>
/// <para>
/// Why an <see cref="AsyncLocal{T}"/>: the failed attempt is the only moment the blocked pair
/// (event, workflow) is known, and only the event consumer's own async flow knows which event it
/// holds. Taking <c>evt:{id}</c> records that id in the caller's flow; a failed attempt on any
/// other lock in that flow parks the event in the <see cref="LockTable"/> under the same monitor
/// that saw the lock held, so a release cannot slip in between. The alternative (asking the store
/// for unprocessed events matching the workflow's open subscriptions on every release) costs
/// store reads on every release and depends on the store. For the value to reach the caller,
/// <see cref="AcquireLock"/> and <see cref="ReleaseLock"/> are deliberately not <c>async</c>:
/// an async method restores its caller's execution context on return, which would discard it.
/// The event consumer's <c>DeliverAsync</c> is async, so the value ends with it.
/// </para>
/// </remarks>
internal sealed partial class PromptLockProvider : IDistributedLockProvider
{
    private const string EventLockPrefix = "evt:";

    private readonly LockTable _locks;
    private readonly PromptQueueProvider _queue;
    private readonly ILogger _logger;
    private readonly IClusterLocks? _cluster;
    private readonly TimeSpan _remoteRetryDelay;

    // The event whose evt: lock this async flow holds, if any.
    private readonly AsyncLocal<string?> _heldEvent = new();

    /// <summary>Creates the provider over <paramref name="locks"/>, queueing released work on <paramref name="queue"/>.</summary>
    /// <param name="locks">This node's lock table.</param>
    /// <param name="queue">Where released work is queued.</param>
    /// <param name="logger">Logs blocked and released work.</param>
    /// <param name="cluster">Locks shared with other nodes, taken after the local one; null on one node.</param>
    /// <param name="tuning">The delay before an event blocked on another node's lock is tried again.</param>
    public PromptLockProvider(LockTable locks, PromptQueueProvider queue, ILogger<PromptLockProvider> logger, IClusterLocks? cluster = null, RuntimeTuning? tuning = null)
    {
        _locks = locks;
        _queue = queue;
        _logger = logger;
        _cluster = cluster;
        _remoteRetryDelay = (tuning ?? new RuntimeTuning()).RemoteRetryDelay;
    }

    /// <summary>Takes <paramref name="Id"/> if free; see the class remarks for what a failure records.</summary>
    /// <param name="Id">The lock id (WorkflowCore's parameter name).</param>
    /// <param name="cancellationToken">Not waited on: the attempt never blocks.</param>
    public Task<bool> AcquireLock(string Id, CancellationToken cancellationToken)
    {
        if (Id.StartsWith(EventLockPrefix, StringComparison.Ordinal))
        {
            if (!_locks.TryAcquire(Id))
            {
                return Task.FromResult(false);
            }

            _heldEvent.Value = Id[EventLockPrefix.Length..];
            return Task.FromResult(true);
        }

        var heldEvent = _heldEvent.Value;
        ParkedWork? blocked = heldEvent is null
            ? null
            : new ParkedWork(QueueType.Event, heldEvent, Id, PromptQueueProvider.EventLock(heldEvent));
        if (_locks.TryAcquire(Id, blocked))
        {
            return _cluster is null ? Task.FromResult(true) : AcquireClusterAsync(Id, heldEvent, cancellationToken);
        }

        if (heldEvent is not null)
        {
            LogEventBlocked(heldEvent, Id);
        }

        return Task.FromResult(false);
    }

    /// <summary>Releases <paramref name="Id"/> and queues whatever was waiting only for it.</summary>
    /// <param name="Id">The lock id (WorkflowCore's parameter name).</param>
    public Task ReleaseLock(string Id)
    {
        if (Id.StartsWith(EventLockPrefix, StringComparison.Ordinal))
        {
            if (string.Equals(_heldEvent.Value, Id[EventLockPrefix.Length..], StringComparison.Ordinal))
            {
                _heldEvent.Value = null;
            }

            ReleaseLocal(Id);
            return Task.CompletedTask;
        }

        if (_cluster is null)
        {
            ReleaseLocal(Id);
            return Task.CompletedTask;
        }

        return ReleaseClusterAsync(Id);
    }

    /// <summary>Joins the cluster when the locks are shared; nothing to start otherwise.</summary>
    public Task Start() => _cluster?.StartAsync() ?? Task.CompletedTask;

    /// <summary>Leaves the cluster when the locks are shared.</summary>
    public Task Stop() => _cluster?.StopAsync() ?? Task.CompletedTask;

    // The local lock is held: ask the other nodes. When one of them holds it, give the local lock back (queueing what
    // waited for it here), and try a blocked event again shortly, since this node will not see that node's release.
    private async Task<bool> AcquireClusterAsync(string id, string? heldEvent, CancellationToken cancellationToken)
    {
        bool taken;
        try
        {
            taken = await _cluster!.TryAcquireAsync(id, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            ReleaseLocal(id);
            throw;
        }

        if (taken)
        {
            return true;
        }

        ReleaseLocal(id);
        if (heldEvent is not null)
        {
            LogEventBlockedElsewhere(heldEvent, id, _remoteRetryDelay);
            _queue.EnqueueLater(heldEvent, QueueType.Event, _remoteRetryDelay);
        }

        return false;
    }

    // The cluster's lock goes first: work queued by the local release then finds it free on every node.
    private async Task ReleaseClusterAsync(string id)
    {
        try
        {
            await _cluster!.ReleaseAsync(id).ConfigureAwait(false);
        }
        finally
        {
            ReleaseLocal(id);
        }
    }

    private void ReleaseLocal(string id)
    {
        foreach (var work in _locks.Release(id))
        {
            LogReleasedWork(work.ItemId, work.Queue, id);
            _queue.Enqueue(work.ItemId, work.Queue);
        }
    }

    [LoggerMessage(EventId = 203, Level = LogLevel.Debug, Message = "Event {EventId} blocked by lock {LockId}; it is queued again once both are released")]
    private partial void LogEventBlocked(string eventId, string lockId);

    [LoggerMessage(EventId = 207, Level = LogLevel.Debug, Message = "Event {EventId} blocked by lock {LockId}, held by another node; tried again in {Delay}")]
    private partial void LogEventBlockedElsewhere(string eventId, string lockId, TimeSpan delay);

    [LoggerMessage(EventId = 204, Level = LogLevel.Trace, Message = "{Queue} item {ItemId} queued on release of {LockId}")]
    private partial void LogReleasedWork(string itemId, QueueType queue, string lockId);
}
