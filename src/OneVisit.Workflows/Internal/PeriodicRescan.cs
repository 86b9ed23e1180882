namespace OneVisit.Workflows.Internal;

/// <summary>
/// Runs a rescan every interval on the injected clock: how a node on a store other nodes share finds the timers and
/// evidence requests it did not arm itself. A rescan still running when the next is due (a slow database) is not
/// doubled; one that fails is reported and the next tries again; one cancelled because the owner stops ends quietly.
/// </summary>
internal sealed class PeriodicRescan : IAsyncDisposable
{
    private readonly SemaphoreSlim _running = new(1, 1);
    private readonly Func<CancellationToken, Task> _rescan;
    private readonly Action<Exception> _failed;
    private readonly CancellationToken _stopping;
    private readonly ITimer _timer;

    private PeriodicRescan(TimeProvider time, TimeSpan interval, Func<CancellationToken, Task> rescan, Action<Exception> failed, CancellationToken stopping)
    {
        _rescan = rescan;
        _failed = failed;
        _stopping = stopping;

        // The callback must not carry whichever flow started the owner.
        using (ExecutionContext.SuppressFlow())
        {
            _timer = time.CreateTimer(_ => _ = RunAsync(), null, interval, interval);
        }
    }

    /// <summary>Starts rescanning every <paramref name="interval"/>; dispose to stop.</summary>
    public static PeriodicRescan Start(TimeProvider time, TimeSpan interval, Func<CancellationToken, Task> rescan, Action<Exception> failed, CancellationToken stopping) =>
        new(time, interval, rescan, failed, stopping);

    public ValueTask DisposeAsync() => _timer.DisposeAsync();

    private async Task RunAsync()
    {
        if (!await _running.WaitAsync(0).ConfigureAwait(false))
        {
            return;
        }

        try
        {
            await _rescan(_stopping).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
        }
#pragma warning disable CA1031 // A timer callback: the next rescan tries again.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            _failed(ex);
        }
        finally
        {
            _running.Release();
        }
    }
}
