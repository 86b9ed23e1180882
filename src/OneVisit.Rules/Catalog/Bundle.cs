using OneVisit.Rules.Diagnostics;

namespace OneVisit.Rules.Catalog;

/// <summary>
/// A life or business event handled as one matter (一件事): several related procedures whose materials are
/// submitted at once, accepted at one point, worked on by their departments, one's result passed on to the next,
/// and delivered together. Visits are counted for the whole matter, from application to the last result
/// (浙江省保障"最多跑一次"改革规定, art. 2), not per department. One file under <c>bundles/</c>.
/// </summary>
public sealed record Bundle
{
    /// <summary>The stable bundle code.</summary>
    public required string Code { get; init; }

    /// <summary>The bundle's name (出生一件事).</summary>
    public required LocalizedText Name { get; init; }

    /// <summary>The definition's version.</summary>
    public required int Version { get; init; }

    /// <summary>First day this version applies.</summary>
    public required DateOnly EffectiveFrom { get; init; }

    /// <summary>Last day this version applies, if it ends.</summary>
    public DateOnly? EffectiveUntil { get; init; }

    /// <summary>The life or business event the bundle serves.</summary>
    public required LifeEvent Event { get; init; }

    /// <summary>The lead department (牵头部门), an authority id; the cooperating ones are the members' authorities.</summary>
    public required string LeadAuthorityId { get; init; }

    /// <summary>The member procedures, in the order the guide lists them.</summary>
    public required IReadOnlyList<BundleMember> Members { get; init; }

    /// <summary>Results passed from one member to another, so the citizen does not carry them.</summary>
    public IReadOnlyList<BundleFlow> Flows { get; init; } = [];

    /// <summary>
    /// The joint form (一表申请): the facts asked once for the whole matter, by path. Empty: every fact the members'
    /// conditions use, each asked once.
    /// </summary>
    public IReadOnlyList<string> Form { get; init; } = [];

    /// <summary>Where the whole matter is accepted (一窗受理); null when each member is applied for where it is decided.</summary>
    public BundleAcceptance? Acceptance { get; init; }

    /// <summary>Whether all results are delivered together (统一出件) or each as its member delivers it.</summary>
    public BundleDelivery Delivery { get; init; } = BundleDelivery.PerMember;

    /// <summary>The bundle's promised time limit (承诺时限), counted from acceptance to the last result; members keep their own.</summary>
    public TimeLimit? TimeLimit { get; init; }

    /// <summary>What happens to the other members when one is refused, unless the member says otherwise.</summary>
    public MemberRefusal OnMemberRefused { get; init; } = MemberRefusal.StopDependents;

    /// <summary>Parties who must each confirm the joint application (both parents, say), by id.</summary>
    public IReadOnlyList<string> Consent { get; init; } = [];

    /// <summary>The file the bundle came from, and where in it.</summary>
    public required SourceLocation Location { get; init; }

    /// <summary>The flows that feed member <paramref name="procedureCode"/>.</summary>
    public IEnumerable<BundleFlow> FlowsInto(string procedureCode) => Flows.Where(f => f.ToProcedure == procedureCode);

    /// <summary>
    /// The members in an order they can be done in: each after the members whose results it needs, the bundle's own
    /// order otherwise. The precheck checks them in it and the guide lists its tasks in it.
    /// </summary>
    public IReadOnlyList<BundleMember> InDependencyOrder()
    {
        // Lint refuses cycles, so a member left over here would be a bug; it comes last rather than being lost.
        var ordered = new List<BundleMember>();
        var placed = new HashSet<string>(StringComparer.Ordinal);
        while (ordered.Count < Members.Count)
        {
            var next = Members.FirstOrDefault(m => !placed.Contains(m.ProcedureCode)
                && FlowsInto(m.ProcedureCode).All(f => placed.Contains(f.FromProcedure) || f.FromProcedure == m.ProcedureCode))
                ?? Members.First(m => !placed.Contains(m.ProcedureCode));
            ordered.Add(next);
            placed.Add(next.ProcedureCode);
        }

        return ordered;
    }
}

/// <summary>The event a bundle serves.</summary>
/// <param name="Kind">A person's life or a company's.</param>
/// <param name="Name">The event (出生, 企业开办).</param>
public sealed record LifeEvent(LifeEventKind Kind, LocalizedText Name);

/// <summary>Whose event a bundle serves.</summary>
public enum LifeEventKind
{
    /// <summary>A person's (出生, 婚育, 退休, 身后).</summary>
    Life,

    /// <summary>A company's (企业开办, 变更, 注销).</summary>
    Business,
}

/// <summary>One procedure of a bundle and when it belongs to the matter.</summary>
/// <param name="ProcedureCode">The member procedure.</param>
/// <param name="When">Included only when this holds (unknown: the precheck asks); always when null.</param>
/// <param name="Optional">The applicant may leave the member out (Tell Us Once: the informant picks the recipients).</param>
/// <param name="OnRefused">What a refusal of this member does to the others; the bundle's default when null.</param>
/// <param name="Location">Where it was declared.</param>
public sealed record BundleMember(string ProcedureCode, PolicyCondition? When, bool Optional, MemberRefusal? OnRefused, SourceLocation Location);

/// <summary>One member's result passed to another member as one of its materials.</summary>
/// <param name="FromProcedure">The member whose result it is (it must declare the document among what it produces).</param>
/// <param name="DocumentId">The document type of the result, and of the material it feeds.</param>
/// <param name="ToProcedure">The member that needs it.</param>
/// <param name="ToMaterial">The material of <paramref name="ToProcedure"/> it stands for.</param>
/// <param name="Via">How it travels.</param>
/// <param name="Location">Where it was declared.</param>
public sealed record BundleFlow(string FromProcedure, string DocumentId, string ToProcedure, string ToMaterial, FlowVia Via, SourceLocation Location)
{
    /// <summary>Whether the government moves it (the citizen neither carries nor is asked for it).</summary>
    public bool PassedOn => Via != FlowVia.CitizenCarries;

    /// <summary>
    /// Yes/no facts this result makes true for the member it feeds (<c>enterprise.has_business_licence</c>):
    /// a member whose condition asks for what an earlier member issues is judged as it will be once that member is
    /// done, not refused for lacking it at application.
    /// </summary>
    public IReadOnlyList<string> Settles { get; init; } = [];
}

/// <summary>How a result travels from one member to the next.</summary>
public enum FlowVia
{
    /// <summary>Issued as an e-licence the next department reads.</summary>
    ELicence,

    /// <summary>Pushed by the issuing department to the next one.</summary>
    Push,

    /// <summary>The citizen collects it and hands it in again: the one way that can cost a trip.</summary>
    CitizenCarries,
}

/// <summary>Where a bundle is accepted for every member at once (一窗受理).</summary>
/// <param name="WindowId">The joint window, when there is one.</param>
/// <param name="Channels">How the joint application can be made.</param>
/// <param name="Location">Where it was declared.</param>
public sealed record BundleAcceptance(string? WindowId, IReadOnlyList<Channel> Channels, SourceLocation Location);

/// <summary>How a bundle's results reach the applicant.</summary>
public enum BundleDelivery
{
    /// <summary>Each member delivers its result as it does alone.</summary>
    PerMember,

    /// <summary>All results together, once (统一出件): at most one collection for the whole matter.</summary>
    Unified,
}

/// <summary>What a refused member does to the rest of the matter.</summary>
public enum MemberRefusal
{
    /// <summary>Members that need its result stop; the others go on.</summary>
    StopDependents,

    /// <summary>Every other member goes on (the result it would have passed on is then asked of the citizen).</summary>
    Continue,
}
