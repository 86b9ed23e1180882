namespace OneVisit.Workflows.Storage;

/// <summary>Durable timers; they are armed and disarmed with a case's document (<see cref="ICaseTransaction"/>).</summary>
internal interface ITimerStore
{
    /// <summary>Timers not yet fired nor disarmed, earliest first.</summary>
    Task<List<TimerRow>> PendingTimersAsync(CancellationToken cancellationToken);

    Task MarkTimerFiredAsync(string timerId, CancellationToken cancellationToken);

    /// <summary>Timers not yet fired nor disarmed that fall due before <paramref name="before"/>, earliest first: what a node rescans.</summary>
    Task<List<TimerRow>> DueTimersAsync(DateTimeOffset before, CancellationToken cancellationToken);

    /// <summary>
    /// Whether this node may fire the timer now: true unless it was fired or disarmed, or another live node claimed it
    /// (it then fires it; if that node dies first, the claim lapses with it). One node's store always says true.
    /// </summary>
    Task<bool> ClaimTimerAsync(string timerId, CancellationToken cancellationToken);
}
