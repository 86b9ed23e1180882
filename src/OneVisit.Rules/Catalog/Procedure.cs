using OneVisit.Rules.Diagnostics;

namespace OneVisit.Rules.Catalog;

/// <summary>
/// An administrative procedure (事项) as one file under <c>procedures/</c> declares it: who decides, on what
/// legal basis, which materials for which situation, what needs the applicant in person, limits and fees.
/// </summary>
public sealed record Procedure
{
    /// <summary>The stable procedure code.</summary>
    public required string Code { get; init; }

    /// <summary>The procedure's name.</summary>
    public required LocalizedText Name { get; init; }

    /// <summary>The definition's version; a running case keeps the version it started on.</summary>
    public required int Version { get; init; }

    /// <summary>First day this version applies.</summary>
    public required DateOnly EffectiveFrom { get; init; }

    /// <summary>Last day this version applies, if it ends.</summary>
    public DateOnly? EffectiveUntil { get; init; }

    /// <summary>The laws the procedure rests on.</summary>
    public required IReadOnlyList<LegalBasis> LegalBasis { get; init; }

    /// <summary>Acceptance conditions as the service guide states them.</summary>
    public IReadOnlyList<AcceptanceCondition> Conditions { get; init; } = [];

    /// <summary>When the application must be denied.</summary>
    public IReadOnlyList<EligibilityRule> Eligibility { get; init; } = [];

    /// <summary>Who decides.</summary>
    public required Jurisdiction Jurisdiction { get; init; }

    /// <summary>The materials (申请材料) and when each is required.</summary>
    public required IReadOnlyList<Material> Materials { get; init; }

    /// <summary>The steps that need the applicant in person, and why.</summary>
    public IReadOnlyList<PresenceStep> Presence { get; init; } = [];

    /// <summary>Statutory and promised time limits.</summary>
    public required TimeLimits TimeLimits { get; init; }

    /// <summary>Fees with their basis.</summary>
    public IReadOnlyList<Fee> Fees { get; init; } = [];

    /// <summary>
    /// How long the applicant has to supply what the office asks for, and what happens when that time passes; null
    /// when the procedure leaves both to the host (10 working days, then the application is withdrawn).
    /// </summary>
    public SupplementTerms? Supplement { get; init; }

    /// <summary>How one can apply.</summary>
    public required IReadOnlyList<Channel> Channels { get; init; }

    /// <summary>How the result reaches the applicant.</summary>
    public required IReadOnlyList<ResultDelivery> ResultDelivery { get; init; }

    /// <summary>
    /// What the procedure issues, as document types (出生医学证明, 营业执照), so one procedure's result can be another's
    /// material in a bundle. Empty when its result is not a document another procedure asks for.
    /// </summary>
    public IReadOnlyList<string> Produces { get; init; } = [];

    /// <summary>
    /// The parties the procedure involves, by id (<see cref="Party"/>); empty when it has one applicant. Materials and
    /// presence steps of a party are that party's own: one person's ID card does not serve for another.
    /// </summary>
    public IReadOnlyList<string> Parties { get; init; } = [];

    /// <summary>The file the procedure came from, and where in it.</summary>
    public required SourceLocation Location { get; init; }
}

/// <summary>An acceptance condition (受理条件) in words, optionally with a check the rules can run.</summary>
/// <param name="Text">The condition as the service guide words it.</param>
/// <param name="Check">An optional checkable form.</param>
/// <param name="Location">Where it was declared.</param>
public sealed record AcceptanceCondition(LocalizedText Text, PolicyCondition? Check, SourceLocation Location);

/// <summary>A reason to deny the application, with the message and legal basis shown to the applicant.</summary>
/// <param name="Id">Unique within the procedure.</param>
/// <param name="DenyWhen">Deny when this holds.</param>
/// <param name="Message">What the applicant is told.</param>
/// <param name="Basis">The legal basis.</param>
/// <param name="Location">Where it was declared.</param>
public sealed record EligibilityRule(string Id, PolicyCondition DenyWhen, LocalizedText Message, IReadOnlyList<LegalBasis> Basis, SourceLocation Location);

/// <summary>Ordered rules deciding the competent authority; the first that holds wins, else the default.</summary>
/// <param name="Rules">The rules in order.</param>
/// <param name="DefaultAuthorityId">Who decides when no rule holds.</param>
/// <param name="Location">Where it was declared.</param>
public sealed record Jurisdiction(IReadOnlyList<JurisdictionRule> Rules, string DefaultAuthorityId, SourceLocation Location);

/// <summary>One jurisdiction rule: when it holds, <paramref name="AuthorityId"/> decides, because …</summary>
/// <param name="When">The condition.</param>
/// <param name="AuthorityId">The competent authority.</param>
/// <param name="Because">Why, in words.</param>
/// <param name="Basis">The legal basis.</param>
/// <param name="Location">Where it was declared.</param>
public sealed record JurisdictionRule(PolicyCondition When, string AuthorityId, LocalizedText? Because, IReadOnlyList<LegalBasis> Basis, SourceLocation Location);

/// <summary>Statutory and promised limits.</summary>
/// <param name="Statutory">The limit the law sets.</param>
/// <param name="Promised">The (shorter) limit the government promises.</param>
public sealed record TimeLimits(TimeLimit? Statutory, TimeLimit? Promised);

/// <summary>A time limit: a number of working or calendar days; 0 means on the spot (当场).</summary>
/// <param name="Days">How many days.</param>
/// <param name="WorkingDays">True for working days, false for calendar days.</param>
/// <param name="Basis">The legal basis.</param>
/// <param name="Location">Where it was declared.</param>
public sealed record TimeLimit(int Days, bool WorkingDays, IReadOnlyList<LegalBasis> Basis, SourceLocation Location);

/// <summary>A fee.</summary>
/// <param name="Name">What it is for.</param>
/// <param name="Amount">In yuan.</param>
/// <param name="When">When it is charged; always when null.</param>
/// <param name="Basis">The legal basis.</param>
/// <param name="Location">Where it was declared.</param>
public sealed record Fee(LocalizedText Name, decimal Amount, PolicyCondition? When, IReadOnlyList<LegalBasis> Basis, SourceLocation Location);

/// <summary>Ways to apply.</summary>
public enum Channel
{
    /// <summary>At an office window.</summary>
    Window,

    /// <summary>On the government service website.</summary>
    Online,

    /// <summary>In a mobile app.</summary>
    Mobile,

    /// <summary>At a self-service kiosk.</summary>
    Kiosk,

    /// <summary>By post.</summary>
    Mail,
}

/// <summary>Ways the result reaches the applicant.</summary>
public enum ResultDelivery
{
    /// <summary>As an e-licence.</summary>
    ELicence,

    /// <summary>By post.</summary>
    Mail,

    /// <summary>Collected at the office: a visit.</summary>
    Pickup,

    /// <summary>Downloaded or shown online.</summary>
    Online,
}
