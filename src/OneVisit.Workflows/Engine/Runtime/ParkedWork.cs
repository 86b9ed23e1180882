using WorkflowCore.Interface;

namespace OneVisit.Workflows.Engine.Runtime;

/// <summary>
/// A queue item waiting for locks to be released: it is queued once <see cref="FirstLock"/>
/// and <see cref="SecondLock"/> (when given) are both free.
/// </summary>
/// <remarks>A record struct so equal waits on one lock collapse into one.</remarks>
internal readonly record struct ParkedWork(QueueType Queue, string ItemId, string FirstLock, string? SecondLock = null);
