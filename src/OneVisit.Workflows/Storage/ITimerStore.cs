namespace OneVisit.Workflows.Storage;

/// <summary>Durable timers; they are armed and disarmed with a case's document (<see cref="ICaseTransaction"/>).</summary>
internal interface ITimerStore
{
    /// <summary>Timers not yet fired nor disarmed, earliest first.</summary>
    Task<List<TimerRow>> PendingTimersAsync(CancellationToken cancellationToken);

    Task MarkTimerFiredAsync(string timerId, CancellationToken cancellationToken);
}
