using System.Globalization;
using System.Text.Json;
using OneVisit.Rules.Catalog;
using OneVisit.Rules.Json;
using OneVisit.Workflows.Cases;

namespace OneVisit.Workflows.Json;

/// <summary>
/// Cases as JSON: the documents <c>onevisit cases list --json</c> and <c>cases show --json</c> print and the HTTP
/// API returns, written here once so the two cannot drift. The convention is <see cref="OneVisitJson"/>'s
/// (docs/cli.md, "JSON output"): camelCase names, the catalogue's words (<c>not_yet</c>), dates <c>yyyy-MM-dd</c>,
/// bilingual text <c>{"text", "en"}</c>, absent as <c>null</c>, and instants ISO 8601 with the offset of the
/// offices' <see cref="TimeZoneInfo"/>. Written field by field, so the shape is documented here and does not follow
/// the library's records.
/// </summary>
public static partial class CaseJson
{
    /// <summary>
    /// Writes a list of cases as one whole object, <c>{"cases": [...]}</c>; each has <c>caseId</c>, <c>kind</c>
    /// (<c>case</c>, <c>bundle</c>, or <c>member</c> of a bundle case), <c>bundleCaseId</c>, <c>procedure</c>,
    /// <c>applicant</c>, <c>stage</c>, <c>outcome</c>, <c>authority</c>, <c>submittedAt</c>, <c>closedAt</c> and <c>purgedAt</c>.
    /// </summary>
    /// <param name="json">The writer, positioned where a value may start.</param>
    /// <param name="cases">The cases, in the order to write them.</param>
    /// <param name="zone">The offices' time zone, whose offset the instants carry.</param>
    public static void WriteList(Utf8JsonWriter json, IReadOnlyList<CaseSummary> cases, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(cases);
        ArgumentNullException.ThrowIfNull(zone);
        json.WriteStartObject();
        json.WriteObjects("cases", cases, summary =>
        {
            WriteSummaryHead(json, summary);
            json.WriteWord<CaseStage>("stage", summary.Stage);
            json.WriteWord("outcome", summary.Outcome);
            json.WriteString("authority", summary.AuthorityId);
            WriteInstant(json, "submittedAt", summary.SubmittedAt, zone);
            WriteInstant(json, "closedAt", summary.ClosedAt, zone);
            WriteInstant(json, "purgedAt", summary.PurgedAt, zone);
        });
        json.WriteEndObject();
    }

    /// <summary>
    /// Writes one case as one whole object: its procedure and applicant, <c>auditChain</c>, <c>stage</c> and
    /// <c>outcome</c>, what it is <c>awaiting</c>, <c>evidence</c> requests, <c>deadlines</c>, the <c>decision</c>,
    /// <c>delivery</c>, accepted gaps, visits predicted and made, and the <c>visits</c>, <c>commitments</c> and
    /// <c>audit</c> ledgers.
    /// </summary>
    /// <param name="json">The writer, positioned where a value may start.</param>
    /// <param name="snapshot">The case, as <see cref="ICaseService"/> reads it.</param>
    /// <param name="zone">The offices' time zone, whose offset the instants carry.</param>
    /// <param name="parts">
    /// The ledgers and checks read beside the case. Null, or a null member: that field is written as <c>null</c>
    /// (not read), which a reader tells from <c>[]</c> (read, and empty); the object is complete and valid either way.
    /// </param>
    public static void WriteCase(Utf8JsonWriter json, CaseSnapshot snapshot, TimeZoneInfo zone, CaseJsonParts? parts = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(zone);
        json.WriteStartObject();
        json.WriteString("caseId", snapshot.CaseId);
        json.WriteString("procedure", snapshot.ProcedureCode);
        json.WriteNumber("procedureVersion", snapshot.ProcedureVersion);
        json.WriteText("procedureName", snapshot.ProcedureName);
        json.WriteString("applicant", snapshot.ApplicantId);
        json.WriteString("bundleCaseId", snapshot.BundleCaseId);
        WriteAuditChain(json, parts?.AuditChain);
        json.WriteWord<CaseStage>("stage", snapshot.Stage);
        json.WriteWord("outcome", snapshot.Outcome);
        json.WriteString("outcomeReason", snapshot.OutcomeReason);
        json.WriteString("authority", snapshot.AuthorityId);
        json.WriteString("forwardedFromWindow", snapshot.ForwardedFromWindowId);
        WriteInstant(json, "submittedAt", snapshot.SubmittedAt, zone);
        WriteInstant(json, "closedAt", snapshot.ClosedAt, zone);
        WriteAwaiting(json, snapshot.Awaiting, zone);
        WriteEvidence(json, snapshot.Evidence);
        WriteDeadlines(json, snapshot.Deadlines, zone);
        json.WriteString("clockPausedFor", snapshot.ClockPausedFor);
        WriteDecision(json, snapshot.Decision);
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
            json.WriteDate("lastDay", gap.LastDay);
            json.WriteString("state", gap.State);
            json.WriteString("onMissed", gap.OnMissed);
        });
        json.WriteNumber("visitsPredicted", snapshot.PredictedVisits);
        json.WriteNumber("visitsMade", snapshot.VisitsMade);
        WriteVisits(json, parts?.Visits, zone);
        WriteCommitments(json, parts?.Commitments, zone);
        WriteAudit(json, parts?.Audit, zone);
        json.WriteEndObject();
    }

    /// <summary>
    /// Writes <paramref name="name"/>: an instant as ISO 8601 with <paramref name="zone"/>'s offset at that instant
    /// (<c>2017-02-20T10:20:00+08:00</c>), or <c>null</c>; the one way every case document writes a time.
    /// </summary>
    public static void WriteInstant(Utf8JsonWriter json, string name, DateTimeOffset? instant, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(zone);
        if (instant is { } at)
        {
            json.WriteString(name, TimeZoneInfo.ConvertTime(at, zone).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture));
        }
        else
        {
            json.WriteNull(name);
        }
    }

    // The head a list row and a purged case share: which case, of what kind, for which procedure and applicant.
    private static void WriteSummaryHead(Utf8JsonWriter json, CaseSummary summary)
    {
        json.WriteString("caseId", summary.CaseId);
        // "bundle" for a bundle case (procedure is then the bundle's code), "member" for a case of one of its members.
        json.WriteString("kind", summary.IsBundle ? "bundle" : summary.BundleCaseId is null ? "case" : "member");
        json.WriteString("bundleCaseId", summary.IsBundle ? summary.CaseId : summary.BundleCaseId);
        json.WriteString("procedure", summary.ProcedureCode);
        json.WriteString("applicant", summary.ApplicantId);
    }
}
