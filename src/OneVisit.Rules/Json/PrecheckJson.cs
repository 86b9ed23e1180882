using System.Text.Json;
using OneVisit.Rules.Catalog;
using OneVisit.Rules.Precheck;

namespace OneVisit.Rules.Json;

/// <summary>
/// The precheck answer as one JSON document, the one <c>onevisit precheck --json</c> prints and the HTTP API
/// returns, in the convention of <see cref="OneVisitJson"/> (docs/cli.md, "JSON output"): camelCase names, the
/// catalogue's words (<c>not_yet</c>, <c>e_licence</c>), dates <c>yyyy-MM-dd</c>, bilingual text <c>{"text", "en"}</c>;
/// authorities and documents appear as id and name only.
/// </summary>
public static partial class PrecheckJson
{
    /// <summary>
    /// Writes a procedure's answer as one whole object: <c>procedure</c>, <c>asOf</c>, <c>verdict</c>,
    /// <c>obstacles</c>, <c>refusals</c>, <c>eligibility</c>, <c>routing</c>, <c>materials</c>, <c>visits</c>,
    /// <c>openQuestions</c>, <c>fees</c> and <c>notice</c> (in both languages).
    /// </summary>
    /// <param name="json">The writer, positioned where a value may start (at the top, or after a property name).</param>
    /// <param name="result">The answer <see cref="PrecheckEngine.Check"/> gave.</param>
    public static void Write(Utf8JsonWriter json, PrecheckResult result)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(result);
        json.WriteStartObject();
        json.WriteStartObject("procedure");
        json.WriteString("code", result.Procedure.Code);
        json.WriteText("name", result.Procedure.Name);
        json.WriteNumber("version", result.Procedure.Version);
        json.WriteEndObject();
        WriteVerdict(json, result.AsOf, result.Verdict, result.Obstacles);
        json.WriteObjects("refusals", result.Refusals, refusal =>
        {
            json.WriteString("id", refusal.Id);
            json.WriteText("statement", refusal.Statement);
            WriteBasis(json, refusal.Basis);
        });
        WriteEligibility(json, result.Eligibility);
        WriteRouting(json, result.Routing);
        WriteMaterials(json, result.Materials);
        WriteVisits(json, result.Visits);
        WriteOpenQuestions(json, result.OpenQuestions);
        WriteFees(json, result.Fees);
        WriteNotice(json, result.Notice);
        json.WriteEndObject();
    }

    // The same head for a procedure and a bundle: the date judged on, the verdict and what stands in its way.
    private static void WriteVerdict(Utf8JsonWriter json, DateOnly asOf, Verdict verdict, IReadOnlyList<LocalizedText> obstacles)
    {
        json.WriteDate("asOf", asOf);
        json.WriteString("verdict", CatalogWords.Of(verdict));
        json.WriteStartArray("obstacles");
        foreach (var obstacle in obstacles)
        {
            json.WriteTextValue(obstacle);
        }

        json.WriteEndArray();
    }

    // A window by id and name, or null: where a case goes in, or where a whole matter is accepted.
    private static void WriteWindow(Utf8JsonWriter json, string property, Window? window)
    {
        if (window is null)
        {
            json.WriteNull(property);
            return;
        }

        json.WriteStartObject(property);
        json.WriteString("id", window.Id);
        json.WriteText("name", window.Name);
        json.WriteEndObject();
    }

    private static void WriteEligibility(Utf8JsonWriter json, EligibilityResult eligibility)
    {
        json.WriteStartObject("eligibility");
        json.WriteTruth("eligible", eligibility.Eligible);
        json.WriteObjects("denials", eligibility.Denials, denial =>
        {
            json.WriteString("id", denial.Id);
            json.WriteTruth("denies", denial.Denies);
            json.WriteText("message", denial.Message);
            WriteReason(json, "why", denial.Why);
        });
        json.WriteEndObject();
    }

    private static void WriteRouting(Utf8JsonWriter json, RoutingResult routing)
    {
        json.WriteStartObject("routing");
        WriteAuthority(json, "authority", routing.Authority);
        json.WriteBoolean("decided", routing.Decided);
        WriteReason(json, "why", routing.Why);
        WriteWindow(json, "window", routing.Window);

        WriteAuthority(json, "forwardedTo", routing.ForwardedTo);
        json.WriteEndObject();
    }

    private static void WriteVisits(Utf8JsonWriter json, VisitPrediction visits)
    {
        json.WriteStartObject("visits");
        json.WriteNumber("count", visits.Count);
        json.WriteObjects("reasons", visits.Reasons, reason =>
        {
            json.WriteString("step", reason.StepId);
            json.WriteString("reason", CatalogWords.Of(reason.Reason));
            json.WriteNumber("visit", reason.Visit);
            json.WriteTruth("needed", reason.Needed);
            WriteReason(json, "why", reason.Why);
        });
        json.WriteObjects("avoided", visits.Avoided, avoided =>
        {
            json.WriteString("step", avoided.StepId);
            json.WriteString("reason", CatalogWords.Of(avoided.Reason));
            WriteReason(json, "instead", avoided.Instead);
        });
        json.WriteEndObject();
    }
}
