using System.Text.Json;
using OneVisit.Cli.Common;
using OneVisit.Rules.Catalog;
using OneVisit.Rules.Json;
using OneVisit.Workflows.Json;

namespace OneVisit.Cli.Demo;

/// <summary>The demo's results as JSON (see <see cref="JsonOutput"/> for the convention), for programs and the README's claims to check.</summary>
internal static class DemoJson
{
    public static void Write(Terminal output, DemoResults results, string database, TimeZoneInfo zone) => JsonOutput.Write(output, json =>
    {
        json.WriteStartObject();
        json.WriteString("database", database);
        json.WriteString("timeZone", zone.Id);
        json.WriteBoolean("simulatedDepartments", true);
        json.WriteObjects("errands", results.Errands, result =>
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
            CaseJson.WriteInstant(json, "submittedAt", snapshot.SubmittedAt, zone);
            CaseJson.WriteInstant(json, "closedAt", snapshot.ClosedAt, zone);
            json.WriteNumber("minutesToResult", (long)result.TimeToResult.TotalMinutes);
            json.WriteStartArray("steps");
            foreach (var step in result.Steps)
            {
                json.WriteStringValue(step.Action);
            }

            json.WriteEndArray();
        });
        WriteNewborn(json, results.Newborn, zone);
        json.WriteEndObject();
    });

    /// <summary>The fifth act: the naive count member by member, then the bundle case's members, outputs passed on, one delivery and visits.</summary>
    private static void WriteNewborn(Utf8JsonWriter json, NewbornResult result, TimeZoneInfo zone)
    {
        var precheck = result.Precheck;
        var bundle = result.Bundle;
        json.WriteStartObject("newborn");
        json.WriteString("bundle", bundle.BundleCode);
        json.WriteText("name", bundle.BundleName);
        json.WriteText("in2017", Newborn.Then);
        json.WriteObjects("memberByMember", precheck.Members.Where(m => precheck.Visits.PerMember.ContainsKey(m.Procedure.Code)), member =>
        {
            json.WriteString("procedure", member.Procedure.Code);
            json.WriteString("authority", member.Authority?.Id);
            json.WriteNumber("visits", precheck.Visits.PerMember[member.Procedure.Code]);
        });
        json.WriteWord<Rules.Precheck.Verdict>("precheckVerdict", precheck.Verdict);
        json.WriteString("bundleCaseId", bundle.BundleCaseId);
        json.WriteWord("outcome", bundle.Outcome);
        json.WriteBoolean("deliversOnce", bundle.DeliversOnce);
        CaseJson.WriteDeliveries(json, bundle.Deliveries);
        CaseJson.WriteMembers(json, bundle.Members);
        CaseJson.WritePassed(json, bundle.Passed, zone);
        CaseJson.WriteTimeLimit(json, bundle.TimeLimit, zone);
        json.WriteNumber("visitsNaive", bundle.NaiveVisits);
        json.WriteNumber("visitsPredicted", bundle.PredictedVisits);
        json.WriteNumber("visitsMade", bundle.VisitsMade);
        CaseJson.WriteInstant(json, "submittedAt", bundle.SubmittedAt, zone);
        CaseJson.WriteInstant(json, "closedAt", bundle.ClosedAt, zone);
        json.WriteNumber("minutesToResult", (long)result.TimeToResult.TotalMinutes);
        json.WriteStartArray("steps");
        foreach (var step in result.Steps)
        {
            json.WriteStringValue(step.Action);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }
}
