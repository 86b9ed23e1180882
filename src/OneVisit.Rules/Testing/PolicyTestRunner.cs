using OneVisit.Rules.Catalog;
using OneVisit.Rules.Precheck;
using OneVisit.Rules.Testing.Internal;

namespace OneVisit.Rules.Testing;

/// <summary>Runs a catalogue's policy tests (<c>tests/*.yaml</c>) through the precheck, procedures and bundles alike.</summary>
public static class PolicyTestRunner
{
    /// <summary>Runs every case, in order: usually the loader's <c>CatalogLoadResult.Tests</c> for the catalogue the engine checks.</summary>
    public static PolicyTestReport Run(PrecheckEngine engine, IEnumerable<PolicyTestCase> tests)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(tests);
        return new PolicyTestReport([.. tests.Select(c => Run(engine, c))]);
    }

    /// <summary>Runs one case: a procedure case through <see cref="PrecheckEngine.Check"/>, a bundle case through <see cref="PrecheckEngine.CheckBundle"/>.</summary>
    public static PolicyTestOutcome Run(PrecheckEngine engine, PolicyTestCase testCase)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(testCase);
        try
        {
            if (testCase.BundleCode is not null)
            {
                var bundle = engine.CheckBundle(ToBundleRequest(testCase, engine.Catalog.Info));
                return new PolicyTestOutcome(testCase, null, BundleComparison.Compare(testCase.Expect, bundle)) { BundleResult = bundle };
            }

            var result = engine.Check(ToRequest(testCase, engine.Catalog.Info));
            return new PolicyTestOutcome(testCase, result, ProcedureComparison.Compare(testCase.Expect, result));
        }
        catch (InvalidApplicationException e)
        {
            return new PolicyTestOutcome(testCase, null, [], e.Message);
        }
    }

    /// <summary>The precheck request a procedure case describes; judged on the catalogue's as-of date unless the case names one.</summary>
    /// <exception cref="ArgumentException">The case tests a bundle (see <see cref="ToBundleRequest"/>).</exception>
    public static PrecheckRequest ToRequest(PolicyTestCase testCase, CatalogInfo catalog)
    {
        ArgumentNullException.ThrowIfNull(testCase);
        ArgumentNullException.ThrowIfNull(catalog);
        return new PrecheckRequest
        {
            ProcedureCode = testCase.ProcedureCode ?? throw new ArgumentException($"'{testCase.Name}' tests {testCase.Subject}; use ToBundleRequest.", nameof(testCase)),
            AsOf = testCase.AsOf ?? catalog.AsOf,
            WindowId = testCase.WindowId,
            Facts = AnswersOf(testCase),
            Documents = testCase.Documents,
        };
    }

    private static Dictionary<string, object?> AnswersOf(PolicyTestCase testCase) =>
        testCase.Facts.ToDictionary(f => f.Fact.Path, f => f.Value, StringComparer.Ordinal);

    /// <summary>The bundle precheck request a bundle case describes; judged on the catalogue's as-of date unless the case names one.</summary>
    /// <exception cref="ArgumentException">The case tests a procedure (see <see cref="ToRequest"/>).</exception>
    public static BundlePrecheckRequest ToBundleRequest(PolicyTestCase testCase, CatalogInfo catalog)
    {
        ArgumentNullException.ThrowIfNull(testCase);
        ArgumentNullException.ThrowIfNull(catalog);
        return new BundlePrecheckRequest
        {
            BundleCode = testCase.BundleCode ?? throw new ArgumentException($"'{testCase.Name}' tests {testCase.Subject}; use ToRequest.", nameof(testCase)),
            AsOf = testCase.AsOf ?? catalog.AsOf,
            WindowId = testCase.WindowId,
            Facts = AnswersOf(testCase),
            Documents = testCase.Documents,
            LeftOut = testCase.LeftOut,
        };
    }
}
