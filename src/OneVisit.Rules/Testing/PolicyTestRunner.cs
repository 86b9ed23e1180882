using System.Globalization;
using OneVisit.Rules.Catalog;
using OneVisit.Rules.Expressions;
using OneVisit.Rules.Precheck;

namespace OneVisit.Rules.Testing;

/// <summary>Runs a catalogue's policy tests (<c>tests/*.yaml</c>) through the precheck.</summary>
public static class PolicyTestRunner
{
    /// <summary>Runs every case, in order: usually the loader's <c>CatalogLoadResult.Tests</c> for the catalogue the engine checks.</summary>
    public static PolicyTestReport Run(PrecheckEngine engine, IEnumerable<PolicyTestCase> tests)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(tests);
        return new PolicyTestReport([.. tests.Select(c => Run(engine, c))]);
    }

    /// <summary>Runs one case.</summary>
    public static PolicyTestOutcome Run(PrecheckEngine engine, PolicyTestCase testCase)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(testCase);
        PrecheckResult result;
        try
        {
            result = engine.Check(ToRequest(testCase, engine.Catalog.Info));
        }
        catch (InvalidApplicationException e)
        {
            return new PolicyTestOutcome(testCase, null, [], e.Message);
        }

        return new PolicyTestOutcome(testCase, result, Compare(testCase.Expect, result));
    }

    /// <summary>The precheck request a test case describes; judged on the catalogue's as-of date unless the case names one.</summary>
    public static PrecheckRequest ToRequest(PolicyTestCase testCase, CatalogInfo catalog)
    {
        ArgumentNullException.ThrowIfNull(testCase);
        ArgumentNullException.ThrowIfNull(catalog);
        return new PrecheckRequest
        {
            ProcedureCode = testCase.ProcedureCode,
            AsOf = testCase.AsOf ?? catalog.AsOf,
            WindowId = testCase.WindowId,
            Facts = testCase.Facts.ToDictionary(f => f.Fact.Path, f => f.Value, StringComparer.Ordinal),
            Documents = testCase.Documents,
        };
    }

    private static List<PolicyMismatch> Compare(PolicyExpectation expect, PrecheckResult actual)
    {
        var mismatches = new List<PolicyMismatch>();
        if (expect.Verdict is { } verdict && verdict != actual.Verdict)
        {
            mismatches.Add(new("verdict", CatalogWords.Of(verdict), CatalogWords.Of(actual.Verdict)));
        }

        if (expect.Eligible is { } eligible && (eligible ? Truth.True : Truth.False) != actual.Eligibility.Eligible)
        {
            mismatches.Add(new("eligible", Word(eligible), actual.Eligibility.Eligible switch
            {
                Truth.True => "true",
                Truth.False => "false",
                _ => "unknown (" + string.Join(", ", actual.OpenQuestions.Select(q => q.Path)) + ")",
            }));
        }

        if (expect.AuthorityId is { } authority && authority != actual.Routing.Authority.Id)
        {
            mismatches.Add(new("authority", authority, actual.Routing.Authority.Id));
        }

        if (expect.ForwardedTo is { } forwarded && forwarded != actual.Routing.ForwardedTo?.Id)
        {
            mismatches.Add(new("forwarded_to", forwarded, actual.Routing.ForwardedTo?.Id ?? "(not forwarded)"));
        }

        if (expect.Visits is { } visits && visits != actual.Visits.Count)
        {
            mismatches.Add(new("visits", visits.ToString(CultureInfo.InvariantCulture), actual.Visits.Count.ToString(CultureInfo.InvariantCulture)));
        }

        foreach (var (id, status) in expect.Materials)
        {
            var material = actual.Materials.FirstOrDefault(m => m.Id == id);
            var got = material is null ? "(no such material)" : CatalogWords.Of(material.Status);
            if (material?.Status != status)
            {
                mismatches.Add(new($"materials.{id}", CatalogWords.Of(status), got));
            }
        }

        foreach (var fact in expect.OpenQuestions)
        {
            if (!actual.OpenQuestions.Any(q => q.Path == fact.Path))
            {
                mismatches.Add(new("open_questions", $"to include {fact.Path}",
                    actual.OpenQuestions.Count == 0 ? "none" : string.Join(", ", actual.OpenQuestions.Select(q => q.Path))));
            }
        }

        return mismatches;
    }

    private static string Word(bool value) => value ? "true" : "false";
}
