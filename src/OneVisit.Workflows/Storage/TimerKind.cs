namespace OneVisit.Workflows.Storage;

/// <summary>What a durable timer does when it falls due.</summary>
internal enum TimerAction
{
    /// <summary>Ends its wait with a timeout, unless someone answered the wait first.</summary>
    Timeout,

    /// <summary>Reminds the person who must act before the wait's deadline.</summary>
    Remind,

    /// <summary>A limit of the case is near: escalate as "nearing".</summary>
    ClockWarning,

    /// <summary>A limit of the case has passed: escalate as "passed".</summary>
    ClockDue,
}

/// <summary>
/// A timer's kind: its action and what it acts on (the wait being reminded of, or the limit being checked).
/// Stored as text (<c>timeout</c>, <c>reminder:&lt;wait&gt;</c>, <c>clock:&lt;limit&gt;:warn|due</c>) so rows written
/// by earlier versions keep their meaning; only storage implementations call <see cref="Parse"/> and
/// <see cref="ToString"/>.
/// </summary>
internal readonly record struct TimerKind(TimerAction Action, string? Subject)
{
    public static TimerKind Timeout { get; } = new(TimerAction.Timeout, null);

    public static TimerKind Reminder(string wait) => new(TimerAction.Remind, wait);

    public static TimerKind Clock(string limit, bool passed) => new(passed ? TimerAction.ClockDue : TimerAction.ClockWarning, limit);

    public override string ToString() => Action switch
    {
        TimerAction.Timeout => "timeout",
        TimerAction.Remind => $"reminder:{Subject}",
        TimerAction.ClockWarning => $"clock:{Subject}:warn",
        _ => $"clock:{Subject}:due",
    };

    /// <summary>Reads a stored kind; an unknown one is a store written by a newer version.</summary>
    public static TimerKind Parse(string stored)
    {
        if (stored == "timeout")
        {
            return Timeout;
        }

        if (stored.StartsWith("reminder:", StringComparison.Ordinal))
        {
            return Reminder(stored["reminder:".Length..]);
        }

        if (stored.StartsWith("clock:", StringComparison.Ordinal) && stored.LastIndexOf(':') is var last && last > "clock:".Length)
        {
            var limit = stored["clock:".Length..last];
            return stored[(last + 1)..] switch
            {
                "warn" => Clock(limit, passed: false),
                "due" => Clock(limit, passed: true),
                _ => throw Unknown(stored),
            };
        }

        throw Unknown(stored);
    }

    private static FormatException Unknown(string stored) =>
        new($"Timer kind '{stored}' is not one this version knows; the store was written by a newer OneVisit.");
}
