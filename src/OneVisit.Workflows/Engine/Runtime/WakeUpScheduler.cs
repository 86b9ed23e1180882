using Microsoft.Extensions.Logging;
using WorkflowCore.Interface;

namespace OneVisit.Workflows.Engine.Runtime;

/// <summary>
/// Queues each sleeping workflow the moment it becomes due, from one timer armed at the
/// earliest due time, so delays and statutory clocks do not wait for the next poll.
/// </summary>
/// <remarks>
/// <para>
/// WorkflowCore itself only keeps an in-memory <c>Task.Delay</c> for workflows due within one
/// poll interval (on the wall clock, whatever its clock provider says) and otherwise waits for
/// the poller. Here the store reports every next-execution time through <see cref="IWakeUpSink"/>;
/// a min-heap orders them and a single <see cref="ITimer"/> from the injected
/// <see cref="TimeProvider"/> is re-armed whenever the earliest one changes, so a fake clock's
/// <c>Advance</c> fires it.
/// </para>
/// <para>
/// Due means strictly after: WorkflowCore's executor only runs a sleeping step once
/// <c>SleepUntil &lt; UtcNow</c>, so queueing it at exactly its <c>NextExecution</c> would run
/// nothing and persist the same time again.
/// </para>
/// </remarks>
internal sealed partial class WakeUpScheduler : IWakeUpSink, IDisposable
{
    // System timers take at most about 49 days; longer waits re-arm when they expire.
    private static readonly TimeSpan LongestArm = TimeSpan.FromDays(30);

    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly IQueueProvider _queue;
    private readonly ILogger _logger;
    private readonly ITimer _timer;

    // Heap entries whose time differs from _due[id] were superseded and are skipped when they surface.
    private readonly PriorityQueue<string, long> _heap = new();
    private readonly Dictionary<string, long> _due = new(StringComparer.Ordinal);
    private long _armedFor = long.MaxValue;
    private long _timerWakeUps;

    /// <summary>Creates the scheduler; its timer stays disarmed until something is scheduled.</summary>
    public WakeUpScheduler(TimeProvider time, IQueueProvider queue, ILogger<WakeUpScheduler> logger)
    {
        _time = time;
        _queue = queue;
        _logger = logger;

        // The timer must not capture whichever flow first touched the scheduler (a store call
        // made while some consumer held locks); its callback runs on a clean context.
        using (ExecutionContext.SuppressFlow())
        {
            _timer = time.CreateTimer(static state => ((WakeUpScheduler)state!).OnTimer(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>Workflows queued by the timer so far, not counting ones already due when scheduled (for tests and diagnostics).</summary>
    public long TimerWakeUps => Interlocked.Read(ref _timerWakeUps);

    /// <summary>Workflows waiting for their time.</summary>
    public int Pending
    {
        get
        {
            lock (_gate)
            {
                return _due.Count;
            }
        }
    }

    /// <inheritdoc />
    public void Schedule(string workflowId, long nextExecutionTicksUtc)
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow().UtcTicks;
            if (nextExecutionTicksUtc >= now)
            {
                _due[workflowId] = nextExecutionTicksUtc;
                _heap.Enqueue(workflowId, nextExecutionTicksUtc);
                Arm(now);
                return;
            }

            // Already due: forget any later wake-up for it and queue it now, outside the timer.
            _due.Remove(workflowId);
        }

        Queue(workflowId);
    }

    /// <inheritdoc />
    public void Dispose() => _timer.Dispose();

    private void OnTimer()
    {
        List<string> due = [];
        lock (_gate)
        {
            var now = _time.GetUtcNow().UtcTicks;
            while (_heap.TryPeek(out var id, out var at) && at < now)
            {
                _heap.Dequeue();
                if (_due.TryGetValue(id, out var current) && current == at)
                {
                    _due.Remove(id);
                    due.Add(id);
                }
            }

            _armedFor = long.MaxValue;
            Arm(now);
        }

        foreach (var id in due)
        {
            Interlocked.Increment(ref _timerWakeUps);
            Queue(id);
        }
    }

    // Caller holds _gate. Points the timer at the earliest live entry, if it changed. Every
    // entry here is >= now, so the delay is positive and the timer never fires inside Change
    // (a fake clock fires zero-delay timers synchronously, under this lock).
    private void Arm(long now)
    {
        while (_heap.TryPeek(out var id, out var at) && !(_due.TryGetValue(id, out var current) && current == at))
        {
            _heap.Dequeue();
        }

        if (!_heap.TryPeek(out _, out var earliest))
        {
            if (_armedFor != long.MaxValue)
            {
                _timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
                _armedFor = long.MaxValue;
            }

            return;
        }

        if (earliest == _armedFor)
        {
            return;
        }

        // One tick past the due time (see remarks), rounded up to the timer's millisecond grain.
        var ticks = earliest + 1 - now;
        var delay = TimeSpan.FromMilliseconds(Math.Ceiling(ticks / (double)TimeSpan.TicksPerMillisecond));
        _timer.Change(delay < LongestArm ? delay : LongestArm, Timeout.InfiniteTimeSpan);
        _armedFor = earliest;
    }

    private void Queue(string workflowId)
    {
        LogWakeUp(workflowId);
        var queued = _queue.QueueWork(workflowId, QueueType.Workflow);
        if (!queued.IsCompletedSuccessfully)
        {
            _ = ObserveAsync(queued, workflowId);
        }
    }

    private async Task ObserveAsync(Task queued, string workflowId)
    {
        try
        {
            await queued.ConfigureAwait(false);
        }
#pragma warning disable CA1031 // A failed wake-up must not crash the timer thread; the poll is the safety net.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogQueueFailed(ex, workflowId);
        }
    }

    [LoggerMessage(EventId = 201, Level = LogLevel.Debug, Message = "Workflow {WorkflowId} is due; queued")]
    private partial void LogWakeUp(string workflowId);

    [LoggerMessage(EventId = 202, Level = LogLevel.Warning, Message = "Could not queue due workflow {WorkflowId}; the next poll will find it")]
    private partial void LogQueueFailed(Exception exception, string workflowId);
}
