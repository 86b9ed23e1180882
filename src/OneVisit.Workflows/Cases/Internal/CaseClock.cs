namespace OneVisit.Workflows.Cases.Internal;

/// <summary>
/// The statutory clock: starts on acceptance, stops on decision, and does not count time the law excludes
/// (here: waiting for the applicant). Paused time is kept in whole days so due dates move by days.
/// </summary>
internal sealed class CaseClock
{
    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? StoppedAt { get; set; }

    /// <summary>Why it is paused, per reason (a material id); empty when running.</summary>
    public List<string> PausedFor { get; set; } = [];

    public DateTimeOffset? PausedSince { get; set; }

    /// <summary>Calendar days past pauses add to limits counted in calendar days.</summary>
    public int PausedDays { get; set; }

    /// <summary>Working days past pauses add to limits counted in working days.</summary>
    public int PausedWorkingDays { get; set; }
}
