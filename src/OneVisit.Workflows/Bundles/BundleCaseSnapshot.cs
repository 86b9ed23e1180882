using OneVisit.Rules.Catalog;
using OneVisit.Workflows.Cases;

namespace OneVisit.Workflows.Bundles;

/// <summary>A bundle case as it stands: its one acceptance and delivery, its members, what passed between them, its time limit and its visits.</summary>
public sealed record BundleCaseSnapshot
{
    /// <summary>The bundle case id.</summary>
    public required string BundleCaseId { get; init; }

    /// <summary>The bundle's code.</summary>
    public required string BundleCode { get; init; }

    /// <summary>The bundle version the case started on.</summary>
    public required int BundleVersion { get; init; }

    /// <summary>The bundle's name.</summary>
    public required LocalizedText BundleName { get; init; }

    /// <summary>Whom the bundle is about.</summary>
    public required string ApplicantId { get; init; }

    /// <summary>
    /// Where the bundle is: <see cref="CaseStage.Submitted"/>, <see cref="CaseStage.AwaitingSupplement"/> (its one
    /// notice), <see cref="CaseStage.Accepted"/> (members running), <see cref="CaseStage.AwaitingPickup"/> (its one
    /// delivery at the window) or <see cref="CaseStage.Closed"/>.
    /// </summary>
    public required CaseStage Stage { get; init; }

    /// <summary>
    /// How it ended: <see cref="CaseOutcome.Approved"/> when every member that went ahead was approved,
    /// <see cref="CaseOutcome.PartlyApproved"/> when some were, <see cref="CaseOutcome.Refused"/> when none was,
    /// <see cref="CaseOutcome.NotAdmitted"/> or <see cref="CaseOutcome.Withdrawn"/> at intake.
    /// </summary>
    public CaseOutcome? Outcome { get; init; }

    /// <summary>Why it ended that way.</summary>
    public string? OutcomeReason { get; init; }

    /// <summary>The window that accepted it on behalf of every member's authority (一窗受理), when handed in at one.</summary>
    public string? WindowId { get; init; }

    /// <summary>The authority that leads the bundle (its window's, or its first member's): its intake officers hand in and hand out for the whole bundle.</summary>
    public string LeadAuthorityId { get; init; } = "";

    /// <summary>Each party's consent: the applicant's (given with the submission) first, then the other parties', given or still awaited.</summary>
    public IReadOnlyList<PartyConsent> Consents { get; init; } = [];

    /// <summary>When it was submitted.</summary>
    public required DateTimeOffset SubmittedAt { get; init; }

    /// <summary>When it was accepted (the bundle's promise clock starts).</summary>
    public DateTimeOffset? AcceptedAt { get; init; }

    /// <summary>When it was closed.</summary>
    public DateTimeOffset? ClosedAt { get; init; }

    /// <summary>The bundle's promised time limit (承诺时限) from acceptance, once accepted; members keep their own.</summary>
    public CaseDeadline? TimeLimit { get; init; }

    /// <summary>Every member of the bundle, in dependency order.</summary>
    public required IReadOnlyList<BundleMemberStatus> Members { get; init; }

    /// <summary>Outputs passed from one member to another.</summary>
    public required IReadOnlyList<PassedOutput> Passed { get; init; }

    /// <summary>
    /// What the bundle case itself waits for (the notice's documents, the pickup); members' waits are on the members.
    /// A bundle merges its members' materials by document, so an item of the notice carries the document id (to
    /// supply) in <see cref="AwaitedItem.MaterialId"/>.
    /// </summary>
    public required IReadOnlyList<AwaitedItem> Awaiting { get; init; }

    /// <summary>The one-time deficiency notice for the whole bundle, when one was issued.</summary>
    public string? Notice { get; init; }

    /// <summary>Whether the bundle delivers every result at once (统一出件) rather than each member on its own.</summary>
    public required bool DeliversOnce { get; init; }

    /// <summary>
    /// The ways the results reach the applicant (each member's own, see <see cref="BundleMemberStatus.Delivery"/>): of the
    /// members still going ahead, or, once closed, of those approved. When the bundle delivers once, they are released
    /// together, and <see cref="ResultDelivery.Pickup"/> among them is one trip to the bundle's window for all to collect.
    /// </summary>
    public required IReadOnlyList<ResultDelivery> Deliveries { get; init; }

    /// <summary>Visits the bundle precheck predicted for the whole matter.</summary>
    public required int PredictedVisits { get; init; }

    /// <summary>Visits the same members would take one by one, department by department (the naive count).</summary>
    public required int NaiveVisits { get; init; }

    /// <summary>Visits made so far for the bundle and its members (several purposes on one day are one visit).</summary>
    public required int VisitsMade { get; init; }

    /// <summary>Whether the bundle case is closed.</summary>
    public bool IsClosed => Stage == CaseStage.Closed;
}
