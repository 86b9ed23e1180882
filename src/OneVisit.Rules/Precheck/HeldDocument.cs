using OneVisit.Rules.Diagnostics;

namespace OneVisit.Rules.Precheck;

/// <summary>A document the applicant holds.</summary>
/// <param name="DocumentId">The document type's id.</param>
/// <param name="FormVersion">The form edition, for forms.</param>
/// <param name="IssuedOn">When it was issued.</param>
/// <param name="ExpiresOn">When it expires, if it does.</param>
/// <param name="Electronic">Whether it is held as an e-licence or electronic file.</param>
/// <param name="Location">Where an application or test file declared it, if it came from one.</param>
public sealed record HeldDocument(
    string DocumentId,
    string? FormVersion = null,
    DateOnly? IssuedOn = null,
    DateOnly? ExpiresOn = null,
    bool Electronic = false,
    SourceLocation? Location = null)
{
    /// <summary>
    /// Whose document it is, when the procedure has parties (<c>groom</c>): it then serves only that party's materials.
    /// Null: the applicant's, serving materials that belong to no party.
    /// </summary>
    public string? Party { get; init; }

    /// <summary>
    /// Within a bundle: the member procedure whose result this is, passed on by its department (e-licence or push),
    /// so the applicant neither holds nor carries it. The material it serves is <see cref="MaterialStatus.PassedOn"/>.
    /// </summary>
    public string? PassedOnBy { get; init; }
}
