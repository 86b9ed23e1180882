using OneVisit.Rules.Catalog;
using OneVisit.Rules.Expressions;

namespace OneVisit.Rules.Precheck.Internal;

/// <summary>
/// The denials and routing reasons a procedure's rules can give, made once when the rule set is compiled: their texts
/// quote the catalogue's conditions and name the rules, and nothing in them depends on the application.
/// </summary>
internal sealed class RuleReasons
{
    private RuleReasons(Procedure procedure, IReadOnlyList<RuleDescriptor> rules, RuleSetBuilder slots)
    {
        Acceptance = [.. procedure.Conditions.Select((condition, i) => slots.Acceptance[i] is var slot && slot < 0 ? null : AcceptanceDenial(condition, i, rules[slot]))];
        Eligibility = [.. procedure.Eligibility.Select((rule, i) => new DenialPair(rule.Id, rule.Message, Resolver.Why(rules[slots.Eligibility[i]], rule.Message)))];
        Jurisdiction = [.. procedure.Jurisdiction.Rules.Select((rule, i) => Resolver.Why(
            rules[slots.Jurisdiction[i]],
            rule.Because ?? new LocalizedText($"条件成立：{rule.When.Text}", $"The condition holds: {rule.When.Text}")))];
    }

    /// <summary>Per acceptance condition, its denial; null for one that never denies (it always holds).</summary>
    public DenialPair?[] Acceptance { get; }

    /// <summary>Per eligibility rule, its denial.</summary>
    public DenialPair[] Eligibility { get; }

    /// <summary>Per jurisdiction rule, why its authority decides when its condition holds.</summary>
    public Reason[] Jurisdiction { get; }

    public static RuleReasons For(Procedure procedure, IReadOnlyList<RuleDescriptor> rules, RuleSetBuilder slots) => new(procedure, rules, slots);

    // Ids are short, like eligibility rules' own ids; the full rule name is in the reason.
    private static DenialPair AcceptanceDenial(AcceptanceCondition condition, int index, RuleDescriptor rule)
    {
        var message = new LocalizedText($"不符合受理条件：{condition.Text.Text}", $"An acceptance condition is not met: {condition.Text.EnglishOrText}");
        return new DenialPair($"acceptance/{index + 1}", message, Resolver.Why(rule, message));
    }

    /// <summary>A rule's denial, made for both ways it can deny: surely, or depending on open questions.</summary>
    internal sealed class DenialPair(string id, LocalizedText message, Reason why)
    {
        private readonly Denial _surely = new(id, Truth.True, message, why);
        private readonly Denial _maybe = new(id, Truth.Unknown, message, why);

        public Denial For(Truth denies) => denies == Truth.True ? _surely : _maybe;
    }
}
