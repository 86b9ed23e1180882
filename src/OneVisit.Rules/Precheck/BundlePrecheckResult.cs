using OneVisit.Rules.Catalog;

namespace OneVisit.Rules.Precheck;

/// <summary>
/// Everything a bundle precheck tells the applicant before they leave home, for the whole matter: which members
/// apply, every material once, what departments pass on to each other, one notice, one list of questions, and the
/// trips the matter takes, with the naive sum "at most one visit per department" would have given beside it.
/// </summary>
public sealed record BundlePrecheckResult
{
    /// <summary>The bundle.</summary>
    public required Bundle Bundle { get; init; }

    /// <summary>The date judged on.</summary>
    public required DateOnly AsOf { get; init; }

    /// <summary>The matter's verdict: online, one visit, not yet, more visits, or not eligible (no member can go ahead).</summary>
    public required Verdict Verdict { get; init; }

    /// <summary>What stands in the way, across every member that goes ahead, each once.</summary>
    public required IReadOnlyList<LocalizedText> Obstacles { get; init; }

    /// <summary>Every member, in the bundle's order, with whether and why it belongs to this matter.</summary>
    public required IReadOnlyList<BundleMemberResult> Members { get; init; }

    /// <summary>Every material of the members that go ahead, once per document and party, in the order first needed.</summary>
    public required IReadOnlyList<BundleMaterial> Materials { get; init; }

    /// <summary>The one notice listing every gap of the matter, or null when nothing is missing.</summary>
    public DeficiencyNotice? Notice { get; init; }

    /// <summary>Unknown facts that would change the answer, each asked once for the whole matter, most decisive first.</summary>
    public required IReadOnlyList<OpenQuestion> OpenQuestions { get; init; }

    /// <summary>The trips the matter takes, and the naive sum of the members' own visits.</summary>
    public required BundleVisits Visits { get; init; }

    /// <summary>The window that accepts the whole matter (一窗受理), when the bundle has one.</summary>
    public Window? AcceptancePoint { get; init; }

    /// <summary>The members that go ahead (included, or included unless a question says otherwise, and not stopped).</summary>
    public IEnumerable<BundleMemberResult> GoingAhead => Members.Where(m => m.GoesAhead);
}

/// <summary>Whether a member belongs to this applicant's matter.</summary>
public enum MemberInclusion
{
    /// <summary>It applies: it has no condition, or its condition holds.</summary>
    Included,

    /// <summary>Its condition depends on a question not yet answered; counted as included until answered.</summary>
    Undecided,

    /// <summary>Its condition does not hold for this applicant.</summary>
    Excluded,

    /// <summary>An optional member the applicant chose to leave out.</summary>
    LeftOut,

    /// <summary>Refused: the applicant is not eligible for it (its refusals say why).</summary>
    Refused,

    /// <summary>It needs the result of a refused member whose policy stops its dependents.</summary>
    Stopped,
}

/// <summary>One member of the bundle for this applicant.</summary>
/// <param name="Procedure">The member procedure.</param>
/// <param name="Inclusion">Whether it belongs to the matter.</param>
/// <param name="Why">Why it is (not) included, refused or stopped.</param>
/// <param name="Result">Its own precheck (with what other members pass on), or null when it is excluded, left out or stopped.</param>
/// <param name="WaitsFor">Members whose results it needs first: it cannot start before they are issued.</param>
public sealed record BundleMemberResult(Procedure Procedure, MemberInclusion Inclusion, LocalizedText Why, PrecheckResult? Result, IReadOnlyList<string> WaitsFor)
{
    /// <summary>Whether the member is part of what the applicant does now.</summary>
    public bool GoesAhead => Inclusion is MemberInclusion.Included or MemberInclusion.Undecided;

    /// <summary>The competent authority, when the member goes ahead or was refused.</summary>
    public Authority? Authority => Result?.Routing.Authority;
}

/// <summary>One material of the matter: one document (of one party), however many members ask for it.</summary>
/// <param name="Document">The document type.</param>
/// <param name="Party">Whose it is, when it belongs to a party.</param>
/// <param name="Status">What the applicant must do about it: the most demanding status among the members' uses.</param>
/// <param name="Note">What to do, as the most demanding use says it.</param>
/// <param name="UsedBy">Which members ask for it, and how each is supplied.</param>
/// <param name="PassedOn">For a member's result passed to another: who issues it, after which member, and how it travels.</param>
public sealed record BundleMaterial(DocumentType Document, Party? Party, MaterialStatus Status, LocalizedText Note, IReadOnlyList<BundleMaterialUse> UsedBy, BundleFlowResult? PassedOn)
{
    /// <summary>The document's name with its party's (居民身份证（母亲）).</summary>
    public LocalizedText Name => Party is null
        ? Document.Name
        : new($"{Document.Name.Text}（{Party.Name.Text}）", $"{Document.Name.EnglishOrText} ({Party.Name.EnglishOrText})");

    /// <summary>Whether the applicant still has to supply it.</summary>
    public bool IsGap => MaterialClassOf(Status) == MaterialClass.ToSupply;

    private static MaterialClass MaterialClassOf(MaterialStatus status) => Internal.MaterialClasses.Of(status);
}

/// <summary>One member's use of a material.</summary>
/// <param name="ProcedureCode">The member.</param>
/// <param name="Material">Its material as that member sees it.</param>
public sealed record BundleMaterialUse(string ProcedureCode, MaterialResult Material);

/// <summary>A result one member passes to another.</summary>
/// <param name="Flow">The flow as the bundle declares it.</param>
/// <param name="IssuedBy">The department that issues it (the producing member's competent authority).</param>
/// <param name="Note">What the applicant is told: 由…在…办结后传递.</param>
public sealed record BundleFlowResult(BundleFlow Flow, Authority IssuedBy, LocalizedText Note);

/// <summary>The trips a matter takes, computed and explained, never declared.</summary>
/// <param name="Count">How many trips to a government place, from application to the last result (as for one procedure, a trip that may be needed counts).</param>
/// <param name="Trips">Each trip, with what happens on it and why it is a trip of its own.</param>
/// <param name="NaiveSum">The sum of the members' own visit counts: what "at most one visit per department" would give.</param>
/// <param name="PerMember">Each member's own visit count, by code.</param>
public sealed record BundleVisits(int Count, IReadOnlyList<BundleTrip> Trips, int NaiveSum, IReadOnlyDictionary<string, int> PerMember)
{
    /// <summary>Trips saved by handling the members as one matter.</summary>
    public int Saved => NaiveSum - Count;

    /// <summary>
    /// The most trips any applicant of <paramref name="bundle"/> can need, as its service guide states them: every
    /// member included, each at its own worst case (a result passed on by a member that is always part of the matter
    /// needs no original), a place of its own per member unless the bundle has an acceptance point, counted by the
    /// same trip counter as the bundle precheck, so no precheck of the bundle comes out with more. The naive sum adds
    /// up the members' own worst cases, what each member's guide states.
    /// </summary>
    /// <param name="catalog">The catalogue holding the bundle and its members.</param>
    /// <param name="bundle">The bundle.</param>
    public static BundleVisits WorstCase(ProcedureCatalog catalog, Bundle bundle)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(bundle);
        return Internal.BundleTrips.WorstCase(bundle, catalog);
    }
}

/// <summary>One trip of a matter.</summary>
/// <param name="Number">1 for the first trip, in order.</param>
/// <param name="Place">Where (the joint window, or a member's department).</param>
/// <param name="Why">Why this is a trip of its own (the first hand-in; a paper result that must be carried; a different place; the one collection).</param>
/// <param name="Touchpoints">Everything done on it, by member.</param>
public sealed record BundleTrip(int Number, LocalizedText Place, LocalizedText Why, IReadOnlyList<BundleTouchpoint> Touchpoints)
{
    /// <summary>
    /// The wave the trip belongs to, from 1 (docs/bundles.md): a later wave waits for a member's decision, because its
    /// paper result must be carried to the next member or collected, so it cannot be the same trip as an earlier wave.
    /// </summary>
    public int Wave { get; init; } = 1;
}

/// <summary>One thing a member needs the applicant (or a party) present for.</summary>
/// <param name="ProcedureCode">The member.</param>
/// <param name="Reason">The member's own visit reason (step, why, party, whether surely needed).</param>
public sealed record BundleTouchpoint(string ProcedureCode, VisitReason Reason);
