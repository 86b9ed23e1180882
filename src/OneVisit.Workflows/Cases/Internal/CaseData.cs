using OneVisit.Rules.Catalog;

namespace OneVisit.Workflows.Cases.Internal;

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

    /// <summary>The day the application was judged on at submission (the precheck's as-of date), which a migration judges it on again; null for cases stored before it was kept.</summary>
    public DateOnly? JudgedOn { get; set; }

    public CaseStage Stage { get; set; }

    public CaseOutcome? Outcome { get; set; }

    public string? OutcomeReason { get; set; }

    public DateTimeOffset? ClosedAt { get; set; }

    public string AuthorityId { get; set; } = "";

    public string? ForwardedFromWindowId { get; set; }

    public List<string> Denials { get; set; } = [];

    /// <summary>
    /// Documents handed in after submission (for a notice, an ask, or a gap), as held documents: with the application's
    /// own, what the applicant holds when a migration prechecks the case again, so nothing handed in is asked for twice.
    /// </summary>
    public List<StoredDocument> Supplied { get; set; } = [];

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

    public CaseDecision? Decision { get; set; }

    public ResultDelivery Delivery { get; set; }

    public int PredictedVisits { get; set; }

    /// <summary>When a result ready for pickup must be collected by.</summary>
    public DateTimeOffset? PickupDue { get; set; }

    public int VisitsMade { get; set; }

    public DateTimeOffset? LastVisitAt { get; set; }

    /// <summary>The bundle case (一件事) this case is a member of, or null for a case on its own.</summary>
    public string? BundleCaseId { get; set; }

    /// <summary>The member's place in its bundle (0-based), which keys what it tells the bundle case.</summary>
    public int BundleMember { get; set; }

    /// <summary>True when the bundle delivers every member's result at once (统一出件): the member ends at its decision.</summary>
    public bool DeliveredByBundle { get; set; }

    /// <summary>Documents another member of the bundle issued and passed on: held evidence the applicant never carried.</summary>
    public List<CasePassedOn> PassedOn { get; set; } = [];

    /// <summary>
    /// Keeps what the applicant handed in; a document without a form version was taken in the edition
    /// <paramref name="editionOf"/> gives for its type (the one the office asked for).
    /// </summary>
    public void RecordSupplied(SuppliedDocuments supplied, Func<string, string?> editionOf) =>
        Supplied.AddRange(supplied.Documents.Select(d => StoredDocument.Of(d with { FormVersion = d.FormVersion ?? editionOf(d.DocumentId) })));

    public CaseEvidence? FindEvidence(string materialId) => Evidence.Find(e => e.MaterialId == materialId);

    public CaseOwed? FindOwed(string materialId) => Owed.Find(o => o.MaterialId == materialId);

    /// <summary>
    /// What the parallel branches after acceptance run for: each document to fetch (by material id) and each gap
    /// owed (<c>gap:</c> and the material id). None once the case closed at intake.
    /// </summary>
    public List<string> ParallelWaits() => Stage == CaseStage.Closed ? [] : [.. Evidence.Select(e => e.MaterialId), .. Owed.Select(o => GapItem + o.MaterialId)];

    public const string GapItem = "gap:";

    /// <summary>The name of a material's document in the catalogue's words, or the material id for cases started before names were kept.</summary>
    public string DocumentName(string materialId) => Terms.DocumentNames.GetValueOrDefault(materialId) ?? materialId;
}
