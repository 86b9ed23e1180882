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
    DateTimeOffset? ClosedAt)
{
    /// <summary>
    /// True for a bundle case (一件事): <see cref="ProcedureCode"/> is then the bundle's code, <see cref="AuthorityId"/>
    /// its lead authority, and it is read through <c>IBundleCaseService</c>.
    /// </summary>
    public bool IsBundle { get; init; }

    /// <summary>For a member case of a bundle, its bundle case.</summary>
    public string? BundleCaseId { get; init; }

    /// <summary>
    /// When retention purged the case's documents (<see cref="CaseOptions.RetainFinishedCasesFor"/>); null while they
    /// are kept. A purged case is still listed and audited, but reading it throws <see cref="CasePurgedException"/>.
    /// </summary>
    public DateTimeOffset? PurgedAt { get; init; }
}
