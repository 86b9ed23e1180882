using System.Text.Json;
using OneVisit.Cli.Common;
using OneVisit.Rules.Catalog;
using OneVisit.Workflows.Bundles;
using OneVisit.Workflows.Cases;

namespace OneVisit.Cli.Cases;

/// <summary>
/// <c>cases show --json</c> of a bundle case, in the convention of <see cref="JsonOutput"/>. Its head has the
/// names a single case's has where they mean the same (stage, outcome, visits), and <c>kind: "bundle"</c>.
/// </summary>
internal static class BundleCaseJson
{
    public static void Write(Terminal output, BundleDetails details, TimeZoneInfo zone) => JsonOutput.Write(output, json =>
    {
        var bundle = details.Bundle;
        json.WriteStartObject();
        json.WriteString("kind", "bundle");
        json.WriteString("bundleCaseId", bundle.BundleCaseId);
        json.WriteString("bundle", bundle.BundleCode);
        json.WriteNumber("bundleVersion", bundle.BundleVersion);
        json.WriteText("bundleName", bundle.BundleName);
        json.WriteString("applicant", bundle.ApplicantId);
        json.WriteWord<CaseStage>("stage", bundle.Stage);
        json.WriteWord("outcome", bundle.Outcome);
        json.WriteString("outcomeReason", bundle.OutcomeReason);
        json.WriteString("window", bundle.WindowId);
        CaseJsonOutput.WriteInstant(json, "submittedAt", bundle.SubmittedAt, zone);
        CaseJsonOutput.WriteInstant(json, "acceptedAt", bundle.AcceptedAt, zone);
        CaseJsonOutput.WriteInstant(json, "closedAt", bundle.ClosedAt, zone);
        WriteTimeLimit(json, bundle.TimeLimit, zone);
        json.WriteString("notice", bundle.Notice);
        json.WriteBoolean("deliversOnce", bundle.DeliversOnce);
        WriteDeliveries(json, bundle.Deliveries);
        json.WriteNumber("visitsPredicted", bundle.PredictedVisits);
        json.WriteNumber("visitsNaive", bundle.NaiveVisits);
        json.WriteNumber("visitsMade", bundle.VisitsMade);
        WriteMembers(json, bundle.Members);
        WritePassed(json, bundle.Passed, zone);
        json.WriteObjects("awaiting", bundle.Awaiting, item =>
        {
            json.WriteString("kind", item.Kind);
            json.WriteString("from", item.From);
            json.WriteString("action", item.Action);
            json.WriteString("what", item.What);
            CaseJsonOutput.WriteInstant(json, "due", item.Due, zone);
        });
        CaseJsonOutput.WriteVisits(json, details.Visits, zone);
        CaseJsonOutput.WriteAudit(json, details.Audit, zone);
        json.WriteEndObject();
    });

    /// <summary><c>deliveries[]</c>: the ways the results go (each member's own), in the catalogue's words.</summary>
    public static void WriteDeliveries(Utf8JsonWriter json, IReadOnlyList<ResultDelivery> deliveries)
    {
        json.WriteStartArray("deliveries");
        foreach (var delivery in deliveries)
        {
            json.WriteStringValue(CatalogWords.Of(delivery));
        }

        json.WriteEndArray();
    }

    /// <summary><c>members[]</c>: each member's procedure, state (<c>cannot_start_yet</c>, <c>done</c>, …), case, authority, why and what it waits for.</summary>
    public static void WriteMembers(Utf8JsonWriter json, IReadOnlyList<BundleMemberStatus> members) => json.WriteObjects("members", members, member =>
    {
        json.WriteString("procedure", member.ProcedureCode);
        json.WriteNumber("procedureVersion", member.ProcedureVersion);
        json.WriteText("procedureName", member.ProcedureName);
        json.WriteWord<BundleMemberState>("state", member.State);
        json.WriteString("caseId", member.CaseId);
        json.WriteString("authority", member.AuthorityId);
        json.WriteWord<ResultDelivery>("delivery", member.Delivery);
        json.WriteString("why", member.Why);
        json.WriteStartArray("waitsFor");
        foreach (var output in member.WaitsFor)
        {
            json.WriteStringValue(output);
        }

        json.WriteEndArray();
        json.WriteWord("caseStage", member.CaseStage);
        json.WriteWord("outcome", member.Outcome);
    });

    /// <summary><c>passed[]</c>: each output one member gave another.</summary>
    public static void WritePassed(Utf8JsonWriter json, IReadOnlyList<PassedOutput> passed, TimeZoneInfo zone) => json.WriteObjects("passed", passed, item =>
    {
        json.WriteString("document", item.DocumentId);
        json.WriteText("documentName", item.DocumentName);
        json.WriteString("from", item.FromProcedure);
        json.WriteString("fromCaseId", item.FromCaseId);
        json.WriteString("to", item.ToProcedure);
        json.WriteString("toCaseId", item.ToCaseId);
        json.WriteWord<FlowVia>("via", item.Via);
        CaseJsonOutput.WriteInstant(json, "at", item.At, zone);
    });

    /// <summary><c>timeLimit</c>: the bundle's promise from acceptance, or null before it.</summary>
    public static void WriteTimeLimit(Utf8JsonWriter json, CaseDeadline? limit, TimeZoneInfo zone)
    {
        if (limit is null)
        {
            json.WriteNull("timeLimit");
            return;
        }

        json.WriteStartObject("timeLimit");
        json.WriteNumber("days", limit.Days);
        json.WriteBoolean("workingDays", limit.WorkingDays);
        CaseJsonOutput.WriteInstant(json, "due", limit.Due, zone);
        json.WriteDate("lastDay", limit.LastDay);
        json.WriteString("state", CaseWords.DeadlineState(limit.State));
        json.WriteEndObject();
    }
}
