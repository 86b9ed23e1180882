namespace OneVisit.Workflows.Audit;

/// <summary>
/// One time someone other than the subject looked at the subject's data (the data tracker, after Estonia's): an
/// officer, an agent or a department's system reading a case, or a department asked for a document about them.
/// </summary>
/// <param name="At">When.</param>
/// <param name="Who">Who looked (<c>officer:…</c>, <c>agent:… for …</c>, <c>department:…</c>), or for an evidence request the department asked.</param>
/// <param name="CaseId">The case it was for.</param>
/// <param name="What">Which data.</param>
/// <param name="Why">For what: the reader's stated purpose, the operation, or the procedure and legal basis of a request.</param>
public sealed record DataAccess(DateTimeOffset At, string Who, string CaseId, string What, string Why);
