namespace OneVisit.Workflows.Storage;

/// <summary>A case's index row: what lists and lookups need without reading the workflow document.</summary>
internal sealed record CaseRow(
    string CaseId,
    string? WorkflowId,
    string IdempotencyKey,
    string RequestHash,
    string ProcedureCode,
    int ProcedureVersion,
    string ApplicantId,
    string Stage,
    string? Outcome,
    string AuthorityId,
    DateTimeOffset SubmittedAt,
    DateTimeOffset? ClosedAt)
{
    /// <summary>True for a bundle case (一件事), whose members are cases of their own.</summary>
    public bool IsBundle { get; init; }

    /// <summary>For a member case, the bundle case it belongs to.</summary>
    public string? BundleCaseId { get; init; }

    /// <summary>
    /// When retention purged the case's workflow document (and everything the engine kept for it); null while it is
    /// kept. The row itself, the audit lines and the ledgers stay.
    /// </summary>
    public DateTimeOffset? PurgedAt { get; init; }

    /// <summary>
    /// The application as submitted, identities dropped (<c>CaseApplication</c>'s JSON): written with the row of a case
    /// or a bundle case (never a bundle's member, which the bundle's application covers), removed when the case is
    /// purged, and read only by <see cref="ICaseStore.HistoryAsync"/> (null from every other read).
    /// </summary>
    public string? Application { get; init; }
}
