using System.Text.Json;
using OneVisit.Rules.Catalog;
using OneVisit.Rules.Json;
using OneVisit.Workflows.Cases;

namespace OneVisit.Workflows.Json;

// The sections of one case's object: what it waits for, the departments' evidence, its clocks and the decision.
public static partial class CaseJson
{
    /// <summary><c>awaiting[]</c>: <c>kind</c>, <c>from</c>, <c>action</c>, <c>material</c>, <c>what</c>, <c>due</c>, <c>lastDay</c>, <c>overdue</c>.</summary>
    private static void WriteAwaiting(Utf8JsonWriter json, IReadOnlyList<AwaitedItem> awaiting, TimeZoneInfo zone) =>
        json.WriteObjects("awaiting", awaiting, item =>
        {
            json.WriteString("kind", item.Kind);
            json.WriteString("from", item.From);
            json.WriteString("action", item.Action);
            json.WriteString("material", item.MaterialId);
            json.WriteString("what", item.What);
            WriteInstant(json, "due", item.Due, zone);
            json.WriteDate("lastDay", item.LastDay);
            json.WriteBoolean("overdue", item.Overdue);
        });

    /// <summary><c>evidence[]</c>: each document asked of a department, and its state.</summary>
    private static void WriteEvidence(Utf8JsonWriter json, IReadOnlyList<EvidenceItem> evidence) =>
        json.WriteObjects("evidence", evidence, item =>
        {
            json.WriteString("material", item.MaterialId);
            json.WriteString("document", item.DocumentId);
            json.WriteString("documentName", item.DocumentName);
            json.WriteString("department", item.DepartmentId);
            json.WriteString("state", item.State);
            json.WriteString("note", item.Note);
        });

    /// <summary><c>deadlines[]</c>: each clock, its length, due instant, last day and state (<c>running</c>, <c>met</c>, …).</summary>
    private static void WriteDeadlines(Utf8JsonWriter json, IReadOnlyList<CaseDeadline> deadlines, TimeZoneInfo zone) =>
        json.WriteObjects("deadlines", deadlines, deadline =>
        {
            json.WriteString("kind", deadline.Kind);
            json.WriteNumber("days", deadline.Days);
            json.WriteBoolean("workingDays", deadline.WorkingDays);
            WriteInstant(json, "due", deadline.Due, zone);
            json.WriteDate("lastDay", deadline.LastDay);
            json.WriteString("state", CatalogWords.Of(deadline.State));
        });

    /// <summary><c>decision</c>: the officer, authority, whether approved and why; null before one is made.</summary>
    private static void WriteDecision(Utf8JsonWriter json, CaseDecision? decision)
    {
        if (decision is null)
        {
            json.WriteNull("decision");
            return;
        }

        json.WriteStartObject("decision");
        json.WriteString("officer", decision.OfficerId);
        json.WriteString("authority", decision.AuthorityId);
        json.WriteBoolean("approved", decision.Approved);
        json.WriteString("reason", decision.Reason);
        json.WriteEndObject();
    }
}
