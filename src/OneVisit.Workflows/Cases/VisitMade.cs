using OneVisit.Rules.Precheck;

namespace OneVisit.Workflows.Cases;

/// <summary>The applicant came to an office for this case.</summary>
/// <param name="Purpose">Why: hand-in, identity check, inspection, signature, pickup…</param>
/// <param name="WindowId">Where, when known.</param>
public sealed record VisitMade(string Purpose, string? WindowId = null);
