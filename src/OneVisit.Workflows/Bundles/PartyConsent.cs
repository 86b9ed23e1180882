namespace OneVisit.Workflows.Bundles;

/// <summary>One party's consent to a bundle case (both parents of a newborn, each for themselves).</summary>
/// <param name="SubjectId">The party.</param>
/// <param name="GivenAt">When they consented; null while awaited.</param>
/// <param name="By">Who recorded it (<c>applicant:…</c> for the party themselves); null while awaited.</param>
public sealed record PartyConsent(string SubjectId, DateTimeOffset? GivenAt, string? By);
