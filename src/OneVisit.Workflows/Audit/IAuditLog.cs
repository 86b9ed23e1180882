namespace OneVisit.Workflows.Audit;

/// <summary>
/// Reads the audit log: by case, or by subject ("who looked at my data, and why"). Each read acts as someone, as the
/// case services do (the host's signed-in actor, or <see cref="As"/>): a case's trail is for those who may read the
/// case, a subject's lines for the subject and auditors, verification for auditors and the host's processing; anything
/// else throws <see cref="Actors.AccessDeniedException"/>, audited. A read of someone else's lines is itself recorded.
/// </summary>
public interface IAuditLog
{
    /// <summary>The same log read as <paramref name="actor"/> (see <see cref="Cases.ICaseService.As"/>).</summary>
    IAuditLog As(Actors.CaseActor actor);

    /// <summary>Every entry of one case, in order.</summary>
    Task<IReadOnlyList<AuditEntry>> ForCaseAsync(string caseId, CancellationToken cancellationToken = default);

    /// <summary>Every entry about one subject across cases, in order (for an auditor, those of the cases of the authorities they audit).</summary>
    Task<IReadOnlyList<AuditEntry>> ForSubjectAsync(string subjectId, CancellationToken cancellationToken = default);

    /// <summary>
    /// The data tracker: each time someone other than the subject read the subject's cases, or a department was asked
    /// for a document about them, with who, when, which data and why. For the subject and auditors.
    /// </summary>
    Task<IReadOnlyList<DataAccess>> WhoLookedAsync(string subjectId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Verifies the audit chains: of one case, or (<paramref name="caseId"/> null) of every case with lines or an index
    /// row. Each line's hash is recomputed over its content and the previous line's hash, and with the host's key
    /// (<c>CaseOptions.AuditKey</c>) its HMAC too; the first broken line of each chain is reported. Lines written
    /// before the store chained lines are reported as not chained, never as verified. An unknown case gives no checks.
    /// </summary>
    Task<AuditVerification> VerifyAsync(string? caseId = null, CancellationToken cancellationToken = default);
}
