namespace OneVisit.Workflows.Deadlines;

/// <summary>
/// A deadline of a case nears or has passed: a time limit of the office's (<see cref="EscalationReasons.TimeLimit"/>),
/// a reminder to the applicant before one of theirs (<see cref="EscalationReasons.Reminder"/>), or a deadline the
/// applicant missed that the competent authority must now weigh (<see cref="EscalationReasons.MissedByApplicant"/>).
/// </summary>
/// <param name="CaseId">The case.</param>
/// <param name="Limit">statutory or promised for time limits; otherwise the wait, e.g. <c>supplement:1</c>, <c>ask:&lt;material&gt;</c>, <c>gap:&lt;material&gt;</c>, <c>pickup</c>.</param>
/// <param name="Passed">False when it nears (see <see cref="CaseOptions.WarnWorkingDaysBefore"/>), true once passed.</param>
/// <param name="Due">When it falls due: the end of its last day.</param>
/// <param name="AuthorityId">The competent authority, whose supervisors are told.</param>
public sealed record CaseEscalation(string CaseId, string Limit, bool Passed, DateTimeOffset Due, string AuthorityId)
{
    /// <summary>Why it was raised: one of <see cref="EscalationReasons"/>.</summary>
    public string Reason { get; init; } = EscalationReasons.TimeLimit;

    /// <summary>What it is about, in words (the document's name, the last day), as written to the audit log.</summary>
    public string? What { get; init; }
}

/// <summary>Why an escalation was raised.</summary>
public static class EscalationReasons
{
    /// <summary>An office's time limit nears or has passed; the authority's supervisors are told.</summary>
    public const string TimeLimit = "time_limit";

    /// <summary>The applicant is reminded of something they owe before its deadline.</summary>
    public const string Reminder = "reminder";

    /// <summary>The applicant missed a deadline and the catalogue says the officer decides.</summary>
    public const string MissedByApplicant = "missed_by_applicant";
}

/// <summary>Told of every escalation (register any number in DI); also written to the audit log and the log.</summary>
public interface ICaseEscalationObserver
{
    /// <summary>Handles one escalation; exceptions are logged and do not stop the case.</summary>
    Task OnEscalationAsync(CaseEscalation escalation, CancellationToken cancellationToken);
}
