using OneVisit.Cli.Cases;
using OneVisit.Cli.Common;
using OneVisit.Rules.Catalog;

namespace OneVisit.Cli.Demo;

/// <summary>The demo's results as JSON, for programs (and the README's claims) to check.</summary>
internal static class DemoJson
{
    public static void Write(Terminal output, IReadOnlyList<ErrandResult> results, string database, TimeZoneInfo zone) => JsonOutput.Write(output, json =>
    {
        json.WriteStartObject();
        json.WriteString("database", database);
        json.WriteString("time_zone", zone.Id);
        json.WriteBoolean("simulated_departments", true);
        json.WriteObjects("errands", results, result =>
        {
            var snapshot = result.Case;
            json.WriteNumber("number", result.Errand.Number);
            json.WriteString("procedure", snapshot.ProcedureCode);
            json.WriteText("name", snapshot.ProcedureName);
            json.WriteString("in_2017", result.Errand.Then);
            json.WriteString("precheck_verdict", CatalogWords.Of(result.Precheck.Verdict));
            json.WriteString("competent_authority", result.Precheck.Routing.Authority.Id);
            json.WriteString("forwarded_from_window", snapshot.ForwardedFromWindowId);
            json.WriteString("case_id", snapshot.CaseId);
            json.WriteString("outcome", CaseWords.Outcome(snapshot.Outcome));
            json.WriteString("delivery", snapshot.Delivery is { } delivery ? CatalogWords.Of(delivery) : null);
            json.WriteNumber("evidence_fetched", snapshot.Evidence.Count(e => e.State == "received"));
            json.WriteNumber("visits_predicted", snapshot.PredictedVisits);
            json.WriteNumber("visits_made", snapshot.VisitsMade);
            json.WriteString("submitted_at", CaseWords.IsoTime(snapshot.SubmittedAt, zone));
            json.WriteString("closed_at", snapshot.ClosedAt is { } closed ? CaseWords.IsoTime(closed, zone) : null);
            json.WriteNumber("minutes_to_result", (long)result.TimeToResult.TotalMinutes);
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
