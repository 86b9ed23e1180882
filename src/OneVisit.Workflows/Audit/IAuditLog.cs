namespace OneVisit.Workflows.Audit;

/// <summary>Reads the audit log: by case, or by subject ("who looked at my data, and why").</summary>
public interface IAuditLog
{
    /// <summary>Every entry of one case, in order.</summary>
    Task<IReadOnlyList<AuditEntry>> ForCaseAsync(string caseId, CancellationToken cancellationToken = default);

    /// <summary>Every entry about one subject across cases, in order.</summary>
    Task<IReadOnlyList<AuditEntry>> ForSubjectAsync(string subjectId, CancellationToken cancellationToken = default);
}
