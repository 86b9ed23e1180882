namespace OneVisit.Workflows.Engine.Runtime;

/// <summary>
/// The single-node lock state shared by <see cref="PromptLockProvider"/> and
/// <see cref="PromptQueueProvider"/>: which locks are held, and which queue items wait for
/// which locks to be released.
/// </summary>
/// <remarks>
/// Every check of a lock and every registration of a waiter on it happen under one monitor,
/// and a release takes its waiters under that same monitor, so no release can slip between
/// "the lock is held" and "remember to wake me": there is no lost wake-up to race for.
/// The table never calls out while holding the monitor; releases return what became ready
/// and the caller queues it.
/// </remarks>
internal sealed class LockTable
{
    private readonly Lock _gate = new();
    private readonly HashSet<string> _held = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<ParkedWork>> _waiting = new(StringComparer.Ordinal);

    /// <summary>Takes <paramref name="lockId"/> if it is free.</summary>
    /// <param name="lockId">The lock to take.</param>
    /// <param name="onFailure">Parked against the held lock when the attempt fails.</param>
    /// <returns>Whether the lock was taken.</returns>
    public bool TryAcquire(string lockId, ParkedWork? onFailure = null)
    {
        lock (_gate)
        {
            if (_held.Add(lockId))
            {
                return true;
            }

            if (onFailure is { } work)
            {
                Park(work);
            }

            return false;
        }
    }

    /// <summary>Parks <paramref name="work"/> if any of its locks is held.</summary>
    /// <returns>False when every lock it names is free, so the caller should queue it now.</returns>
    public bool ParkIfHeld(ParkedWork work)
    {
        lock (_gate)
        {
            return Park(work);
        }
    }

    /// <summary>Whether <paramref name="lockId"/> is held (a snapshot, for tests and logs).</summary>
    public bool IsHeld(string lockId)
    {
        lock (_gate)
        {
            return _held.Contains(lockId);
        }
    }

    /// <summary>Releases <paramref name="lockId"/> and returns the work that no longer waits for any lock.</summary>
    public IReadOnlyList<ParkedWork> Release(string lockId)
    {
        lock (_gate)
        {
            _held.Remove(lockId);
            if (!_waiting.Remove(lockId, out var waiters))
            {
                return [];
            }

            var ready = new List<ParkedWork>(waiters.Count);
            foreach (var work in waiters)
            {
                // Work that needs a second lock still held moves on to wait for that one.
                if (!Park(work))
                {
                    ready.Add(work);
                }
            }

            return ready;
        }
    }

    // Caller holds _gate. Registers the work against the first of its locks that is held.
    private bool Park(ParkedWork work)
    {
        var blocking = _held.Contains(work.FirstLock) ? work.FirstLock
            : work.SecondLock is { } second && _held.Contains(second) ? second
            : null;
        if (blocking is null)
        {
            return false;
        }

        if (!_waiting.TryGetValue(blocking, out var waiters))
        {
            waiters = [];
            _waiting.Add(blocking, waiters);
        }

        waiters.Add(work);
        return true;
    }
}
