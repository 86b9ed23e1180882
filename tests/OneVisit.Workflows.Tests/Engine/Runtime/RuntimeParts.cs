using Microsoft.Extensions.Logging.Abstractions;
using OneVisit.Workflows.Engine.Runtime;

namespace OneVisit.Workflows.Tests.Engine.Runtime;

/// <summary>A lock table with the queue and lock providers over it, as EngineTuning wires them.</summary>
internal sealed class RuntimeParts : IDisposable
{
    public static readonly TimeSpan BounceDelay = TimeSpan.FromMilliseconds(10);

    public RuntimeParts(TimeProvider? queueTime = null)
    {
        Queue = new PromptQueueProvider(Table, queueTime ?? TimeProvider.System, BounceDelay, NullLogger<PromptQueueProvider>.Instance);
        Locks = new PromptLockProvider(Table, Queue, NullLogger<PromptLockProvider>.Instance);
    }

    public LockTable Table { get; } = new();

    public PromptQueueProvider Queue { get; }

    public PromptLockProvider Locks { get; }

    public void Dispose() => Queue.Dispose();
}
