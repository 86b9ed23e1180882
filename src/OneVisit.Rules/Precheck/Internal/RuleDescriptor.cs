using OneVisit.Rules.Catalog;
using OneVisit.Rules.Expressions;

namespace OneVisit.Rules.Precheck.Internal;

/// <summary>What part of a procedure a rule decides.</summary>
internal enum RuleKind
{
    Acceptance,
    Eligibility,
    Jurisdiction,
    Material,
    Exemption,
    Presence,
    RemoteAlternative,
    Fee,
}

/// <summary>
/// One catalogue condition turned into one NRules rule, with everything needed to explain its outcome.
/// <see cref="Slot"/> indexes the application's truth collector.
/// </summary>
/// <param name="Slot">Index into the application's truths.</param>
/// <param name="Kind">What it decides.</param>
/// <param name="Name">The rule's name, unique within the procedure.</param>
/// <param name="Condition">The catalogue condition; null for a rule that always fires (derived facts only).</param>
/// <param name="Item">Index of the eligibility rule, material, presence step, … it belongs to.</param>
/// <param name="Sub">For exemptions, the exemption's index within the material.</param>
/// <param name="Basis">The legal basis shown with its outcome.</param>
internal sealed record RuleDescriptor(int Slot, RuleKind Kind, string Name, PolicyCondition? Condition, int Item, int Sub, IReadOnlyList<LegalBasis> Basis)
{
    /// <summary>A slot value meaning "no condition: always holds".</summary>
    public const int Always = -1;

    /// <summary>A slot value meaning "nothing declared: never holds" (e.g. no remote alternative).</summary>
    public const int Never = -2;

    // Made once per rule, so that recording a firing allocates nothing.
    public FiredRule FiredTrue { get; } = new(Name, Truth.True, Condition?.Text, Condition?.Location);

    public FiredRule FiredUnknown { get; } = new(Name, Truth.Unknown, Condition?.Text, Condition?.Location);
}
