using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using OneVisit.Workflows.Engine;
using OneVisit.Workflows.Tests.Support;

namespace OneVisit.Workflows.Tests.Engine;

/// <summary>
/// The probe that tells waits about saves made on other nodes: one read per interval for every awaited workflow, a
/// wait woken only when its workflow's revision changed (or was first read, or is gone), and every wait woken when the
/// store cannot be read. The store is a fake that answers each probe when the test says; time is a fake clock. The
/// watches that hand a wait each save's data are in CaseWatcherTests.Watches.cs.
/// </summary>
public sealed partial class CaseWatcherTests : IAsyncDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly FakeTimeProvider _time = new();
    private readonly ProbedStore _store = new();
    private readonly CapturingLoggerProvider _logs = new();
    private readonly CaseWatcher _watcher;

    public CaseWatcherTests()
    {
        using var factory = LoggerFactory.Create(b => b.AddProvider(_logs));
        _watcher = new CaseWatcher(new CaseWatcher.RemoteSaves(Interval, _store.ReadAsync), _time, factory.CreateLogger<CaseWatcher>());
    }

    [Fact]
    public async Task AWait_TheCaseSavedOnAnotherNode_IsWokenByTheProbe_AndNotWhileItIsUnchanged()
    {
        // The first read of a revision wakes the wait: a save between its own read and the probe must not go unseen.
        var first = _watcher.NextSave("wf-1");
        await _store.AnswerNextAsync(_time, ("wf-1", 5));
        await first.WaitAsync(Patience);

        var unchanged = _watcher.NextSave("wf-1");
        await _store.AnswerNextAsync(_time, ("wf-1", 5));
        await _store.AnswerNextAsync(_time, ("wf-1", 5));
        Assert.False(unchanged.IsCompleted);

        await _store.AnswerNextAsync(_time, ("wf-1", 6));
        await unchanged.WaitAsync(Patience);
    }

    [Fact]
    public async Task ManyWaits_AreProbedInOneReadPerInterval()
    {
        var ids = Enumerable.Range(0, 50).Select(i => $"wf-{i}").ToArray();
        var waits = ids.Select(_watcher.NextSave).ToArray();

        var asked = await _store.AnswerNextAsync(_time, ids.Select(id => (id, 1L)).ToArray());

        Assert.Equal(ids.Order(StringComparer.Ordinal), asked.Order(StringComparer.Ordinal));
        Assert.Equal(1, _store.Reads);
        await Task.WhenAll(waits).WaitAsync(Patience);
    }

    [Fact]
    public async Task AWaitThatEnded_IsForgottenByTheNextProbe()
    {
        var wait = _watcher.NextSave("wf-1");
        await _store.AnswerNextAsync(_time, ("wf-1", 1));
        await wait.WaitAsync(Patience);

        // No one waits on wf-1 any more: the probe forgets it and reads only what is awaited now.
        await _store.AnswerNextAsync(_time, ("wf-1", 1));
        _ = _watcher.NextSave("wf-2");
        var asked = await _store.AnswerNextAsync(_time, ("wf-2", 1));

        Assert.Equal(["wf-2"], asked);
    }

    [Fact]
    public async Task AWorkflowTheStoreNoLongerHas_WakesItsWait()
    {
        var wait = _watcher.NextSave("wf-1");
        await _store.AnswerNextAsync(_time, ("wf-1", 1));
        await wait.WaitAsync(Patience);
        var again = _watcher.NextSave("wf-1");

        await _store.AnswerNextAsync(_time);

        await again.WaitAsync(Patience);
    }

    [Fact]
    public async Task TheStoreCannotBeRead_EveryWaitIsWokenToReadForItself_TheFailureIsLogged_AndTheNextProbeTriesAgain()
    {
        var waits = new[] { _watcher.NextSave("wf-1"), _watcher.NextSave("wf-2") };

        await _store.FailNextAsync(_time, new InvalidOperationException("database unreachable"));

        await Task.WhenAll(waits).WaitAsync(Patience);
        Assert.Contains(_logs.Lines, l => l.Contains("[Warning]", StringComparison.Ordinal) && l.Contains("database unreachable", StringComparison.Ordinal));
        _ = _watcher.NextSave("wf-1");
        Assert.Equal(["wf-1"], await _store.AnswerNextAsync(_time, ("wf-1", 1)));
    }

    [Fact]
    public async Task Disposed_WhileAProbeReads_StopsWithoutWaitingForTheStore()
    {
        _ = _watcher.NextSave("wf-1");
        _time.Advance(Interval);
        await _store.NextReadStartedAsync();

        await _watcher.DisposeAsync().AsTask().WaitAsync(Patience);
    }

    [Fact]
    public async Task OneNodeAlone_OnlyItsOwnSavesWakeAWait()
    {
        var alone = new CaseWatcher();
        var wait = alone.NextSave("wf-1");
        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.False(wait.IsCompleted);

        alone.Saved("wf-1", null);

        await wait.WaitAsync(Patience);
        await alone.DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _watcher.DisposeAsync();
        _logs.Dispose();
    }

    /// <summary>
    /// The store's side of the probe: each read waits for the test's answer. A test awaits the effects it expects; an
    /// effect that must not happen is checked after the probe has read again, so the answer before it was processed.
    /// </summary>
    private sealed class ProbedStore
    {
        private readonly Channel<(IReadOnlyList<string> Ids, TaskCompletionSource<IReadOnlyDictionary<string, long>> Answer)> _reads =
            Channel.CreateUnbounded<(IReadOnlyList<string>, TaskCompletionSource<IReadOnlyDictionary<string, long>>)>();

        private int _count;

        public int Reads => Volatile.Read(ref _count);

        public Task<IReadOnlyDictionary<string, long>> ReadAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _count);
            var answer = new TaskCompletionSource<IReadOnlyDictionary<string, long>>();
            cancellationToken.Register(() => answer.TrySetCanceled(cancellationToken));
            _reads.Writer.TryWrite((ids, answer));
            return answer.Task;
        }

        public async Task NextReadStartedAsync() => await _reads.Reader.WaitToReadAsync().AsTask().WaitAsync(Patience);

        /// <summary>Lets the interval pass, then answers the probe's read with these revisions; returns what it asked for.</summary>
        public async Task<IReadOnlyList<string>> AnswerNextAsync(FakeTimeProvider time, params (string Id, long Revision)[] revisions)
        {
            var (ids, answer) = await NextReadAsync(time);
            answer.SetResult(revisions.ToDictionary(r => r.Id, r => r.Revision, StringComparer.Ordinal));
            return ids;
        }

        public async Task FailNextAsync(FakeTimeProvider time, Exception failure)
        {
            var (_, answer) = await NextReadAsync(time);
            answer.SetException(failure);
        }

        /// <summary>
        /// Moves the clock an interval at a time until the probe reads. Usually once; again only when the probe was
        /// still processing the previous answer and had not yet started its next interval when the clock moved.
        /// </summary>
        private async Task<(IReadOnlyList<string> Ids, TaskCompletionSource<IReadOnlyDictionary<string, long>> Answer)> NextReadAsync(FakeTimeProvider time)
        {
            for (var nudge = 0; nudge < 100; nudge++)
            {
                time.Advance(Interval);
                if (await _reads.Reader.WaitToReadAsync().AsTask().WaitAsync(Patience / 100).ContinueWith(t => t.IsCompletedSuccessfully, TaskScheduler.Default)
                    && _reads.Reader.TryRead(out var read))
                {
                    return read;
                }
            }

            throw new TimeoutException("The probe did not read within 100 intervals.");
        }
    }
}
