using OneVisit.Rules.Catalog;

namespace OneVisit.Workflows.Cases;

/// <summary>
/// The state a case carries through its workflow, persisted with it on every step: kept small (ids, states
/// and dates, not catalogue objects), since the whole document is written once per step.
/// </summary>
internal sealed class CaseData
{
    public string CaseId { get; set; } = "";

    public string ApplicantId { get; set; } = "";

    public CaseTerms Terms { get; set; } = new();

    public string? WindowId { get; set; }

    public DateTimeOffset SubmittedAt { get; set; }

    public CaseStage Stage { get; set; }

    public CaseOutcome? Outcome { get; set; }

    public string? OutcomeReason { get; set; }

    public DateTimeOffset? ClosedAt { get; set; }

    public string AuthorityId { get; set; } = "";

    public string? ForwardedFromWindowId { get; set; }

    public List<string> Denials { get; set; } = [];

    /// <summary>Materials the notice lists (missing or outdated), still owed.</summary>
    public List<CaseGap> Gaps { get; set; } = [];

    public int NoticeRound { get; set; }

    public string? NoticeText { get; set; }

    public DateTimeOffset? SupplementDue { get; set; }

    /// <summary>Signed commitments and accepted gaps, entered in the ledger on acceptance.</summary>
    public List<CaseCommitment> Commitments { get; set; } = [];

    public List<CaseEvidence> Evidence { get; set; } = [];

    public CaseClock Clock { get; set; } = new();

    public OfficerDecision? Decision { get; set; }

    public ResultDelivery Delivery { get; set; }

    public int PredictedVisits { get; set; }

    public int VisitsMade { get; set; }

    public DateTimeOffset? LastVisitAt { get; set; }

    public CaseEvidence? FindEvidence(string materialId) => Evidence.Find(e => e.MaterialId == materialId);

    /// <summary>The materials the evidence branches run for: none once the case closed at intake.</summary>
    public List<string> EvidenceToFetch() => Stage == CaseStage.Closed ? [] : [.. Evidence.Select(e => e.MaterialId)];
}

/// <summary>
/// What later steps need of the procedure version the case started on, copied at submission so a case keeps
/// its version even after the catalogue moves on.
/// </summary>
internal sealed class CaseTerms
{
    public string Code { get; set; } = "";

    public int Version { get; set; }

    public string Name { get; set; } = "";

    public string? NameEn { get; set; }

    public int? StatutoryDays { get; set; }

    public bool StatutoryWorkingDays { get; set; }

    public int? PromisedDays { get; set; }

    public bool PromisedWorkingDays { get; set; }

    public List<ResultDelivery> Deliveries { get; set; } = [];

    /// <summary>
    /// Materials for which the procedure allows a commitment instead of the document, with the calendar days
    /// within which it is verified (null: no deadline given).
    /// </summary>
    public Dictionary<string, int?> CommitmentAllowed { get; set; } = [];

    /// <summary>Whether the procedure can fetch any material from another department (shapes the workflow).</summary>
    public bool MayFetch { get; set; }

    /// <summary>Whether the result can be picked up (shapes the workflow).</summary>
    public bool MayPickup { get; set; }

    /// <summary>The procedure and its legal basis: the purpose recorded with every evidence request.</summary>
    public string Purpose { get; set; } = "";
}

internal sealed class CaseGap
{
    public string MaterialId { get; set; } = "";

    public string DocumentId { get; set; } = "";

    public string Status { get; set; } = "";

    public string? CurrentEdition { get; set; }
}

internal sealed class CaseCommitment
{
    public string MaterialId { get; set; } = "";

    public Commitments.CommitmentKind Kind { get; set; }

    public DateOnly DueOn { get; set; }
}

internal sealed class CaseEvidence
{
    public string MaterialId { get; set; } = "";

    public string DocumentId { get; set; } = "";

    public string DepartmentId { get; set; } = "";

    public string State { get; set; } = EvidenceStates.Pending;

    public string? Note { get; set; }

    public DateTimeOffset? WaitUntil { get; set; }
}

internal static class EvidenceStates
{
    public const string Pending = "pending";
    public const string Waiting = "waiting";
    public const string Received = "received";
    public const string AwaitingApplicant = "awaiting_applicant";
    public const string Committed = "committed";
    public const string Supplied = "supplied";
}

/// <summary>
/// The statutory clock: starts on acceptance, stops on decision, and does not count time the law excludes
/// (here: waiting for the applicant). Paused time is kept in whole days so due dates move by days.
/// </summary>
internal sealed class CaseClock
{
    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? StoppedAt { get; set; }

    /// <summary>Why it is paused, per reason (a material id); empty when running.</summary>
    public List<string> PausedFor { get; set; } = [];

    public DateTimeOffset? PausedSince { get; set; }

    /// <summary>Calendar days past pauses add to limits counted in calendar days.</summary>
    public int PausedDays { get; set; }

    /// <summary>Working days past pauses add to limits counted in working days.</summary>
    public int PausedWorkingDays { get; set; }
}
