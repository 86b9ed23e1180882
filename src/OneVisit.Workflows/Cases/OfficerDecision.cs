namespace OneVisit.Workflows.Cases;

/// <summary>
/// What an officer decides on a case under review. Who decides is not part of it: it is the signed-in officer, who
/// must hold a reviewer's post at the case's competent authority (see <see cref="Actors.CaseActor"/>).
/// </summary>
/// <param name="Approved">Granted or refused.</param>
/// <param name="Reason">Why; required when refused (the applicant is told).</param>
public sealed record OfficerDecision(bool Approved, string? Reason = null);

/// <summary>A decision as the case recorded it.</summary>
/// <param name="OfficerId">The officer who decided, as signed in.</param>
/// <param name="AuthorityId">The authority they decided for: the case's competent authority.</param>
/// <param name="Approved">Granted or refused.</param>
/// <param name="Reason">Why, when given.</param>
public sealed record CaseDecision(string OfficerId, string AuthorityId, bool Approved, string? Reason = null);
