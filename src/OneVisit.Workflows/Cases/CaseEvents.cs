using OneVisit.Rules.Precheck;

namespace OneVisit.Workflows.Cases;

/// <summary>An officer's decision on a case under review.</summary>
/// <param name="OfficerId">Who decided.</param>
/// <param name="AuthorityId">The authority the officer acts for: must be the case's competent authority.</param>
/// <param name="Approved">Granted or refused.</param>
/// <param name="Reason">Why; required when refused (the applicant is told).</param>
public sealed record OfficerDecision(string OfficerId, string AuthorityId, bool Approved, string? Reason = null);

/// <summary>Documents the applicant supplies after a deficiency notice or when a department could not provide one.</summary>
/// <param name="Documents">What was handed in.</param>
public sealed record SuppliedDocuments(IReadOnlyList<HeldDocument> Documents);

/// <summary>The applicant signs a commitment (告知承诺) for a material a department could not provide.</summary>
/// <param name="MaterialId">The material committed to.</param>
public sealed record SignedCommitment(string MaterialId);

/// <summary>The applicant came to an office for this case.</summary>
/// <param name="Purpose">Why: hand-in, identity check, inspection, signature, pickup…</param>
/// <param name="WindowId">Where, when known.</param>
public sealed record VisitMade(string Purpose, string? WindowId = null);
