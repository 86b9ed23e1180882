namespace OneVisit.Workflows.Cases;

/// <summary>One line of a case list.</summary>
public sealed record CaseSummary(
    string CaseId,
    string ProcedureCode,
    string ApplicantId,
    CaseStage Stage,
    CaseOutcome? Outcome,
    string AuthorityId,
    DateTimeOffset SubmittedAt,
    DateTimeOffset? ClosedAt);
