namespace OneVisit.Workflows.Visits;

/// <summary>A trip an applicant actually made to an office.</summary>
/// <param name="CaseId">The case it was for.</param>
/// <param name="ApplicantId">Who came.</param>
/// <param name="At">When.</param>
/// <param name="Purpose">What for (several purposes on the same day are one visit).</param>
/// <param name="WindowId">Where, when known.</param>
public sealed record VisitRecord(string CaseId, string ApplicantId, DateTimeOffset At, string Purpose, string? WindowId);

/// <summary>Visits made, next to the precheck's prediction.</summary>
public interface IVisitLedger
{
    /// <summary>
    /// The same ledger read as <paramref name="actor"/> (see <see cref="Cases.ICaseService.As"/>); without it, reads act
    /// as the host's signed-in actor. A case's entries are for those who may read the case, and every read by someone
    /// other than the subject is recorded by the data tracker (docs/security.md).
    /// </summary>
    IVisitLedger As(Actors.CaseActor actor);

    /// <summary>Visits made for one case.</summary>
    Task<IReadOnlyList<VisitRecord>> ForCaseAsync(string caseId, CancellationToken cancellationToken = default);

    /// <summary>Visits one applicant made, across cases.</summary>
    Task<IReadOnlyList<VisitRecord>> ForApplicantAsync(string applicantId, CancellationToken cancellationToken = default);
}
