using OneVisit.Rules.Catalog;
using OneVisit.Rules.Testing;

namespace OneVisit.Cli.Test;

/// <summary>The policy test report for people: a line per case, details only for failures, the totals last.</summary>
internal static class TestReportText
{
    public static void Write(PolicyTestReport report, Terminal output)
    {
        foreach (var outcome in report.Outcomes)
        {
            if (outcome.Passed)
            {
                output.Write("PASS", ConsoleColour.Green);
                output.WriteLine($" {Title(outcome.Case)}");
                continue;
            }

            output.Write("FAIL", ConsoleColour.Red);
            output.WriteLine($" {Title(outcome.Case)} ({outcome.Case.Location})");
            WriteFailure(outcome, output);
        }

        // Scripts read the last line; keep it exactly "N passed, N failed".
        output.WriteLine($"{report.Passed} passed, {report.Failed} failed", report.Failed > 0 ? ConsoleColour.Red : ConsoleColour.Green);
    }

    // A procedure case's name is the whole title, as it always was; a bundle case says which matter it tests.
    private static string Title(PolicyTestCase testCase) =>
        testCase.BundleCode is { } bundle ? $"{testCase.Name} — bundle {bundle}" : testCase.Name;

    private static void WriteFailure(PolicyTestOutcome outcome, Terminal output)
    {
        if (outcome.Error is { } message)
        {
            foreach (var line in message.Split(Environment.NewLine))
            {
                output.WriteLine($"  {line.Trim()}", ConsoleColour.Red);
            }
        }

        foreach (var mismatch in outcome.Mismatches)
        {
            output.WriteLine($"  {mismatch.What}");
            output.WriteLine($"    expected  {mismatch.Expected}");
            output.WriteLine($"    actual    {mismatch.Actual}", ConsoleColour.Red);
        }

        if (outcome.Result is null && outcome.BundleResult is null)
        {
            return;
        }

        output.WriteLine("  rules that fired:");
        var fired = outcome.FiredRules.ToList();
        var width = fired.Select(r => r.Name.Length).DefaultIfEmpty(0).Max();
        foreach (var rule in fired)
        {
            output.Write($"    {rule.Name.PadRight(width)}  {CatalogWords.Of(rule.Result),-7}  ");
            output.WriteLine(rule.Location?.ToString() ?? "(custom rule)", ConsoleColour.Dim);
        }

        if (fired.Count == 0)
        {
            output.WriteLine("    (none)", ConsoleColour.Dim);
        }
    }
}
