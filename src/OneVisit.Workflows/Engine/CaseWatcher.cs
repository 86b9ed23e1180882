using System.Collections.Concurrent;

namespace OneVisit.Workflows.Engine;

/// <summary>Lets callers await the next save of a workflow (tests, the demo) instead of polling the store.</summary>
/// <remarks>
/// A save is seen where it happens. When other nodes share the store (<see cref="RemoteSaves"/>), a case may advance on
/// another node, whose save this one never sees: the wait then also ends after the given interval, and the caller reads
/// the case again. Notifying every save across the cluster instead would put a <c>NOTIFY</c>, which serialises commits
/// database-wide, on every step of every case, for the benefit of the few that someone is waiting on.
/// </remarks>
internal sealed class CaseWatcher(CaseWatcher.RemoteSaves? remote = null)
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _next = new(StringComparer.Ordinal);

    /// <summary>Registered by a store several nodes share: how often a wait reads the case again.</summary>
    internal sealed record RemoteSaves(TimeSpan ReadAgainAfter);

    /// <summary>
    /// A task that completes at the next save of <paramref name="workflowId"/> here (or, when other nodes share the
    /// store, after <see cref="RemoteSaves.ReadAgainAfter"/>); take it before reading the state it guards.
    /// </summary>
    public Task NextSave(string workflowId)
    {
        var local = _next.GetOrAdd(workflowId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
        return remote is null ? local : Task.WhenAny(local, Task.Delay(remote.ReadAgainAfter, TimeProvider.System));
    }

    public void Saved(string workflowId)
    {
        if (_next.TryRemove(workflowId, out var waiting))
        {
            waiting.TrySetResult();
        }
    }
}
