namespace OneVisit.Workflows.Deadlines;

/// <summary>A time limit of a case nears or has passed.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="Limit">statutory or promised.</param>
/// <param name="Passed">False when it nears (see <see cref="CaseOptions.WarnWorkingDaysBefore"/>), true once passed.</param>
/// <param name="Due">When the limit falls due.</param>
/// <param name="AuthorityId">The competent authority, whose supervisors are told.</param>
public sealed record CaseEscalation(string CaseId, string Limit, bool Passed, DateTimeOffset Due, string AuthorityId);

/// <summary>Told of every escalation (register any number in DI); also written to the audit log and the log.</summary>
public interface ICaseEscalationObserver
{
    /// <summary>Handles one escalation; exceptions are logged and do not stop the case.</summary>
    Task OnEscalationAsync(CaseEscalation escalation, CancellationToken cancellationToken);
}
