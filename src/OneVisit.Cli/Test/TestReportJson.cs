using OneVisit.Cli.Common;
using OneVisit.Rules.Json;
using OneVisit.Rules.Testing;

namespace OneVisit.Cli.Test;

/// <summary>The policy test report as one JSON document: every case, its mismatches and fired rules, and the totals.</summary>
internal static class TestReportJson
{
    public static void Write(string directory, PolicyTestReport report, Terminal output) => JsonOutput.Write(output, json =>
    {
        json.WriteStartObject();
        json.WriteString("catalog", directory);
        json.WriteObjects("cases", report.Outcomes, outcome =>
        {
            json.WriteString("name", outcome.Case.Name);
            json.WriteString("procedure", outcome.Case.ProcedureCode);
            json.WriteString("bundle", outcome.Case.BundleCode);
            json.WriteLocation("location", outcome.Case.Location);
            json.WriteBoolean("passed", outcome.Passed);
            json.WriteStartArray("mismatches");
            foreach (var mismatch in outcome.Mismatches)
            {
                json.WriteStartObject();
                json.WriteString("what", mismatch.What);
                json.WriteString("expected", mismatch.Expected);
                json.WriteString("actual", mismatch.Actual);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteString("error", outcome.Error);
            json.WriteStartArray("firedRules");
            foreach (var rule in outcome.FiredRules)
            {
                json.WriteStartObject();
                json.WriteString("name", rule.Name);
                json.WriteTruth("result", rule.Result);
                json.WriteString("condition", rule.Condition);
                json.WriteLocation("location", rule.Location);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        });
        json.WriteStartObject("totals");
        json.WriteNumber("passed", report.Passed);
        json.WriteNumber("failed", report.Failed);
        json.WriteEndObject();
        json.WriteEndObject();
    });
}
