using OneVisit.Rules.Catalog;

namespace OneVisit.Workflows.Cases;

/// <summary>A document the office asked another department for, or (in a bundle) one another member passed on.</summary>
/// <param name="MaterialId">The procedure's material.</param>
/// <param name="DocumentId">The document type.</param>
/// <param name="DepartmentId">The department asked, or the authority that passed the document on.</param>
/// <param name="State">
/// pending (not asked yet), requested (asked, no answer yet), waiting (answered "later"), received,
/// awaiting_applicant (the department could not provide it), committed, supplied, missed (the applicant let the
/// deadline pass), passed_on (issued by another member of the case's bundle and passed on, never asked of the
/// applicant), not_required (a migration moved the case to a version that no longer requires it), and, once the case closed, not_requested (never asked) or cancelled (asked, no longer needed).
/// </param>
/// <param name="Note">The department's answer, or why the applicant was asked.</param>
public sealed record EvidenceItem(string MaterialId, string DocumentId, string DepartmentId, string State, string? Note)
{
    /// <summary>The document's name in the catalogue's words.</summary>
    public string? DocumentName { get; init; }
}
