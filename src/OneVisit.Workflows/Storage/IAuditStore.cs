using OneVisit.Workflows.Audit;

namespace OneVisit.Workflows.Storage;

/// <summary>The append-only audit log: lines are added once per key and never changed or removed.</summary>
internal interface IAuditStore
{
    /// <summary>
    /// Appends an entry once: a repeated call with the same key adds nothing. The line joins its case's chain
    /// (next index, hash over the previous line's, see <see cref="AuditSeal"/>) in the same transaction; this is also
    /// what <see cref="ICaseTransaction.AppendAudit"/> does.
    /// </summary>
    Task AppendAuditAsync(string entryKey, AuditEntry entry, CancellationToken cancellationToken);

    /// <summary>A case's lines in the order they were appended.</summary>
    Task<List<AuditEntry>> AuditOfCaseAsync(string caseId, CancellationToken cancellationToken);

    /// <summary>The lines about one person or company (the data subject), in the order they were appended.</summary>
    Task<List<AuditEntry>> AuditOfSubjectAsync(string subjectId, CancellationToken cancellationToken);

    /// <summary>The ids of every case with audit lines or an index row, in order: what a full verification walks.</summary>
    Task<List<string>> AuditedCasesAsync(CancellationToken cancellationToken);

    /// <summary>A case's lines as stored, with their chain fields, for verification; no lines for an unknown case.</summary>
    Task<AuditChain> AuditChainAsync(string caseId, CancellationToken cancellationToken);
}
