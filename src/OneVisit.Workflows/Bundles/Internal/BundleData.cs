using OneVisit.Rules.Catalog;
using OneVisit.Workflows.Cases;
using OneVisit.Workflows.Cases.Internal;
using OneVisit.Workflows.Storage;

namespace OneVisit.Workflows.Bundles.Internal;

/// <summary>
/// The state a bundle case carries through its workflow: its one intake, its members (with each member's case
/// data until that member starts), the flows between them, what passed, and its one delivery. Stored with the
/// bundle's workflow document on every step.
/// </summary>
internal sealed class BundleData : IHasPendingWrites
{
    internal PendingWrites Writes { get; private set; } = new();

    internal void Adopt(PendingWrites writes) => Writes = writes;

    PendingWrites IHasPendingWrites.Writes => Writes;

    public string BundleCaseId { get; set; } = "";

    public string ApplicantId { get; set; } = "";

    public string BundleCode { get; set; } = "";

    public int BundleVersion { get; set; }

    public string Name { get; set; } = "";

    public string? NameEn { get; set; }

    public string? WindowId { get; set; }

    /// <summary>The other parties whose consent is recorded one by one (<see cref="BundleSubmission.Parties"/>).</summary>
    public List<string> Parties { get; set; } = [];

    /// <summary>The lead authority (牵头部门), which the bundle's row in the case index names.</summary>
    public string LeadAuthorityId { get; set; } = "";

    public DateTimeOffset SubmittedAt { get; set; }

    public CaseStage Stage { get; set; }

    public CaseOutcome? Outcome { get; set; }

    public string? OutcomeReason { get; set; }

    public DateTimeOffset? AcceptedAt { get; set; }

    public DateTimeOffset? ClosedAt { get; set; }

    /// <summary>The bundle's promised limit (承诺时限) from acceptance, when it has one.</summary>
    public int? TimeLimitDays { get; set; }

    public bool TimeLimitWorkingDays { get; set; } = true;

    public DateTimeOffset? Due { get; set; }

    /// <summary>Why the whole bundle cannot be admitted (a required member the others cannot do without is not eligible).</summary>
    public List<string> Denials { get; set; } = [];

    /// <summary>What the one notice lists for the whole bundle, still owed.</summary>
    public List<BundleGap> Gaps { get; set; } = [];

    public string? NoticeText { get; set; }

    public int NoticeRound { get; set; }

    public DateTimeOffset? SupplementDue { get; set; }

    public int SupplementWorkingDays { get; set; }

    /// <summary>统一出件: every result is released together when the last member ends; those to collect, in one trip.</summary>
    public bool DeliversOnce { get; set; }

    public DateTimeOffset? PickupDue { get; set; }

    public int PredictedVisits { get; set; }

    public int NaiveVisits { get; set; }

    public List<BundleMemberData> Members { get; set; } = [];

    public List<BundleFlowData> Flows { get; set; } = [];

    public List<BundlePassed> Passed { get; set; } = [];

    /// <summary>The members the parallel branches run for (by index); none once the bundle closed at intake.</summary>
    public List<int> MemberBranches() => Stage == CaseStage.Closed ? [] : [.. Members.Where(m => m.State != BundleMemberState.NotIncluded).Select(m => m.Index)];

    /// <summary>The members whose output <paramref name="member"/> consumes, each once.</summary>
    public IEnumerable<BundleMemberData> ProducersOf(BundleMemberData member) =>
        Flows.Where(f => f.To == member.Index).Select(f => f.From).Distinct().Select(i => Members[i]).Where(p => p.State != BundleMemberState.NotIncluded);

    /// <summary>The members that consume <paramref name="member"/>'s output, each once.</summary>
    public IEnumerable<BundleMemberData> ConsumersOf(BundleMemberData member) =>
        Flows.Where(f => f.From == member.Index).Select(f => f.To).Distinct().Select(i => Members[i]).Where(c => c.State != BundleMemberState.NotIncluded);
}

/// <summary>One member of a bundle case.</summary>
internal sealed class BundleMemberData
{
    public int Index { get; set; }

    public string ProcedureCode { get; set; } = "";

    public int ProcedureVersion { get; set; }

    public string Name { get; set; } = "";

    public string? NameEn { get; set; }

    public BundleMemberState State { get; set; }

    /// <summary>Why it is in its state (not included, refused at precheck, stopped, ...), in words.</summary>
    public string? Why { get; set; }

    public string CaseId { get; set; } = "";

    public string? AuthorityId { get; set; }

    /// <summary>What happens to the members that need this one's output when it is refused.</summary>
    public MemberRefusal OnRefused { get; set; }

    public CaseOutcome? Outcome { get; set; }

    /// <summary>How its result reaches the applicant: its procedure's way, as for a case on its own (the applicant's choice when offered).</summary>
    public ResultDelivery? Delivery { get; set; }

    /// <summary>Whether its case was started (a member refused or stopped before has none).</summary>
    public bool Started { get; set; }

    /// <summary>The member's case as prechecked on submission, until it starts (then the case holds it).</summary>
    public CaseData? Case { get; set; }

    /// <summary>What each member it depends on delivered (or could not).</summary>
    public List<BundleInput> Inputs { get; set; } = [];
}

/// <summary>A material the bundle's one notice asks for.</summary>
internal sealed class BundleGap
{
    public string DocumentId { get; set; } = "";

    public string? Party { get; set; }

    public string Name { get; set; } = "";

    public string Status { get; set; } = "";

    public string? CurrentEdition { get; set; }
}

/// <summary>A flow of the bundle between two included members, by member index.</summary>
internal sealed class BundleFlowData
{
    public int From { get; set; }

    public int To { get; set; }

    public string DocumentId { get; set; } = "";

    public string DocumentName { get; set; } = "";

    public string? DocumentNameEn { get; set; }

    public string Material { get; set; } = "";

    public FlowVia Via { get; set; }
}

/// <summary>An output passed from one member to another.</summary>
internal sealed class BundlePassed
{
    public int From { get; set; }

    public int To { get; set; }

    public string DocumentId { get; set; } = "";

    public FlowVia Via { get; set; }

    public DateTimeOffset At { get; set; }
}
