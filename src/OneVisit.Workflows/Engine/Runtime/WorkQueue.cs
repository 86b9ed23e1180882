namespace OneVisit.Workflows.Engine.Runtime;

/// <summary>
/// One in-process FIFO of item ids whose consumer waits for an item instead of polling.
/// An id already waiting is not added twice.
/// </summary>
internal sealed class WorkQueue : IWorkQueue
{
    private readonly Lock _gate = new();
    private readonly Queue<string> _items = new();
    private readonly HashSet<string> _waiting = new(StringComparer.Ordinal);

    // Counts _items: released once per added id, after the id is in _items, so a taker that
    // passes the semaphore always finds an item.
    private readonly SemaphoreSlim _available = new(0);

    private readonly HandOuts _handOuts = new();

    /// <summary>Ids waiting to be taken.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _items.Count;
            }
        }
    }

    /// <summary>Appends <paramref name="id"/> unless it is already waiting.</summary>
    /// <returns>Whether it was added.</returns>
    public bool Add(string id)
    {
        lock (_gate)
        {
            if (!_waiting.Add(id))
            {
                return false;
            }

            _items.Enqueue(id);
        }

        _available.Release();
        return true;
    }

    /// <summary>
    /// Whether queueing <paramref name="id"/> now is WorkflowCore's consumer putting back the
    /// item it was just handed because that item is still being processed; true at most once
    /// per hand-out.
    /// </summary>
    /// <remarks>
    /// QueueConsumer dequeues, finds the id among its active tasks and re-queues it at once,
    /// before asking for the next item. Nothing else tells us that the item is in flight, so
    /// "the id handed out last, before the consumer came back" stands for it. Another caller
    /// queueing the same id in that instant is taken for a bounce too; that only delays it.
    /// </remarks>
    public bool TakeBounce(string id) => _handOuts.TakeBounce(id);

    /// <summary>Waits for the next id; null when <paramref name="cancellationToken"/> is cancelled.</summary>
    public async Task<string?> TakeAsync(CancellationToken cancellationToken)
    {
        _handOuts.ConsumerReturned();
        var wait = _available.WaitAsync(cancellationToken);
        if (!wait.IsCompleted)
        {
            // QueueConsumer handles a null item as "nothing yet"; cancelling at shutdown should
            // not cost an exception per consumer.
            await wait.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        if (!wait.IsCompletedSuccessfully)
        {
            return null;
        }

        string id;
        lock (_gate)
        {
            id = _items.Dequeue();
            _waiting.Remove(id);
        }

        return _handOuts.HandOut(id);
    }

    /// <inheritdoc />
    public void Dispose() => _available.Dispose();
}
