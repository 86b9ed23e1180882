using Microsoft.Extensions.Logging;
using OneVisit.Workflows.Cases;
using OneVisit.Workflows.Cases.Internal;
using OneVisit.Workflows.Internal;
using OneVisit.Workflows.Storage;

namespace OneVisit.Workflows.Deadlines;

/// <summary>
/// Durable timers: each is a row in <c>ov_timers</c> (so it survives restarts) and all pending ones share one
/// <see cref="ITimer"/> from the injected <see cref="TimeProvider"/>, armed for the earliest. They fire on
/// time rather than at the engine's next poll, and a fake clock drives them in tests.
/// </summary>
/// <remarks>
/// On a store other nodes share (<see cref="ICaseStorage.SharedByNodes"/>) a node also rescans, every
/// <see cref="CaseOptions.PollInterval"/>, for timers due before the next rescan that another node armed, and claims
/// each timer before firing it: every node may hold a timer, one fires it, and if the node that armed it dies, another
/// fires it within a rescan of its due time (or of the dead node's claim lapsing).
/// </remarks>
internal sealed class CaseTimers(ITimerStore store, ICaseStorage storage, Microsoft.Extensions.Options.IOptions<CaseOptions> options, TimeProvider time, ILogger<CaseTimers> logger) : IAsyncDisposable
{
    private readonly object _gate = new();
    private readonly PriorityQueue<TimerRow, DateTimeOffset> _queue = new();
    private readonly Dictionary<string, TimerRow> _pending = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _firing = new(1, 1);
    private Func<TimerRow, CancellationToken, Task>? _handler;
    private ITimer? _timer;
    private CancellationTokenSource _stopping = new();

    /// <summary>Loads pending timers and starts firing them through <paramref name="handler"/>.</summary>
    public async Task StartAsync(Func<TimerRow, CancellationToken, Task> handler, CancellationToken cancellationToken)
    {
        _stopping = new CancellationTokenSource();
        _handler = handler;
        foreach (var row in await store.PendingTimersAsync(cancellationToken).ConfigureAwait(false))
        {
            Add(row);
        }

        lock (_gate)
        {
            _timer = time.CreateTimer(_ => _ = FireDueAsync(), null, Timeout_Infinite, Timeout_Infinite);
            if (storage.SharedByNodes)
            {
                var interval = options.Value.PollInterval;
                _rescan = PeriodicRescan.Start(time, interval, token => RescanAsync(interval, token), ex => Log.TimerRescanFailed(logger, ex), _stopping.Token);
            }
        }

        Rearm();
    }

    private PeriodicRescan? _rescan;

    // Timers other nodes armed that fall due before the next rescan.
    private async Task RescanAsync(TimeSpan interval, CancellationToken cancellationToken)
    {
        foreach (var row in await store.DueTimersAsync(time.GetUtcNow() + interval, cancellationToken).ConfigureAwait(false))
        {
            Add(row);
        }

        Rearm();
    }

    private static readonly TimeSpan Timeout_Infinite = System.Threading.Timeout.InfiniteTimeSpan;

    private static readonly TimeSpan LongestWait = TimeSpan.FromDays(30);

    /// <summary>
    /// Arms, with the next save of the case's document, a timer that ends the wait <paramref name="name"/> by
    /// publishing a <see cref="CaseTimeout"/> on its key.
    /// </summary>
    public void ScheduleTimeout(PendingWrites writes, string caseId, string name, DateTimeOffset due, string eventName, string eventKey) =>
        Schedule(writes, new TimerRow($"{caseId}:{name}:{due.UtcTicks}", caseId, due, TimerKind.Timeout, eventName, eventKey));

    /// <summary>Arms a reminder for the wait <paramref name="name"/>: the person who must act is reminded before its deadline.</summary>
    public void ScheduleReminder(PendingWrites writes, string caseId, string name, DateTimeOffset at) =>
        Schedule(writes, new TimerRow($"{caseId}:{name}:remind:{at.UtcTicks}", caseId, at, TimerKind.Reminder(name), null, null));

    /// <summary>Arms a check of the limit <paramref name="limit"/>: when it is near (<paramref name="passed"/> false) or has passed.</summary>
    public void ScheduleClock(PendingWrites writes, string caseId, string limit, bool passed, DateTimeOffset due) =>
        Schedule(writes, new TimerRow($"{caseId}:clock:{limit}:{(passed ? "due" : "warn")}:{due.UtcTicks}", caseId, due, TimerKind.Clock(limit, passed), null, null));

    /// <summary>Disarms, with the next save, the timers of the wait <paramref name="name"/>, or all the case's timers when null.</summary>
    public void Cancel(PendingWrites writes, string caseId, string? name = null)
    {
        var prefix = name is null ? $"{caseId}:" : $"{caseId}:{name}:";
        writes.Add(t => t.CancelTimers(caseId, prefix));
        writes.AfterCommit(() =>
        {
            lock (_gate)
            {
                foreach (var id in _pending.Keys.Where(id => id.StartsWith(prefix, StringComparison.Ordinal)).ToList())
                {
                    _pending.Remove(id);
                }
            }
        });
    }

    private void Schedule(PendingWrites writes, TimerRow row)
    {
        writes.Add(t => t.ScheduleTimer(row));
        // Armed in memory only once the row is committed: a timer never fires for a wait that was not saved.
        writes.AfterCommit(() =>
        {
            Add(row);
            Rearm();
        });
    }

    private void Add(TimerRow row)
    {
        lock (_gate)
        {
            if (_pending.TryAdd(row.TimerId, row))
            {
                _queue.Enqueue(row, row.Due);
            }
        }
    }

    private void Rearm()
    {
        lock (_gate)
        {
            if (_timer is null)
            {
                return;
            }

            while (_queue.TryPeek(out var head, out _) && !_pending.ContainsKey(head.TimerId))
            {
                _queue.Dequeue();
            }

            if (!_queue.TryPeek(out _, out var due))
            {
                _timer.Change(Timeout_Infinite, Timeout_Infinite);
                return;
            }

            // A timer takes at most about 49.7 days (2^32 - 2 ms) and throws beyond, so a deadline further off (a gap
            // owed in three months, a long statutory limit) would stop the runtime's start. It wakes after the longest
            // wait instead, finds nothing due, and arms again.
            var delay = due - time.GetUtcNow();
            _timer.Change(delay < TimeSpan.Zero ? TimeSpan.Zero : delay > LongestWait ? LongestWait : delay, Timeout_Infinite);
        }
    }

    private async Task FireDueAsync()
    {
        // One firing at a time: a timer's effects (publishing a timeout) must not race its own retry.
        await _firing.WaitAsync().ConfigureAwait(false);
        try
        {
            while (TakeDue() is { } row)
            {
                try
                {
                    if (!await store.ClaimTimerAsync(row.TimerId, _stopping.Token).ConfigureAwait(false))
                    {
                        // Fired or disarmed already, or another node fires it; a rescan brings it back if that node dies.
                        lock (_gate)
                        {
                            _pending.Remove(row.TimerId);
                        }

                        continue;
                    }

                    await _handler!(row, _stopping.Token).ConfigureAwait(false);
                    await store.MarkTimerFiredAsync(row.TimerId, _stopping.Token).ConfigureAwait(false);
                    lock (_gate)
                    {
                        _pending.Remove(row.TimerId);
                    }
                }
                catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception ex)
                {
                    // The row stays pending in the database, so the next start retries it.
                    Log.TimerFailed(logger, ex, row.TimerId, row.CaseId);
                    lock (_gate)
                    {
                        _pending.Remove(row.TimerId);
                    }
                }
            }
        }
        finally
        {
            _firing.Release();
            Rearm();
        }
    }

    private TimerRow? TakeDue()
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            while (_queue.TryPeek(out var head, out var due) && due <= now)
            {
                _queue.Dequeue();
                if (_pending.ContainsKey(head.TimerId))
                {
                    return head;
                }
            }

            return null;
        }
    }

    public ValueTask DisposeAsync() => new(StopAsync());

    /// <summary>Stops firing; pending timers stay in the database for the next start.</summary>
    public async Task StopAsync()
    {
        if (_stopping.IsCancellationRequested)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        ITimer? timer;
        PeriodicRescan? rescan;
        lock (_gate)
        {
            timer = _timer;
            _timer = null;
            rescan = _rescan;
            _rescan = null;
        }

        if (rescan is not null)
        {
            await rescan.DisposeAsync().ConfigureAwait(false);
        }

        if (timer is not null)
        {
            await timer.DisposeAsync().ConfigureAwait(false);
        }

        await _firing.WaitAsync().ConfigureAwait(false);
        _firing.Release();
    }
}
