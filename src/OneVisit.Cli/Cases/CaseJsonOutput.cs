using System.Text.Json;
using OneVisit.Cli.Common;
using OneVisit.Rules.Catalog;
using OneVisit.Workflows.Cases;

namespace OneVisit.Cli.Cases;

/// <summary>
/// The case commands' JSON, in the convention of <see cref="JsonOutput"/>: camelCase names, times in ISO 8601 with
/// the offices' offset. Written field by field, so the shape is documented here and does not follow the library's records.
/// </summary>
internal static class CaseJsonOutput
{
    public static void WriteList(Terminal output, IReadOnlyList<CaseSummary> cases, TimeZoneInfo zone) => JsonOutput.Write(output, json =>
    {
        json.WriteStartObject();
        json.WriteObjects("cases", cases, summary =>
        {
            json.WriteString("caseId", summary.CaseId);
            // "bundle" for a bundle case (procedure is then the bundle's code), "member" for a case of one of its members.
            json.WriteString("kind", summary.IsBundle ? "bundle" : summary.BundleCaseId is null ? "case" : "member");
            json.WriteString("bundleCaseId", summary.IsBundle ? summary.CaseId : summary.BundleCaseId);
            json.WriteString("procedure", summary.ProcedureCode);
            json.WriteString("applicant", summary.ApplicantId);
            json.WriteWord<CaseStage>("stage", summary.Stage);
            json.WriteWord("outcome", summary.Outcome);
            json.WriteString("authority", summary.AuthorityId);
            WriteInstant(json, "submittedAt", summary.SubmittedAt, zone);
            WriteInstant(json, "closedAt", summary.ClosedAt, zone);
            WriteInstant(json, "purgedAt", summary.PurgedAt, zone);
        });
        json.WriteEndObject();
    });

    public static void WriteCase(Terminal output, CaseDetails details, TimeZoneInfo zone) => JsonOutput.Write(output, json =>
    {
        var snapshot = details.Case;
        json.WriteStartObject();
        json.WriteString("caseId", snapshot.CaseId);
        json.WriteString("procedure", snapshot.ProcedureCode);
        json.WriteNumber("procedureVersion", snapshot.ProcedureVersion);
        json.WriteText("procedureName", snapshot.ProcedureName);
        json.WriteString("applicant", snapshot.ApplicantId);
        json.WriteString("bundleCaseId", snapshot.BundleCaseId);
        WriteAuditChain(json, details.AuditChain);
        json.WriteWord<CaseStage>("stage", snapshot.Stage);
        json.WriteWord("outcome", snapshot.Outcome);
        json.WriteString("outcomeReason", snapshot.OutcomeReason);
        json.WriteString("authority", snapshot.AuthorityId);
        json.WriteString("forwardedFromWindow", snapshot.ForwardedFromWindowId);
        WriteInstant(json, "submittedAt", snapshot.SubmittedAt, zone);
        WriteInstant(json, "closedAt", snapshot.ClosedAt, zone);
        json.WriteObjects("awaiting", snapshot.Awaiting, item =>
        {
            json.WriteString("kind", item.Kind);
            json.WriteString("from", item.From);
            json.WriteString("action", item.Action);
            json.WriteString("material", item.MaterialId);
            json.WriteString("what", item.What);
            WriteInstant(json, "due", item.Due, zone);
            json.WriteString("lastDay", item.LastDay?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            json.WriteBoolean("overdue", item.Overdue);
        });
        json.WriteObjects("evidence", snapshot.Evidence, item =>
        {
            json.WriteString("material", item.MaterialId);
            json.WriteString("document", item.DocumentId);
            json.WriteString("documentName", item.DocumentName);
            json.WriteString("department", item.DepartmentId);
            json.WriteString("state", item.State);
            json.WriteString("note", item.Note);
        });
        json.WriteObjects("deadlines", snapshot.Deadlines, deadline =>
        {
            json.WriteString("kind", deadline.Kind);
            json.WriteNumber("days", deadline.Days);
            json.WriteBoolean("workingDays", deadline.WorkingDays);
            WriteInstant(json, "due", deadline.Due, zone);
            json.WriteString("lastDay", deadline.LastDay?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            json.WriteString("state", CaseWords.DeadlineState(deadline.State));
        });
        json.WriteString("clockPausedFor", snapshot.ClockPausedFor);
        if (snapshot.Decision is { } decision)
        {
            json.WriteStartObject("decision");
            json.WriteString("officer", decision.OfficerId);
            json.WriteString("authority", decision.AuthorityId);
            json.WriteBoolean("approved", decision.Approved);
            json.WriteString("reason", decision.Reason);
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("decision");
        }

        json.WriteWord<ResultDelivery>("delivery", snapshot.Delivery);
        json.WriteStartArray("forOfficer");
        foreach (var note in snapshot.ForOfficer)
        {
            json.WriteStringValue(note);
        }

        json.WriteEndArray();
        json.WriteObjects("acceptedGaps", snapshot.AcceptedGaps, gap =>
        {
            json.WriteString("material", gap.MaterialId);
            json.WriteString("documentName", gap.DocumentName);
            json.WriteString("lastDay", gap.LastDay.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            json.WriteString("state", gap.State);
            json.WriteString("onMissed", gap.OnMissed);
        });
        json.WriteNumber("visitsPredicted", snapshot.PredictedVisits);
        json.WriteNumber("visitsMade", snapshot.VisitsMade);
        WriteVisits(json, details.Visits, zone);
        WriteCommitments(json, details.Commitments, zone);
        WriteAudit(json, details.Audit, zone);
        json.WriteEndObject();
    });

    /// <summary>
    /// A case whose documents retention purged: its index row's fields as <see cref="WriteList"/> writes them, with
    /// <c>purged: true</c>, <c>purgedAt</c>, the audit chain, and its visits, commitments and audit trail.
    /// </summary>
    public static void WritePurged(Terminal output, PurgedCaseDetails details, TimeZoneInfo zone) => JsonOutput.Write(output, json =>
    {
        var summary = details.Purged.Case;
        json.WriteStartObject();
        json.WriteString("caseId", summary.CaseId);
        json.WriteString("kind", summary.IsBundle ? "bundle" : summary.BundleCaseId is null ? "case" : "member");
        json.WriteString("bundleCaseId", summary.IsBundle ? summary.CaseId : summary.BundleCaseId);
        json.WriteString("procedure", summary.ProcedureCode);
        json.WriteString("applicant", summary.ApplicantId);
        json.WriteBoolean("purged", true);
        WriteAuditChain(json, details.AuditChain);
        json.WriteWord<CaseStage>("stage", summary.Stage);
        json.WriteWord("outcome", summary.Outcome);
        json.WriteString("authority", summary.AuthorityId);
        WriteInstant(json, "submittedAt", summary.SubmittedAt, zone);
        WriteInstant(json, "closedAt", summary.ClosedAt, zone);
        WriteInstant(json, "purgedAt", details.Purged.PurgedAt, zone);
        WriteVisits(json, details.Visits, zone);
        WriteCommitments(json, details.Commitments, zone);
        WriteAudit(json, details.Audit, zone);
        json.WriteEndObject();
    });

    /// <summary><c>commitments[]</c>: <c>material</c>, <c>kind</c>, <c>dueOn</c>, <c>recordedAt</c>.</summary>
    private static void WriteCommitments(Utf8JsonWriter json, IReadOnlyList<Workflows.Commitments.CommitmentEntry> commitments, TimeZoneInfo zone) =>
        json.WriteObjects("commitments", commitments, entry =>
        {
            json.WriteString("material", entry.MaterialId);
            json.WriteString("kind", CatalogWords.Of(entry.Kind));
            json.WriteDate("dueOn", entry.DueOn);
            WriteInstant(json, "recordedAt", entry.RecordedAt, zone);
        });

    /// <summary><c>visits[]</c>: <c>at</c>, <c>purpose</c>, <c>window</c>.</summary>
    public static void WriteVisits(Utf8JsonWriter json, IReadOnlyList<Workflows.Visits.VisitRecord> visits, TimeZoneInfo zone)
    {
        json.WriteObjects("visits", visits, visit =>
        {
            WriteInstant(json, "at", visit.At, zone);
            json.WriteString("purpose", visit.Purpose);
            json.WriteString("window", visit.WindowId);
        });
    }

    /// <summary><c>audit[]</c>: <c>sequence</c>, <c>at</c>, <c>actor</c>, <c>action</c>, <c>detail</c>, <c>dataRequested</c>, <c>purpose</c>.</summary>
    public static void WriteAudit(Utf8JsonWriter json, IReadOnlyList<Workflows.Audit.AuditEntry> audit, TimeZoneInfo zone)
    {
        json.WriteObjects("audit", audit, entry =>
        {
            json.WriteNumber("sequence", entry.Sequence);
            WriteInstant(json, "at", entry.At, zone);
            json.WriteString("actor", entry.Actor);
            json.WriteString("action", entry.Action);
            json.WriteString("detail", entry.Detail);
            json.WriteString("dataRequested", entry.DataRequested);
            json.WriteString("purpose", entry.Purpose);
        });
    }

    public static void WriteInstant(Utf8JsonWriter json, string name, DateTimeOffset? instant, TimeZoneInfo zone)
    {
        if (instant is { } at)
        {
            json.WriteString(name, CaseWords.IsoTime(at, zone));
        }
        else
        {
            json.WriteNull(name);
        }
    }

    /// <summary>The case's audit chain as verified without a key (<c>audit verify --json</c>'s fields), or null when it has no lines.</summary>
    private static void WriteAuditChain(System.Text.Json.Utf8JsonWriter json, Workflows.Audit.AuditChainCheck? check)
    {
        if (check is null)
        {
            json.WriteNull("auditChain");
            return;
        }

        json.WriteStartObject("auditChain");
        Audit.AuditJson.WriteCheck(json, check);
        json.WriteEndObject();
    }
}
