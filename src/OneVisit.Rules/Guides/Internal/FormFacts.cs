using OneVisit.Rules.Catalog;

namespace OneVisit.Rules.Guides.Internal;

/// <summary>
/// The joint form of a bundle that declares none (<c>form:</c> left out): every fact its members' conditions ask
/// about, each once, in the order the members first ask it. The what-if populations draw the same facts.
/// </summary>
internal static class FormFacts
{
    public static IReadOnlyList<string> Of(Bundle bundle, IEnumerable<Procedure> members) =>
        Paths(bundle.Members.Select(m => m.When).Concat(members.SelectMany(Conditions)));

    /// <summary>Every fact one procedure's conditions ask about, each once, in the order it first asks it.</summary>
    public static IReadOnlyList<string> Of(Procedure procedure) => Paths(Conditions(procedure));

    private static List<string> Paths(IEnumerable<PolicyCondition?> conditions) =>
        [.. conditions.OfType<PolicyCondition>().SelectMany(c => c.Condition.Facts).Select(f => f.Path).Distinct(StringComparer.Ordinal)];

    private static IEnumerable<PolicyCondition?> Conditions(Procedure procedure) =>
        procedure.Conditions.Select(c => c.Check)
            .Concat(procedure.Eligibility.Select(e => (PolicyCondition?)e.DenyWhen))
            .Concat(procedure.Jurisdiction.Rules.Select(r => (PolicyCondition?)r.When))
            .Concat(procedure.Materials.SelectMany(m => m.Exemptions.Select(e => e.When).Prepend(m.RequiredWhen)))
            .Concat(procedure.Presence.SelectMany(s => new[] { s.When, s.RemoteAlternative?.When }))
            .Concat(procedure.Fees.Select(f => f.When));
}
