using System.Text.Json;
using OneVisit.Rules.Catalog;
using OneVisit.Rules.Precheck;

namespace OneVisit.Rules.Json;

// A whole matter (一件事) as one JSON document: the same conventions and pieces as a procedure's answer.
public static partial class PrecheckJson
{
    /// <summary>
    /// Writes a whole matter's answer as one whole object: <c>bundle</c>, <c>asOf</c>, <c>verdict</c>,
    /// <c>obstacles</c>, <c>members</c>, <c>materials</c> (each once, with the members that use it), <c>visits</c>
    /// (the matter's trips beside the naive sum), <c>openQuestions</c> and <c>notice</c>.
    /// </summary>
    /// <param name="json">The writer, positioned where a value may start (at the top, or after a property name).</param>
    /// <param name="result">The answer <see cref="PrecheckEngine.CheckBundle"/> gave.</param>
    public static void Write(Utf8JsonWriter json, BundlePrecheckResult result)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(result);
        json.WriteStartObject();
        WriteBundle(json, result);
        WriteVerdict(json, result.AsOf, result.Verdict, result.Obstacles);
        json.WriteObjects("members", result.Members, member =>
        {
            json.WriteString("procedure", member.Procedure.Code);
            json.WriteText("name", member.Procedure.Name);
            json.WriteString("inclusion", CatalogWords.Of(member.Inclusion));
            json.WriteText("why", member.Why);
            WriteAuthority(json, "authority", member.Authority);
            json.WriteStartArray("waitsFor");
            member.WaitsFor.ToList().ForEach(json.WriteStringValue);
            json.WriteEndArray();
            json.WriteWord("verdict", member.Result?.Verdict);
        });
        WriteBundleMaterials(json, result.Materials);
        WriteBundleVisits(json, result.Visits);
        WriteOpenQuestions(json, result.OpenQuestions);
        WriteNotice(json, result.Notice);
        json.WriteEndObject();
    }

    private static void WriteBundle(Utf8JsonWriter json, BundlePrecheckResult result)
    {
        var bundle = result.Bundle;
        json.WriteStartObject("bundle");
        json.WriteString("code", bundle.Code);
        json.WriteText("name", bundle.Name);
        json.WriteNumber("version", bundle.Version);
        json.WriteString("event", CatalogWords.Of(bundle.Event.Kind));
        json.WriteText("eventName", bundle.Event.Name);
        json.WriteString("lead", bundle.LeadAuthorityId);
        WriteWindow(json, "acceptancePoint", result.AcceptancePoint);

        json.WriteString("delivery", CatalogWords.Of(bundle.Delivery));
        json.WriteEndObject();
    }

    private static void WriteBundleMaterials(Utf8JsonWriter json, IReadOnlyList<BundleMaterial> materials)
    {
        json.WriteObjects("materials", materials, material =>
        {
            json.WriteStartObject("document");
            json.WriteString("id", material.Document.Id);
            json.WriteText("name", material.Document.Name);
            json.WriteEndObject();
            json.WriteString("party", material.Party?.Id);
            json.WriteText("name", material.Name);
            json.WriteString("status", CatalogWords.Of(material.Status));
            json.WriteBoolean("gap", material.IsGap);
            json.WriteText("note", material.Note);
            json.WriteObjects("usedBy", material.UsedBy, use =>
            {
                json.WriteString("procedure", use.ProcedureCode);
                json.WriteString("material", use.Material.Id);
                json.WriteString("status", CatalogWords.Of(use.Material.Status));
            });
            if (material.PassedOn is { } passed)
            {
                json.WriteStartObject("passedOn");
                json.WriteString("from", passed.Flow.FromProcedure);
                WriteAuthority(json, "issuedBy", passed.IssuedBy);
                json.WriteString("via", CatalogWords.Of(passed.Flow.Via));
                json.WriteText("note", passed.Note);
                json.WriteEndObject();
            }
            else
            {
                json.WriteNull("passedOn");
            }
        });
    }

    private static void WriteBundleVisits(Utf8JsonWriter json, BundleVisits visits)
    {
        json.WriteStartObject("visits");
        json.WriteNumber("count", visits.Count);
        json.WriteNumber("naiveSum", visits.NaiveSum);
        json.WriteNumber("saved", visits.Saved);
        json.WriteObjects("perMember", visits.PerMember, pair =>
        {
            json.WriteString("procedure", pair.Key);
            json.WriteNumber("count", pair.Value);
        });
        json.WriteObjects("trips", visits.Trips, trip =>
        {
            json.WriteNumber("number", trip.Number);
            json.WriteText("place", trip.Place);
            json.WriteText("why", trip.Why);
            json.WriteObjects("touchpoints", trip.Touchpoints, touch =>
            {
                json.WriteString("procedure", touch.ProcedureCode);
                json.WriteString("step", touch.Reason.StepId);
                json.WriteString("reason", CatalogWords.Of(touch.Reason.Reason));
                json.WriteTruth("needed", touch.Reason.Needed);
                json.WriteString("party", touch.Reason.Party?.Id);
                WriteReason(json, "why", touch.Reason.Why);
            });
        });
        json.WriteEndObject();
    }
}
