using OneVisit.Workflows.Audit;

namespace OneVisit.Workflows.Storage;

/// <summary>The append-only audit log: lines are added once per key and never changed or removed.</summary>
internal interface IAuditStore
{
    /// <summary>Appends an entry once: a repeated call with the same key adds nothing.</summary>
    Task AppendAuditAsync(string entryKey, AuditEntry entry, CancellationToken cancellationToken);

    /// <summary>A case's lines in the order they were appended.</summary>
    Task<List<AuditEntry>> AuditOfCaseAsync(string caseId, CancellationToken cancellationToken);

    /// <summary>The lines about one person or company (the data subject), in the order they were appended.</summary>
    Task<List<AuditEntry>> AuditOfSubjectAsync(string subjectId, CancellationToken cancellationToken);
}
