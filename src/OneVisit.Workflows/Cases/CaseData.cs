using OneVisit.Rules.Catalog;

namespace OneVisit.Workflows.Cases;

/// <summary>
/// The state a case carries through its workflow, persisted with it on every step: kept small (ids, states
/// and dates, not catalogue objects), since the whole document is written once per step.
/// </summary>
internal sealed class CaseData : Storage.IHasPendingWrites
{
    /// <summary>What the running step writes with the next save of this document (never serialized).</summary>
    internal Storage.PendingWrites Writes { get; private set; } = new();

    /// <summary>Takes over another copy's pending writes (when a failed step's copy is replaced by the one from before it).</summary>
    internal void Adopt(Storage.PendingWrites writes) => Writes = writes;

    Storage.PendingWrites Storage.IHasPendingWrites.Writes => Writes;

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

    /// <summary>Materials accepted with a gap (容缺), owed by a date after acceptance.</summary>
    public List<CaseOwed> Owed { get; set; } = [];

    /// <summary>What the officer must weigh besides the application: deadlines the applicant missed where the catalogue says the officer decides.</summary>
    public List<string> ForOfficer { get; set; } = [];

    public List<CaseEvidence> Evidence { get; set; } = [];

    public CaseClock Clock { get; set; } = new();

    public OfficerDecision? Decision { get; set; }

    public ResultDelivery Delivery { get; set; }

    public int PredictedVisits { get; set; }

    /// <summary>When a result ready for pickup must be collected by.</summary>
    public DateTimeOffset? PickupDue { get; set; }

    public int VisitsMade { get; set; }

    public DateTimeOffset? LastVisitAt { get; set; }

    public CaseEvidence? FindEvidence(string materialId) => Evidence.Find(e => e.MaterialId == materialId);

    public CaseOwed? FindOwed(string materialId) => Owed.Find(o => o.MaterialId == materialId);

    /// <summary>
    /// What the parallel branches after acceptance run for: each document to fetch (by material id) and each gap
    /// owed (<c>gap:</c> and the material id). None once the case closed at intake.
    /// </summary>
    public List<string> EvidenceToFetch() => Stage == CaseStage.Closed ? [] : [.. Evidence.Select(e => e.MaterialId), .. Owed.Select(o => GapItem + o.MaterialId)];

    public const string GapItem = "gap:";

    /// <summary>The name of a material's document in the catalogue's words, or the material id for cases started before names were kept.</summary>
    public string DocumentName(string materialId) => Terms.DocumentNames.GetValueOrDefault(materialId) ?? materialId;
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

    /// <summary>Whether any material may be accepted with a gap (shapes the workflow: gaps are waited for in parallel).</summary>
    public bool MayGap { get; set; }

    /// <summary>Working days to supply what the office asks for (catalogue's <c>supplement.working_days</c>); null: the host's setting.</summary>
    public int? SupplementWorkingDays { get; set; }

    /// <summary>What happens when an ask after acceptance is not answered in time: <c>withdraw</c> or <c>officer_decides</c>.</summary>
    public string SupplementOnMissed { get; set; } = MissedDeadlines.Withdraw;

    /// <summary>Material id to its document's name (Chinese), so waits are shown in the catalogue's words.</summary>
    public Dictionary<string, string> DocumentNames { get; set; } = [];

    /// <summary>Material id to its document's English name, where the catalogue gives one.</summary>
    public Dictionary<string, string> DocumentNamesEn { get; set; } = [];
}

/// <summary>The catalogue's words for what follows a missed deadline of the applicant's.</summary>
internal static class MissedDeadlines
{
    public const string Withdraw = "withdraw";
    public const string OfficerDecides = "officer_decides";
}

/// <summary>A material accepted with a gap (容缺受理): owed by a date, then what the catalogue says.</summary>
internal sealed class CaseOwed
{
    public string MaterialId { get; set; } = "";

    public string DocumentId { get; set; } = "";

    /// <summary>The last day to supply it.</summary>
    public DateOnly DueOn { get; set; }

    /// <summary>The instant the last day ends.</summary>
    public DateTimeOffset? Due { get; set; }

    public string State { get; set; } = OwedStates.Owed;

    public string OnMissed { get; set; } = MissedDeadlines.Withdraw;
}

internal static class OwedStates
{
    public const string Owed = "owed";
    public const string Supplied = "supplied";
    public const string Missed = "missed";
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
