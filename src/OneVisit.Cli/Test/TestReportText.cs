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
                output.WriteLine($" {outcome.Case.Name}");
                continue;
            }

            output.Write("FAIL", ConsoleColour.Red);
            output.WriteLine($" {outcome.Case.Name} ({outcome.Case.Location})");
            WriteFailure(outcome, output);
        }

        // Scripts read the last line; keep it exactly "N passed, N failed".
        output.WriteLine($"{report.Passed} passed, {report.Failed} failed", report.Failed > 0 ? ConsoleColour.Red : ConsoleColour.Green);
    }

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

        if (outcome.Result is not { } result)
        {
            return;
        }

        output.WriteLine("  rules that fired:");
        var width = result.FiredRules.Select(r => r.Name.Length).DefaultIfEmpty(0).Max();
        foreach (var rule in result.FiredRules)
        {
            output.Write($"    {rule.Name.PadRight(width)}  {CatalogWords.Of(rule.Result),-7}  ");
            output.WriteLine(rule.Location?.ToString() ?? "(custom rule)", ConsoleColour.Dim);
        }

        if (result.FiredRules.Count == 0)
        {
            output.WriteLine("    (none)", ConsoleColour.Dim);
        }
    }
}
