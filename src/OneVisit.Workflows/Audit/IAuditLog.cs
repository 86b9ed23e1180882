namespace OneVisit.Workflows.Audit;

/// <summary>Reads the audit log: by case, or by subject ("who looked at my data, and why").</summary>
public interface IAuditLog
{
    /// <summary>Every entry of one case, in order.</summary>
    Task<IReadOnlyList<AuditEntry>> ForCaseAsync(string caseId, CancellationToken cancellationToken = default);

    /// <summary>Every entry about one subject across cases, in order.</summary>
    Task<IReadOnlyList<AuditEntry>> ForSubjectAsync(string subjectId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Verifies the audit chains: of one case, or (<paramref name="caseId"/> null) of every case with lines or an index
    /// row. Each line's hash is recomputed over its content and the previous line's hash, and with the host's key
    /// (<c>CaseOptions.AuditKey</c>) its HMAC too; the first broken line of each chain is reported. Lines written
    /// before the store chained lines are reported as not chained, never as verified. An unknown case gives no checks.
    /// </summary>
    Task<AuditVerification> VerifyAsync(string? caseId = null, CancellationToken cancellationToken = default);
}
