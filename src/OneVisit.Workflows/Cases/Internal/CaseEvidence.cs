namespace OneVisit.Workflows.Cases.Internal;

internal sealed class CaseEvidence
{
    public string MaterialId { get; set; } = "";

    public string DocumentId { get; set; } = "";

    public string DepartmentId { get; set; } = "";

    public string State { get; set; } = EvidenceStates.Pending;

    public string? Note { get; set; }

    public DateTimeOffset? WaitUntil { get; set; }

    /// <summary>When the applicant was asked for it: the end of the last day to supply it or sign a commitment.</summary>
    public DateTimeOffset? AskDue { get; set; }
}

internal static class EvidenceStates
{
    public const string Pending = "pending";
    public const string Requested = "requested";
    public const string Waiting = "waiting";
    public const string Missed = "missed";
    public const string Received = "received";
    public const string AwaitingApplicant = "awaiting_applicant";
    public const string Committed = "committed";
    public const string Supplied = "supplied";

    /// <summary>A migration moved the case to a version that no longer requires it.</summary>
    public const string NotRequired = "not_required";
}
