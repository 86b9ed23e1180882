using OneVisit.Rules.Catalog;

namespace OneVisit.Workflows.Cases;

/// <summary>Where a time limit stands.</summary>
public enum DeadlineState
{
    /// <summary>The case is not accepted yet: the clock has not started.</summary>
    NotStarted,

    /// <summary>The clock runs and the limit has not passed.</summary>
    Running,

    /// <summary>The clock stands still (time the law does not count, e.g. waiting for the applicant).</summary>
    Paused,

    /// <summary>Decided by the limit.</summary>
    Met,

    /// <summary>The limit passed before a decision (shown as soon as it passes, while the case is still open).</summary>
    Missed,

    /// <summary>The case closed without a decision (not admitted, withdrawn) before the limit passed.</summary>
    Stopped,
}

/// <summary>A time limit of a case.</summary>
/// <param name="Kind">statutory or promised.</param>
/// <param name="Days">The limit.</param>
/// <param name="WorkingDays">Whether the days are working days.</param>
/// <param name="Due">When it falls due (the end of its last day), with paused time added; null before acceptance.</param>
/// <param name="State">Where it stands.</param>
public sealed record CaseDeadline(string Kind, int Days, bool WorkingDays, DateTimeOffset? Due, DeadlineState State)
{
    /// <summary>The last day, in the offices' time zone: the date every message about this limit gives.</summary>
    public DateOnly? LastDay { get; init; }

    /// <summary>Whether the case was decided in time: null until that is known.</summary>
    public bool? Met => State switch
    {
        DeadlineState.Met => true,
        DeadlineState.Missed => false,
        _ => null,
    };
}
