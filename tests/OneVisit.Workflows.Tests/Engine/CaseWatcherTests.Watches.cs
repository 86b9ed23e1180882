using OneVisit.Workflows.Engine;

namespace OneVisit.Workflows.Tests.Engine;

/// <summary>
/// A watch, open for a whole wait: a save here hands it the data as saved, one seen by the probe hands null ("read it
/// yourself"), and no save is lost while the waiter is busy with the one before.
/// </summary>
public sealed partial class CaseWatcherTests
{
    [Fact]
    public async Task Watch_SecondSaveLandsWhileTheWaiterLooksAtTheFirst_TheNextAskHasItAtOnce()
    {
        var alone = new CaseWatcher();
        using var watch = alone.Watch("wf-1");
        var first = watch.NextAsync(CancellationToken.None);
        Assert.False(first.IsCompleted);

        alone.Saved("wf-1", "decided");
        Assert.Equal("decided", await first.WaitAsync(Patience));

        // The case closes right after its decision, while the waiter still looks at "decided" and has not asked again:
        // a watch that had to be set up again after each save would miss it and the wait would sleep until its timeout.
        alone.Saved("wf-1", "closed");
        var second = watch.NextAsync(CancellationToken.None);

        Assert.True(second.IsCompletedSuccessfully);
        Assert.Equal("closed", await second);
        Assert.False(watch.NextAsync(CancellationToken.None).IsCompleted);
        await alone.DisposeAsync();
    }

    [Fact]
    public async Task Watch_SeveralSavesBeforeTheWaiterAsks_HandsTheLatestOnce()
    {
        var alone = new CaseWatcher();
        using var watch = alone.Watch("wf-1");

        alone.Saved("wf-1", "decided");
        alone.Saved("wf-1", "closed");

        Assert.Equal("closed", await watch.NextAsync(CancellationToken.None).WaitAsync(Patience));
        Assert.False(watch.NextAsync(CancellationToken.None).IsCompleted);
        await alone.DisposeAsync();
    }

    [Fact]
    public async Task Watch_AnAskThatGaveUp_LosesNoSaveForTheNextAsk()
    {
        var alone = new CaseWatcher();
        using var watch = alone.Watch("wf-1");
        using var cancelled = new CancellationTokenSource();
        var given = watch.NextAsync(cancelled.Token);

        await cancelled.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => given);
        alone.Saved("wf-1", "closed");

        Assert.Equal("closed", await watch.NextAsync(CancellationToken.None).WaitAsync(Patience));
        await alone.DisposeAsync();
    }

    [Fact]
    public async Task Watch_ALocalSave_HandsTheSavedData_AndASaveSeenByTheProbe_HandsNull()
    {
        var saved = new object();
        using var watch = _watcher.Watch("wf-1");

        _watcher.Saved("wf-1", saved);
        Assert.Same(saved, await watch.NextAsync(CancellationToken.None).WaitAsync(Patience));

        // The probe's first read of the revision wakes the watch too; the data is on the node that saved it.
        await _store.AnswerNextAsync(_time, ("wf-1", 5));
        Assert.Null(await watch.NextAsync(CancellationToken.None).WaitAsync(Patience));
    }

    [Fact]
    public async Task Watch_ASaveHereWithItsRevision_IsNotReadBackByTheProbe_ButALaterSaveElsewhereIs()
    {
        Action<string, long>? savedHere = null;
        await using var watcher = new CaseWatcher(new CaseWatcher.RemoteSaves(Interval, _store.ReadAsync, report => savedHere = report), _time);
        using var watch = watcher.Watch("wf-1");
        await _store.AnswerNextAsync(_time, ("wf-1", 5));
        Assert.Null(await watch.NextAsync(CancellationToken.None).WaitAsync(Patience));

        // This node saves revision 6: the store reports it, then the save hands its data to the watch.
        var data = new object();
        savedHere!("wf-1", 6);
        watcher.Saved("wf-1", data);
        Assert.Same(data, await watch.NextAsync(CancellationToken.None).WaitAsync(Patience));

        // The probe then reads 6: the save it sees is the one the watch already has, so the wait is not woken to read it.
        var next = watch.NextAsync(CancellationToken.None);
        await _store.AnswerNextAsync(_time, ("wf-1", 6));
        await _store.AnswerNextAsync(_time, ("wf-1", 6));
        Assert.False(next.IsCompleted);

        // Another node saves revision 7: that one the watch has not seen, so it is woken to read it.
        await _store.AnswerNextAsync(_time, ("wf-1", 7));
        Assert.Null(await next.WaitAsync(Patience));
    }

    [Fact]
    public async Task Watch_SeveralWaitsOnOneWorkflow_EachHasItsOwn()
    {
        var alone = new CaseWatcher();
        var one = alone.Watch("wf-1");
        using var other = alone.Watch("wf-1");

        alone.Saved("wf-1", "decided");
        Assert.Equal("decided", await one.NextAsync(CancellationToken.None).WaitAsync(Patience));
        Assert.Equal("decided", await other.NextAsync(CancellationToken.None).WaitAsync(Patience));

        one.Dispose();
        alone.Saved("wf-1", "closed");

        Assert.Equal("closed", await other.NextAsync(CancellationToken.None).WaitAsync(Patience));
        Assert.True(alone.IsWatched("wf-1"));
        await alone.DisposeAsync();
    }

    [Fact]
    public async Task Watch_Disposed_GetsNoMoreSaves_AndLeavesNothingBehind()
    {
        var alone = new CaseWatcher();
        var watch = alone.Watch("wf-1");
        var asked = watch.NextAsync(CancellationToken.None);

        watch.Dispose();
        alone.Saved("wf-1", "closed");

        Assert.False(asked.IsCompleted);
        Assert.False(alone.IsWatched("wf-1"));
        watch.Dispose();
        await alone.DisposeAsync();
    }

    [Fact]
    public async Task Watch_IsProbedWhileOpen_EvenBetweenAsks_AndForgottenOnceDisposed()
    {
        var watch = _watcher.Watch("wf-1");
        await _store.AnswerNextAsync(_time, ("wf-1", 5));
        Assert.Null(await watch.NextAsync(CancellationToken.None).WaitAsync(Patience));

        // No ask is pending while the waiter looks at the case: the probe goes on reading it all the same.
        Assert.Equal(["wf-1"], await _store.AnswerNextAsync(_time, ("wf-1", 5)));
        Assert.Equal(["wf-1"], await _store.AnswerNextAsync(_time, ("wf-1", 6)));
        Assert.Null(await watch.NextAsync(CancellationToken.None).WaitAsync(Patience));

        watch.Dispose();
        _ = _watcher.NextSave("wf-2");
        await _store.AnswerNextAsync(_time, ("wf-1", 6), ("wf-2", 1));
        Assert.Equal(["wf-2"], await _store.AnswerNextAsync(_time, ("wf-2", 1)));
    }

    [Fact]
    public async Task Watch_TheStoreCannotBeRead_HandsNull_AndTheNextProbeStillReadsIt()
    {
        using var watch = _watcher.Watch("wf-1");

        await _store.FailNextAsync(_time, new InvalidOperationException("database unreachable"));

        Assert.Null(await watch.NextAsync(CancellationToken.None).WaitAsync(Patience));
        Assert.Equal(["wf-1"], await _store.AnswerNextAsync(_time, ("wf-1", 1)));
    }
}
