using OneVisit.Rules.Catalog;
using OneVisit.Rules.Precheck;

namespace OneVisit.Rules.Testing;

/// <summary>One thing a policy test expected that the precheck answered differently.</summary>
/// <param name="What">What was compared: <c>verdict</c>, <c>materials.parent_articles</c>, …</param>
/// <param name="Expected">The expected value, as the test file words it.</param>
/// <param name="Actual">The actual value, in the same words.</param>
public sealed record PolicyMismatch(string What, string Expected, string Actual)
{
    /// <inheritdoc />
    public override string ToString() => $"{What}: expected {Expected}, got {Actual}";
}

/// <summary>How one policy test case went.</summary>
/// <param name="Case">The case.</param>
/// <param name="Result">The precheck's answer to a procedure case; null for a bundle case, or when the case could not be run.</param>
/// <param name="Mismatches">Everything that differs from the expectation.</param>
/// <param name="Error">Why the case could not be run, if it could not.</param>
public sealed record PolicyTestOutcome(PolicyTestCase Case, PrecheckResult? Result, IReadOnlyList<PolicyMismatch> Mismatches, string? Error = null)
{
    /// <summary>The bundle precheck's answer to a bundle case; null for a procedure case, or when the case could not be run.</summary>
    public BundlePrecheckResult? BundleResult { get; init; }

    /// <summary>Whether everything the case names came out as expected.</summary>
    public bool Passed => Error is null && Mismatches.Count == 0;

    /// <summary>The rules that fired: the procedure's, or for a bundle each member's that was prechecked, in the bundle's order.</summary>
    public IEnumerable<FiredRule> FiredRules => Result?.FiredRules
        ?? BundleResult?.Members.SelectMany(m => m.Result?.FiredRules ?? []) ?? [];
}

/// <summary>The outcome of a catalogue's policy tests.</summary>
/// <param name="Outcomes">One per case, in file order.</param>
public sealed record PolicyTestReport(IReadOnlyList<PolicyTestOutcome> Outcomes)
{
    /// <summary>How many cases passed.</summary>
    public int Passed => Outcomes.Count(o => o.Passed);

    /// <summary>How many cases failed.</summary>
    public int Failed => Outcomes.Count - Passed;
}
