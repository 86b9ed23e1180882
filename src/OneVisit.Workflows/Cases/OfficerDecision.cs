using OneVisit.Rules.Precheck;

namespace OneVisit.Workflows.Cases;

/// <summary>An officer's decision on a case under review.</summary>
/// <param name="OfficerId">Who decided.</param>
/// <param name="AuthorityId">The authority the officer acts for: must be the case's competent authority.</param>
/// <param name="Approved">Granted or refused.</param>
/// <param name="Reason">Why; required when refused (the applicant is told).</param>
public sealed record OfficerDecision(string OfficerId, string AuthorityId, bool Approved, string? Reason = null);
