namespace OneVisit.Workflows.Engine.Runtime;

/// <summary>
/// One queue of item ids behind <see cref="PromptQueueProvider"/>: in memory (<see cref="WorkQueue"/>, one node) or
/// shared by the nodes on one database (the PostgreSQL package).
/// </summary>
internal interface IWorkQueue : IDisposable
{
    /// <summary>Ids known to be waiting (for a shared queue, those this node has not yet handed to the database).</summary>
    int Count { get; }

    /// <summary>Appends <paramref name="id"/> unless it is already waiting; never blocks.</summary>
    bool Add(string id);

    /// <summary>See <see cref="WorkQueue.TakeBounce"/>.</summary>
    bool TakeBounce(string id);

    /// <summary>Waits for the next id; null when <paramref name="cancellationToken"/> is cancelled.</summary>
    Task<string?> TakeAsync(CancellationToken cancellationToken);
}

/// <summary>Makes the queues (one per WorkflowCore queue type) that several nodes share, and runs what they need.</summary>
internal interface ISharedWorkQueues
{
    IWorkQueue Create(WorkflowCore.Interface.QueueType queue);

    /// <summary>Starts the background work (writing queued ids, listening for other nodes' work).</summary>
    Task StartAsync();

    /// <summary>Stops it; ids not yet written are left to the store's poll.</summary>
    Task StopAsync();
}
