namespace OneVisit.Workflows.Cases;

/// <summary>Which cases <see cref="ICaseService.ListAsync"/> returns.</summary>
/// <param name="ApplicantId">Only this applicant's.</param>
/// <param name="OpenOnly">Only cases not closed.</param>
/// <param name="Limit">At most this many.</param>
public sealed record CaseQuery(string? ApplicantId = null, bool OpenOnly = false, int Limit = 100);
