using Microsoft.Extensions.Logging;
using WorkflowCore.Interface;
using WorkflowCore.Models;

namespace OneVisit.Workflows.Engine.Runtime;

/// <summary>
/// Delivers published events to the workflows waiting for them, in place of WorkflowCore's event consumer: the same
/// rules, in fewer store calls (<see cref="IEventDeliveryStore"/>).
/// </summary>
/// <remarks>
/// <para>
/// The rules are WorkflowCore 3.22's (<c>EventConsumer</c>), so the engine behaves as before on every store: the
/// event's <c>evt:</c> lock and then each woken workflow's lock are taken through the engine's lock provider (so
/// <see cref="PromptLockProvider"/> still parks an event blocked by a workflow lock); an event not due yet is left
/// for later; an older unprocessed event of the same name and key goes first; an event is marked processed only once
/// every subscription it is due to has been seeded; each woken workflow is queued to run.
/// </para>
/// <para>
/// What differs is the cost: one read for the event, its subscriptions and the events that may go first, and one
/// transaction per woken workflow that saves it, ends its subscription and (for the last one) marks the event. On
/// PostgreSQL that is four round trips fewer per event and two transactions fewer, on the path every officer's
/// decision and every evidence answer takes. WorkflowCore's consumer also cannot be sized: it runs max(cores, 2) events
/// at once, so more of them had to be registered; this one takes <see cref="RuntimeTuning.EventConsumers"/> times that.
/// </para>
/// </remarks>
internal sealed partial class EventDeliveryConsumer : IBackgroundTask
{
    private readonly IQueueProvider _queue;
    private readonly IDistributedLockProvider _locks;
    private readonly IPersistenceProvider _persistence;
    private readonly IEventDeliveryStore _store;
    private readonly IGreyList _greyList;
    private readonly IDateTimeProvider _clock;
    private readonly TimeSpan _idleTime;
    private readonly ILogger _logger;
    private readonly int _maxAtOnce;
    private readonly Lock _gate = new();
    private readonly HashSet<string> _active = new(StringComparer.Ordinal);
    private readonly HashSet<Task> _running = [];
    private SemaphoreSlim? _slots;
    private CancellationTokenSource? _stopping;
    private Task? _dispatch;

    /// <summary>Creates the consumer; it takes events once <see cref="Start"/> is called (by WorkflowCore's host).</summary>
    /// <param name="queue">The engine's queues.</param>
    /// <param name="locks">The engine's lock provider.</param>
    /// <param name="persistence">The engine's store; used through <see cref="IEventDeliveryStore"/> when it has it.</param>
    /// <param name="greyList">WorkflowCore's list of items queued recently, which its poller does not queue again.</param>
    /// <param name="clock">The engine's clock: an event published for a later time waits for it.</param>
    /// <param name="tuning">How many events run at once (<see cref="RuntimeTuning.EventConsumers"/> × max(cores, 2)), and the
    /// pause after an empty answer from a queue that does not block (<see cref="RuntimeTuning.IdleTime"/>).</param>
    /// <param name="logger">Logs failures and blocked events.</param>
    /// <param name="delivery">The store's delivery port, when it is not <paramref name="persistence"/> itself (tests).</param>
    public EventDeliveryConsumer(
        IQueueProvider queue,
        IDistributedLockProvider locks,
        IPersistenceProvider persistence,
        IGreyList greyList,
        IDateTimeProvider clock,
        RuntimeTuning tuning,
        ILogger<EventDeliveryConsumer> logger,
        IEventDeliveryStore? delivery = null)
    {
        _queue = queue;
        _locks = locks;
        _persistence = persistence;
        _store = delivery ?? persistence as IEventDeliveryStore ?? new SeparateCallsDelivery(persistence);
        _greyList = greyList;
        _clock = clock;
        _idleTime = tuning.IdleTime;
        _logger = logger;
        _maxAtOnce = Math.Max(1, tuning.EventConsumers) * Math.Max(Environment.ProcessorCount, 2);
    }

    /// <summary>Starts taking events from the queue.</summary>
    public void Start()
    {
        if (_dispatch is not null)
        {
            throw new InvalidOperationException("The event consumer is already running; stop it before starting it again.");
        }

        _slots = new SemaphoreSlim(_maxAtOnce, _maxAtOnce);
        _stopping = new CancellationTokenSource();
        var stopping = _stopping.Token;
        _dispatch = Task.Run(() => DispatchAsync(stopping), CancellationToken.None);
    }

    /// <summary>Stops taking events and waits (up to 30 s) for those under way; an event cut short stays unprocessed for the next start.</summary>
    public void Stop()
    {
        if (_dispatch is null)
        {
            return;
        }

        _stopping!.Cancel();
        _dispatch.Wait(TimeSpan.FromSeconds(30));
        Task[] running;
        lock (_gate)
        {
            running = [.. _running];
        }

        if (!Task.WaitAll(running, TimeSpan.FromSeconds(30)))
        {
            LogStopTimedOut(running.Count(t => !t.IsCompleted));
        }

        _dispatch = null;
        _stopping.Dispose();
        _stopping = null;
    }

    private async Task DispatchAsync(CancellationToken stopping)
    {
        var slots = _slots!;
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await slots.WaitAsync(stopping).ConfigureAwait(false);
                if (!await TakeNextAsync(stopping).ConfigureAwait(false))
                {
                    slots.Release();
                }
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
            }
#pragma warning disable CA1031 // The loop must outlive a failing queue: the poll finds the work again.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogDispatchFailed(ex);
            }
        }
    }

    // Takes one event and starts delivering it; false when nothing was started (the slot is then free again).
    private async Task<bool> TakeNextAsync(CancellationToken stopping)
    {
        var eventId = await _queue.DequeueWork(QueueType.Event, stopping).ConfigureAwait(false);
        if (eventId is null)
        {
            if (!_queue.IsDequeueBlocking && !stopping.IsCancellationRequested)
            {
                await Task.Delay(_idleTime, stopping).ConfigureAwait(false);
            }

            return false;
        }

        lock (_gate)
        {
            if (!_active.Add(eventId))
            {
                // Already being delivered here: put it back (PromptQueueProvider delays such a bounce).
                _ = _queue.QueueWork(eventId, QueueType.Event);
                return false;
            }
        }

        var delivery = RunAsync(eventId, stopping);
        lock (_gate)
        {
            if (!delivery.IsCompleted)
            {
                _running.Add(delivery);
            }
        }

        return true;
    }

    private async Task RunAsync(string eventId, CancellationToken stopping)
    {
        // Off the dispatch loop at once, so the next event is taken while this one waits for the store.
        await Task.Yield();
        try
        {
            await DeliverAsync(eventId, stopping).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
#pragma warning disable CA1031 // One event's failure must not stop the others; it stays unprocessed for the poll.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogDeliveryFailed(ex, eventId);
        }
        finally
        {
            lock (_gate)
            {
                _active.Remove(eventId);
                _running.RemoveWhere(t => t.IsCompleted);
            }

            _slots!.Release();
        }
    }

    [LoggerMessage(EventId = 220, Level = LogLevel.Error, Message = "Taking the next event from the queue failed; the poll finds unprocessed events again")]
    private partial void LogDispatchFailed(Exception exception);

    [LoggerMessage(EventId = 221, Level = LogLevel.Error, Message = "Delivering event {EventId} failed; it stays unprocessed and the poll queues it again")]
    private partial void LogDeliveryFailed(Exception exception, string eventId);

    [LoggerMessage(EventId = 222, Level = LogLevel.Warning, Message = "{Count} event deliveries were still running 30 s after the engine was told to stop; they stay unprocessed for the next start")]
    private partial void LogStopTimedOut(int count);
}
