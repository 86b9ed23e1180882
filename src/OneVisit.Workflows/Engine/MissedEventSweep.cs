using Microsoft.Extensions.Logging;
using WorkflowCore.Interface;

namespace OneVisit.Workflows.Engine;

/// <summary>
/// Offers again the events a wait missed: an event marked processed while a subscription it is due to exists. Run once
/// when the engine starts, then every <see cref="CaseOptions.PollInterval"/> on the system clock while it runs, as a
/// safety net beside WorkflowCore's poll (which only sees unprocessed events).
/// </summary>
/// <remarks>
/// An event can only be missed in a race: it was read with nobody waiting, and the wait was saved before the event was
/// marked. The consumer's mark refuses while a subscription is due (<c>IEventDeliveryStore.MarkUnawaitedAsync</c>), and
/// WorkflowCore's workflow consumer looks for earlier events after saving a wait. But that look takes the event's
/// <c>evt:</c> lock and gives up after ten tries of 2 ms: a consumer stalled past that, between its mark and the lock's
/// release, leaves the wait without its answer. A host that stopped between the mark and the look did the same before
/// the startup run. Without this sweep, such a case waited until the next restart.
/// </remarks>
internal sealed partial class MissedEventSweep(IEngineStore store, IQueueProvider queue, ILogger<MissedEventSweep> logger) : IAsyncDisposable
{
    private CancellationTokenSource? _stop;
    private Task? _loop;

    /// <summary>Marks the missed events unprocessed and queues them; returns how many there were.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var missed = await store.RequeueMissedEventsAsync(cancellationToken).ConfigureAwait(false);
        foreach (var eventId in missed)
        {
            LogOfferedAgain(eventId);
            await queue.QueueWork(eventId, QueueType.Event).ConfigureAwait(false);
        }

        return missed.Count;
    }

    /// <summary>Runs <see cref="RunOnceAsync"/> every <paramref name="interval"/> until stopped; a failed run is logged and the next one tries again.</summary>
    public void Start(TimeSpan interval)
    {
        if (_loop is not null)
        {
            return;
        }

        _stop = new CancellationTokenSource();
        _loop = RunAsync(new PeriodicTimer(interval, TimeProvider.System), _stop.Token);
    }

    private async Task RunAsync(PeriodicTimer timer, CancellationToken stopping)
    {
        using (timer)
        {
            try
            {
                while (await timer.WaitForNextTickAsync(stopping).ConfigureAwait(false))
                {
                    try
                    {
                        await RunOnceAsync(stopping).ConfigureAwait(false);
                    }
                    catch (Exception ex) when (!stopping.IsCancellationRequested)
                    {
                        LogSweepFailed(ex);
                    }
                }
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                // Stopped.
            }
        }
    }

    /// <summary>Stops the periodic runs and waits for one under way.</summary>
    public async Task StopAsync()
    {
        if (_loop is null)
        {
            return;
        }

        await _stop!.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
        _stop.Dispose();
        (_stop, _loop) = (null, null);
    }

    public ValueTask DisposeAsync() => new(StopAsync());

    [LoggerMessage(EventId = 229, Level = LogLevel.Warning, Message = "Event {EventId} was marked processed while a wait for it was open; it is offered again")]
    private partial void LogOfferedAgain(string eventId);

    [LoggerMessage(EventId = 230, Level = LogLevel.Error, Message = "Looking for events a wait missed failed; the next poll interval tries again")]
    private partial void LogSweepFailed(Exception exception);
}
