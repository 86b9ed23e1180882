using OneVisit.Cli.Cases;
using OneVisit.Cli.Common;
using OneVisit.Rules.Catalog;

namespace OneVisit.Cli.Demo;

/// <summary>The demo's results as JSON (see <see cref="JsonOutput"/> for the convention), for programs and the README's claims to check.</summary>
internal static class DemoJson
{
    public static void Write(Terminal output, IReadOnlyList<ErrandResult> results, string database, TimeZoneInfo zone) => JsonOutput.Write(output, json =>
    {
        json.WriteStartObject();
        json.WriteString("database", database);
        json.WriteString("timeZone", zone.Id);
        json.WriteBoolean("simulatedDepartments", true);
        json.WriteObjects("errands", results, result =>
        {
            var snapshot = result.Case;
            json.WriteNumber("number", result.Errand.Number);
            json.WriteString("procedure", snapshot.ProcedureCode);
            json.WriteText("name", snapshot.ProcedureName);
            json.WriteText("in2017", result.Errand.Then);
            json.WriteWord<Rules.Precheck.Verdict>("precheckVerdict", result.Precheck.Verdict);
            json.WriteString("competentAuthority", result.Precheck.Routing.Authority.Id);
            json.WriteString("forwardedFromWindow", snapshot.ForwardedFromWindowId);
            json.WriteString("caseId", snapshot.CaseId);
            json.WriteWord("outcome", snapshot.Outcome);
            json.WriteWord<ResultDelivery>("delivery", snapshot.Delivery);
            json.WriteNumber("evidenceFetched", snapshot.Evidence.Count(e => e.State == "received"));
            json.WriteNumber("visitsPredicted", snapshot.PredictedVisits);
            json.WriteNumber("visitsMade", snapshot.VisitsMade);
            json.WriteString("submittedAt", CaseWords.IsoTime(snapshot.SubmittedAt, zone));
            json.WriteString("closedAt", snapshot.ClosedAt is { } closed ? CaseWords.IsoTime(closed, zone) : null);
            json.WriteNumber("minutesToResult", (long)result.TimeToResult.TotalMinutes);
            json.WriteStartArray("steps");
            foreach (var step in result.Steps)
            {
                json.WriteStringValue(step.Action);
            }

            json.WriteEndArray();
        });
        json.WriteEndObject();
    });
}
