namespace OneVisit.Workflows.Evidence;

/// <summary>
/// A request to another department's system for a document about a subject, for a purpose. The idempotency
/// key is the same every time this request is sent (a step may run again after a crash): a provider must
/// answer a repeated key with the first answer and not act twice.
/// </summary>
/// <param name="IdempotencyKey">Unique per case, material and attempt.</param>
/// <param name="CaseId">The case asking.</param>
/// <param name="DepartmentId">The authority id of the department that issues the document.</param>
/// <param name="DocumentId">The document type (catalogue id).</param>
/// <param name="SubjectId">Whom the document is about.</param>
/// <param name="Purpose">Why it is asked for: the procedure and its legal basis (recorded in the audit log).</param>
/// <param name="RequestedBy">The authority asking.</param>
public sealed record EvidenceRequest(
    string IdempotencyKey,
    string CaseId,
    string DepartmentId,
    string DocumentId,
    string SubjectId,
    string Purpose,
    string RequestedBy);
