namespace OneVisit.Workflows.Actors.Internal;

/// <summary>What authorization needs to know of a case (or of an application about to become one).</summary>
/// <param name="CaseId">The case; empty for an application not yet a case.</param>
/// <param name="SubjectId">Whom the case is about.</param>
/// <param name="ProcedureCode">The procedure or bundle code (what a mandate covers).</param>
/// <param name="AuthorityId">The competent authority (a bundle's lead authority); empty when not yet known.</param>
/// <param name="WindowId">The window it was handed in at, if any.</param>
internal sealed record CaseFacts(string CaseId, string SubjectId, string ProcedureCode, string AuthorityId, string? WindowId)
{
    /// <summary>What the case's index row alone tells: all there is once retention purged its workflow, or before it has one.</summary>
    public static CaseFacts Of(Storage.CaseRow row) => new(row.CaseId, row.ApplicantId, row.ProcedureCode, row.AuthorityId, null);

    /// <summary>For a bundle case, its members' competent authorities: their officers may read the bundle.</summary>
    public IReadOnlyList<string> MemberAuthorities { get; init; } = [];

    /// <summary>For a bundle case, the other parties (a newborn's second parent) who may read it and give consent.</summary>
    public IReadOnlyList<string> Parties { get; init; } = [];
}
