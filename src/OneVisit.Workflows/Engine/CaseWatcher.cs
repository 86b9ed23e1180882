using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace OneVisit.Workflows.Engine;

/// <summary>Lets callers await the next save of a workflow (tests, the demo, the services' waits) instead of polling the store.</summary>
/// <remarks>
/// <para>
/// Two ways to wait. <see cref="NextSave"/> is a task for one save, taken again before each read of the state it guards
/// (the bundle waits, a bundle's reads of its members). <see cref="Watch"/> is open for a whole wait and hands each save's
/// data on: a case wait reads the case once, then uses what each save on this node wrote instead of reading the workflow
/// document back. A save on another node, or a probe that failed, hands null and the wait reads the store as before.
/// A watch keeps the latest save it was not asked for yet (<see cref="SaveWatch"/>), so none is lost between two asks.
/// </para>
/// <para>
/// A save is seen where it happens. When other nodes share the store (<see cref="RemoteSaves"/>), a case may advance on
/// another node, whose save this one never sees. Then one probe per node, every <see cref="RemoteSaves.ReadAgainAfter"/>,
/// reads the revisions of every workflow someone here is waiting on, in one query, and wakes the waits whose workflow
/// changed: the store's work grows with time, not with the number of waits (a wait that read the case again on its own
/// timer cost three reads per wait per interval). Notifying every save across the cluster instead would put a
/// <c>NOTIFY</c>, which serialises commits database-wide, on every step of every case, for the few someone waits on.
/// </para>
/// </remarks>
internal sealed partial class CaseWatcher : IAsyncDisposable, IDisposable
{
    /// <summary>A revision the probe has not read yet: the first read of it always wakes the waits (see <see cref="ProbeOnceAsync"/>).</summary>
    private const long Unread = long.MinValue;

    /// <summary>The revision of a workflow the store no longer has (purged): a change like any other.</summary>
    private const long Gone = long.MinValue + 1;

    private readonly ConcurrentDictionary<string, TaskCompletionSource> _next = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _revisions = new(StringComparer.Ordinal);

    /// <summary>The watches open on each workflow (under <see cref="_gate"/>); an entry only while one is open.</summary>
    private readonly Dictionary<string, SaveWatch[]> _watches = new(StringComparer.Ordinal);

    private readonly RemoteSaves? _remote;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _gate = new();
    private Task _probing = Task.CompletedTask;
    private bool _probeRunning;

    /// <param name="remote">Set by a store several nodes share; null for one node alone (SQLite).</param>
    /// <param name="time">The probe's clock. Production passes the system clock: the probe is the store's polling, not case time.</param>
    /// <param name="logger">Where a failed probe is reported.</param>
    public CaseWatcher(RemoteSaves? remote = null, TimeProvider? time = null, ILogger<CaseWatcher>? logger = null)
    {
        _remote = remote;
        _time = time ?? TimeProvider.System;
        _logger = logger ?? NullLogger<CaseWatcher>.Instance;
        remote?.ObserveSavesHere?.Invoke(SavedHere);
    }

    /// <summary>
    /// Registered by a store several nodes share: how often the probe runs, and how it reads the revisions of the given
    /// workflows in one round trip (a value that changes with every save; a workflow missing from the answer is gone).
    /// A store that knows the revision each of its own saves wrote hands <see cref="ObserveSavesHere"/> a way to be told
    /// it (<see cref="SavedHere"/>): the probe then does not take this node's saves, whose data the watches already got,
    /// for another node's, and the waits do not read them back.
    /// </summary>
    internal sealed record RemoteSaves(
        TimeSpan ReadAgainAfter,
        Func<IReadOnlyList<string>, CancellationToken, Task<IReadOnlyDictionary<string, long>>> ReadRevisionsAsync,
        Action<Action<string, long>>? ObserveSavesHere = null);

    /// <summary>
    /// A save made here committed revision <paramref name="revision"/> of <paramref name="workflowId"/>; told before the
    /// save reaches <see cref="Saved"/>. The probe keeps it as the revision last seen, so its next read wakes the waits
    /// only when another node saved after it. A probe already under way may still report the revision before, then this
    /// one again: two reads more, never a save missed.
    /// </summary>
    internal void SavedHere(string workflowId, long revision)
    {
        lock (_gate)
        {
            if (_revisions.ContainsKey(workflowId))
            {
                _revisions[workflowId] = revision;
            }
        }
    }

    /// <summary>
    /// A task that completes at the next save of <paramref name="workflowId"/> here, or, when other nodes share the
    /// store, when the probe sees it saved elsewhere; take it before reading the state it guards.
    /// </summary>
    public Task NextSave(string workflowId)
    {
        var next = _next.GetOrAdd(workflowId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
        Probe(workflowId);
        return next;
    }

    /// <summary>
    /// Opens a watch on the saves of <paramref name="workflowId"/> until it is disposed; open it before reading the state
    /// it guards. Each wait gets its own.
    /// </summary>
    public SaveWatch Watch(string workflowId)
    {
        var watch = new SaveWatch(workflowId, Forget);
        lock (_gate)
        {
            _watches[workflowId] = _watches.TryGetValue(workflowId, out var open) ? [.. open, watch] : [watch];
        }

        Probe(workflowId);
        return watch;
    }

    /// <summary>
    /// A save of <paramref name="workflowId"/>: wakes its <see cref="NextSave"/> tasks and hands its watches
    /// <paramref name="data"/>, the data as saved, or null when they must read the store themselves.
    /// </summary>
    public void Saved(string workflowId, object? data)
    {
        if (_next.TryRemove(workflowId, out var waiting))
        {
            waiting.TrySetResult();
        }

        SaveWatch[]? watches;
        lock (_gate)
        {
            _watches.TryGetValue(workflowId, out watches);
        }

        foreach (var watch in watches ?? [])
        {
            watch.Saved(data);
        }
    }

    /// <summary>Whether a watch is open on <paramref name="workflowId"/> (tests: a disposed watch leaves nothing behind).</summary>
    internal bool IsWatched(string workflowId)
    {
        lock (_gate)
        {
            return _watches.ContainsKey(workflowId);
        }
    }

    private void Forget(SaveWatch watch)
    {
        lock (_gate)
        {
            if (!_watches.TryGetValue(watch.WorkflowId, out var open))
            {
                return;
            }

            var left = Array.FindAll(open, w => !ReferenceEquals(w, watch));
            if (left.Length == 0)
            {
                _watches.Remove(watch.WorkflowId);
            }
            else
            {
                _watches[watch.WorkflowId] = left;
            }
        }
    }

    /// <summary>
    /// Has the probe read <paramref name="workflowId"/> when other nodes share the store. Under the lock the probe forgets
    /// workflows under (<see cref="ForgetUnlessAwaited"/>), so a wait starting as its workflow is forgotten is not left out.
    /// </summary>
    private void Probe(string workflowId)
    {
        if (_remote is null)
        {
            return;
        }

        lock (_gate)
        {
            _revisions.TryAdd(workflowId, Unread);
        }

        EnsureProbing();
    }

    /// <summary>Forgets a workflow that no one waits on any more; true when it was forgotten.</summary>
    private bool ForgetUnlessAwaited(string workflowId, bool evenWithNextSave = false)
    {
        lock (_gate)
        {
            if (_watches.ContainsKey(workflowId) || (!evenWithNextSave && _next.ContainsKey(workflowId)))
            {
                return false;
            }

            _revisions.TryRemove(workflowId, out _);
            return true;
        }
    }

    /// <summary>Stops the probe and waits for a probe under way to end. (The token source has no timer: nothing to dispose.)</summary>
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _probing.ConfigureAwait(false);
    }

    /// <summary>Stops the probe; one under way ends at its next await.</summary>
    public void Dispose() => _stopping.Cancel();

    private void EnsureProbing()
    {
        lock (_gate)
        {
            if (_probeRunning || _stopping.IsCancellationRequested)
            {
                return;
            }

            _probeRunning = true;
            _probing = ProbeAsync();
        }
    }

    private async Task ProbeAsync()
    {
        var remote = _remote!;
        try
        {
            while (true)
            {
                await Task.Delay(remote.ReadAgainAfter, _time, _stopping.Token).ConfigureAwait(false);
                lock (_gate)
                {
                    // Stop while no one waits; the next wait starts a probe again (EnsureProbing, under the same lock).
                    if (_revisions.IsEmpty)
                    {
                        _probeRunning = false;
                        return;
                    }
                }

                await ProbeOnceAsync(remote).ConfigureAwait(false);
            }
        }
        catch (Exception) when (_stopping.IsCancellationRequested)
        {
            // Stopped mid-probe: the store may already be gone (ObjectDisposedException) as well as the delay cancelled.
            lock (_gate)
            {
                _probeRunning = false;
            }
        }
    }

    /// <summary>
    /// Reads every watched workflow's revision and wakes the waits of those that changed since the last probe, handing
    /// watches null (the data is on the other node). A revision read for the first time wakes its waits too: the wait
    /// read the case before the probe knew its revision, and a save in between must not go unseen; so a wait costs at
    /// most one read more than its saves. A workflow no one waits on any more is forgotten. When the store cannot be
    /// read, every wait is woken to read for itself (its own read reports the failure to its caller) and the probe tries
    /// again after the interval. A <see cref="NextSave"/> wait takes its task again, and with it a fresh first read; an
    /// open watch keeps the revision last read, so any save after that one still wakes it.
    /// </summary>
    private async Task ProbeOnceAsync(RemoteSaves remote)
    {
        var watched = _revisions.Keys.ToArray();
        IReadOnlyDictionary<string, long> revisions;
        try
        {
            revisions = await remote.ReadRevisionsAsync(watched, _stopping.Token).ConfigureAwait(false);
        }
        catch (Exception exception) when (!_stopping.IsCancellationRequested)
        {
            LogProbeFailed(exception, watched.Length);
            foreach (var workflowId in watched)
            {
                ForgetUnlessAwaited(workflowId, evenWithNextSave: true);
                Saved(workflowId, null);
            }

            return;
        }

        foreach (var workflowId in watched)
        {
            if (ForgetUnlessAwaited(workflowId))
            {
                continue;
            }

            var now = revisions.TryGetValue(workflowId, out var revision) ? revision : Gone;
            var before = _revisions.GetValueOrDefault(workflowId, Unread);
            _revisions[workflowId] = now;
            if (before != now)
            {
                Saved(workflowId, null);
            }
        }
    }

    [LoggerMessage(EventId = 2015, Level = LogLevel.Warning, Message = "Reading which of {Count} awaited cases other nodes saved failed; the waits read the cases themselves and the next look tries again")]
    private partial void LogProbeFailed(Exception exception, int count);
}
