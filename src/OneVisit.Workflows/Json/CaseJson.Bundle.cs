using System.Text.Json;
using OneVisit.Rules.Catalog;
using OneVisit.Rules.Json;
using OneVisit.Workflows.Bundles;
using OneVisit.Workflows.Cases;

namespace OneVisit.Workflows.Json;

// A bundle case (一件事): its head has the names a single case's has where they mean the same (stage, outcome,
// visits), and kind "bundle". Its pieces are public for documents that show a bundle's members or time limit
// beside other things (the demo's report, an officer's view).
public static partial class CaseJson
{
    /// <summary>
    /// Writes a bundle case as one whole object: <c>kind: "bundle"</c>, the bundle and applicant, <c>stage</c> and
    /// <c>outcome</c>, acceptance and <c>timeLimit</c>, the one <c>notice</c>, <c>deliveries</c>, visits predicted,
    /// naive and made, its <c>members</c>, what was <c>passed</c> between them, what it is <c>awaiting</c>, and the
    /// <c>visits</c> and <c>audit</c> ledgers.
    /// </summary>
    /// <param name="json">The writer, positioned where a value may start.</param>
    /// <param name="bundle">The bundle case, as <see cref="IBundleCaseService"/> reads it.</param>
    /// <param name="zone">The offices' time zone, whose offset the instants carry.</param>
    /// <param name="parts">
    /// Its <see cref="CaseJsonParts.Visits"/> and <see cref="CaseJsonParts.Audit"/> (the others belong to a single
    /// case and are not written); null, or a null member: written as <c>null</c>.
    /// </param>
    public static void WriteBundle(Utf8JsonWriter json, BundleCaseSnapshot bundle, TimeZoneInfo zone, CaseJsonParts? parts = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(bundle);
        ArgumentNullException.ThrowIfNull(zone);
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
        WriteInstant(json, "submittedAt", bundle.SubmittedAt, zone);
        WriteInstant(json, "acceptedAt", bundle.AcceptedAt, zone);
        WriteInstant(json, "closedAt", bundle.ClosedAt, zone);
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
            WriteInstant(json, "due", item.Due, zone);
        });
        WriteVisits(json, parts?.Visits, zone);
        WriteAudit(json, parts?.Audit, zone);
        json.WriteEndObject();
    }

    /// <summary>Writes <c>deliveries</c>: the ways a bundle's results go (each member's own), as the catalogue's words.</summary>
    public static void WriteDeliveries(Utf8JsonWriter json, IReadOnlyList<ResultDelivery> deliveries)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(deliveries);
        json.WriteStartArray("deliveries");
        foreach (var delivery in deliveries)
        {
            json.WriteStringValue(CatalogWords.Of(delivery));
        }

        json.WriteEndArray();
    }

    /// <summary>
    /// Writes <c>members</c>: each member's procedure, <c>state</c> (<c>cannot_start_yet</c>, <c>done</c>, …), case,
    /// authority, delivery, why, what it waits for, and its case's stage and outcome.
    /// </summary>
    public static void WriteMembers(Utf8JsonWriter json, IReadOnlyList<BundleMemberStatus> members)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(members);
        json.WriteObjects("members", members, member =>
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
    }

    /// <summary>Writes <c>passed</c>: each output one member gave another (document, from, to, via, at).</summary>
    public static void WritePassed(Utf8JsonWriter json, IReadOnlyList<PassedOutput> passed, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(passed);
        ArgumentNullException.ThrowIfNull(zone);
        json.WriteObjects("passed", passed, item =>
        {
            json.WriteString("document", item.DocumentId);
            json.WriteText("documentName", item.DocumentName);
            json.WriteString("from", item.FromProcedure);
            json.WriteString("fromCaseId", item.FromCaseId);
            json.WriteString("to", item.ToProcedure);
            json.WriteString("toCaseId", item.ToCaseId);
            json.WriteWord<FlowVia>("via", item.Via);
            WriteInstant(json, "at", item.At, zone);
        });
    }

    /// <summary>Writes <c>timeLimit</c>: a bundle's promise from acceptance (<c>days</c>, <c>workingDays</c>, <c>due</c>, <c>lastDay</c>, <c>state</c>), or <c>null</c> before it.</summary>
    public static void WriteTimeLimit(Utf8JsonWriter json, CaseDeadline? limit, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(zone);
        if (limit is null)
        {
            json.WriteNull("timeLimit");
            return;
        }

        json.WriteStartObject("timeLimit");
        json.WriteNumber("days", limit.Days);
        json.WriteBoolean("workingDays", limit.WorkingDays);
        WriteInstant(json, "due", limit.Due, zone);
        json.WriteDate("lastDay", limit.LastDay);
        json.WriteString("state", CatalogWords.Of(limit.State));
        json.WriteEndObject();
    }
}
