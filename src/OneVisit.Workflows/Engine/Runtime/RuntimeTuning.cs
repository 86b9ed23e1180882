namespace OneVisit.Workflows.Engine.Runtime;

/// <summary>The knobs <see cref="EngineTuning"/> sets on WorkflowCore; the defaults are documented per property.</summary>
internal sealed record RuntimeTuning
{
    /// <summary>
    /// How often WorkflowCore's poller scans the store for runnable workflows and unprocessed
    /// events. Default 15 s (WorkflowCore: 10 s).
    /// </summary>
    /// <remarks>
    /// Nothing waits for the poll any more (timers come from <see cref="WakeUpScheduler"/>,
    /// blocked events from <see cref="PromptLockProvider"/>); it stays as a slow safety net for
    /// work dropped by a crash or a failed queue call, which is why it is not minutes. It is
    /// also WorkflowCore's read-ahead window for in-memory delays, which the scheduler makes
    /// redundant.
    /// </remarks>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>WorkflowCore's idle time. Default 2 ms (WorkflowCore: 100 ms).</summary>
    /// <remarks>
    /// With a blocking queue WorkflowCore's workflow consumer only sleeps this long when it already
    /// runs its maximum number of items (it re-checks after this sleep), which decides throughput
    /// under load: 100 ms, WorkflowCore's default, allowed a saturated consumer about ten new items
    /// a second per slot. Two milliseconds keeps the saturated re-check cheap while costing little
    /// per item. (OneVisit's event consumer waits for a free slot instead, and only sleeps this
    /// long after an empty answer from a queue that does not block, which OneVisit's never give.)
    /// </remarks>
    public TimeSpan IdleTime { get; init; } = TimeSpan.FromMilliseconds(2);

    /// <summary>
    /// How long an item that WorkflowCore re-queues because it is still processing it waits
    /// before it is queued again. Default 10 ms.
    /// </summary>
    /// <remarks>
    /// Long enough that a consumer finishing a workflow's bookkeeping is not spun on, short
    /// enough to be invisible next to a step's own latency.
    /// </remarks>
    public TimeSpan BounceDelay { get; init; } = TimeSpan.FromMilliseconds(10);

    /// <summary>
    /// How long an event blocked by a workflow lock that another node holds waits before it is tried again. Default
    /// 20 ms.
    /// </summary>
    /// <remarks>
    /// A lock held on this node wakes its waiters on release; another node's release is not seen here, so the event
    /// is retried instead, each try costing one lock round trip. A case's step holds its lock for milliseconds.
    /// </remarks>
    public TimeSpan RemoteRetryDelay { get; init; } = TimeSpan.FromMilliseconds(20);

    /// <summary>How many events are delivered at once, in units of max(cores, 2) (WorkflowCore's own consumer's size). Default 4.</summary>
    public int EventConsumers { get; init; } = 4;

    /// <summary>
    /// How many workflows run at once; null keeps WorkflowCore's default (the processor count,
    /// at least 4).
    /// </summary>
    public int? MaxConcurrentWorkflows { get; init; }
}
