using OneVisit.Rules.Expressions;

namespace OneVisit.Rules.Precheck.Internal;

/// <summary>
/// The catalogue rules of a procedure evaluated straight from their compiled conditions, without an NRules session:
/// the path of population runs (<see cref="PrecheckEngine.CheckMany"/>) for procedures with no custom rules, where a
/// session's set-up and agenda cost far more than the conditions themselves. It records exactly what the session's
/// actions record (<see cref="RuleSetBuilder"/>: a rule whose condition may hold records whether it surely holds);
/// the application reports firings in the catalogue's order whatever order they came in, so the resolver that follows
/// cannot tell the two apart. A differential test
/// (tests/OneVisit.Rules.Tests/Precheck/DirectRulesDifferentialTests.cs) holds the two paths to identical results.
/// </summary>
internal static class DirectRules
{
    public static void Fire(ProcedureRules rules, PrecheckApplication application)
    {
        foreach (var rule in rules.Rules)
        {
            var truth = rule.Condition is { } condition ? condition.Condition.Evaluate(application.Facts) : Truth.True;
            if (truth != Truth.False)
            {
                application.Record(rule.Slot, truth, rule);
            }
        }
    }
}
