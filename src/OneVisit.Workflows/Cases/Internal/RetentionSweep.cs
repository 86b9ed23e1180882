using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace OneVisit.Workflows.Cases.Internal;

/// <summary>
/// Runs <see cref="ICaseRetention.PurgeAsync"/> every <see cref="CaseOptions.RetentionSweepInterval"/> on the injected
/// <see cref="TimeProvider"/> while the case runtime runs, when <see cref="CaseOptions.RetainFinishedCasesFor"/> is set.
/// A failed sweep is logged and the next one tries again.
/// </summary>
internal sealed class RetentionSweep(ICaseRetention retention, IOptions<CaseOptions> options, TimeProvider time, ILogger<RetentionSweep> logger) : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private CancellationTokenSource? _stop;
    private Task? _loop;
    private TaskCompletionSource<int> _swept = NewSwept();

    /// <summary>Completes with the count purged when the next sweep ends (for tests and diagnostics; never awaited by the runtime).</summary>
    internal Task<int> NextSweep
    {
        get
        {
            lock (_gate)
            {
                return _swept.Task;
            }
        }
    }

    /// <summary>Starts sweeping when retention is set; the first sweep runs one interval after the start.</summary>
    public void Start()
    {
        var settings = options.Value;
        if (settings.RetainFinishedCasesFor is null || _loop is not null)
        {
            return;
        }

        _stop = new CancellationTokenSource();
        _loop = RunAsync(new PeriodicTimer(settings.RetentionSweepInterval, time), settings.RetentionSweepInterval, _stop.Token);
        Log.RetentionStarted(logger, settings.RetainFinishedCasesFor.Value, settings.RetentionSweepInterval);
    }

    private async Task RunAsync(PeriodicTimer timer, TimeSpan interval, CancellationToken stopping)
    {
        using (timer)
        {
            try
            {
                while (await timer.WaitForNextTickAsync(stopping).ConfigureAwait(false))
                {
                    try
                    {
                        var purged = await retention.PurgeAsync(stopping).ConfigureAwait(false);
                        Completed(purged);
                    }
                    catch (Exception ex) when (!stopping.IsCancellationRequested)
                    {
                        Log.SweepFailed(logger, ex, interval);
                        Completed(-1);
                    }
                }
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                // Stopped.
            }
        }
    }

    private void Completed(int purged)
    {
        TaskCompletionSource<int> done;
        lock (_gate)
        {
            done = _swept;
            _swept = NewSwept();
        }

        done.TrySetResult(purged);
    }

    private static TaskCompletionSource<int> NewSwept() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Stops sweeping; a sweep in flight is cancelled between two cases (each case's purge is whole or not at all).</summary>
    public async Task StopAsync()
    {
        if (_loop is not { } loop)
        {
            return;
        }

        await _stop!.CancelAsync().ConfigureAwait(false);
        await loop.ConfigureAwait(false);
        _stop.Dispose();
        (_stop, _loop) = (null, null);
    }

    public async ValueTask DisposeAsync() => await StopAsync().ConfigureAwait(false);
}
