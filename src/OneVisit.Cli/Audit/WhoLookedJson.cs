using OneVisit.Cli.Common;
using OneVisit.Rules.Json;
using OneVisit.Workflows.Audit;
using OneVisit.Workflows.Json;

namespace OneVisit.Cli.Audit;

/// <summary><c>audit who-looked --json</c>: <c>{"subjectId", "accesses": [{"at", "who", "caseId", "what", "why"}]}</c>.</summary>
internal static class WhoLookedJson
{
    public static void Write(Terminal output, string subjectId, IReadOnlyList<DataAccess> accesses, TimeZoneInfo zone) => JsonOutput.Write(output, json =>
    {
        json.WriteStartObject();
        json.WriteString("subjectId", subjectId);
        json.WriteObjects("accesses", accesses, access =>
        {
            CaseJson.WriteInstant(json, "at", access.At, zone);
            // As the audit log names them (officer:…, agent:… for …, department:…), like cases show's audit[].actor.
            json.WriteString("who", access.Who);
            json.WriteString("caseId", access.CaseId);
            json.WriteString("what", Absent(access.What));
            json.WriteString("why", Absent(access.Why));
        });
        json.WriteEndObject();
    });

    /// <summary>The convention writes absent as null, never "".</summary>
    private static string? Absent(string text) => string.IsNullOrEmpty(text) ? null : text;
}
