namespace OneVisit.Workflows.Storage;

/// <summary>A case's index row: what lists and lookups need without reading the workflow document.</summary>
internal sealed record CaseRow(
    string CaseId,
    string? WorkflowId,
    string IdempotencyKey,
    string RequestHash,
    string ProcedureCode,
    int ProcedureVersion,
    string ApplicantId,
    string Stage,
    string? Outcome,
    string AuthorityId,
    DateTimeOffset SubmittedAt,
    DateTimeOffset? ClosedAt);

/// <summary>A durable timer: when due, it publishes its event (a timeout) or checks a case's clock.</summary>
internal sealed record TimerRow(string TimerId, string CaseId, DateTimeOffset Due, string Kind, string? EventName, string? EventKey);
