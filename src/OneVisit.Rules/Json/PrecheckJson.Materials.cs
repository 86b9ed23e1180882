using System.Text.Json;
using OneVisit.Rules.Catalog;
using OneVisit.Rules.Precheck;

namespace OneVisit.Rules.Json;

// The materials array: each material's status and everything behind it.
public static partial class PrecheckJson
{
    private static void WriteMaterials(Utf8JsonWriter json, IReadOnlyList<MaterialResult> materials)
    {
        json.WriteObjects("materials", materials, material =>
        {
            json.WriteString("id", material.Id);
            json.WriteStartObject("document");
            json.WriteString("id", material.Document.Id);
            json.WriteText("name", material.Document.Name);
            json.WriteEndObject();
            json.WriteString("status", CatalogWords.Of(material.Status));
            json.WriteBoolean("gap", material.IsGap);
            json.WriteText("note", material.Note);
            WriteReason(json, "requiredBecause", material.RequiredBecause);
            WriteHeld(json, material.Held);
            json.WriteString("currentFormVersion", material.CurrentVersion?.Version);
            WriteFieldMap(json, material.FieldMap);
            json.WriteString("exemption", material.Exemption is { } exemption ? CatalogWords.Of(exemption.Kind) : null);
            WriteAuthority(json, "source", material.Source);
            json.WriteText("customSource", material.CustomSource);
            json.WriteDate("supplyBy", material.SupplyBy);
            json.WriteString("onMissed", material.OnMissed is { } missed ? CatalogWords.Of(missed) : null);
            json.WriteDate("verifyBy", material.VerifyBy);
        });
    }

    private static void WriteHeld(Utf8JsonWriter json, HeldDocument? held)
    {
        if (held is null)
        {
            json.WriteNull("held");
            return;
        }

        json.WriteStartObject("held");
        json.WriteString("document", held.DocumentId);
        json.WriteString("formVersion", held.FormVersion);
        json.WriteDate("issuedOn", held.IssuedOn);
        json.WriteDate("expiresOn", held.ExpiresOn);
        json.WriteBoolean("electronic", held.Electronic);
        json.WriteLocation("location", held.Location);
        json.WriteEndObject();
    }

    private static void WriteFieldMap(Utf8JsonWriter json, IReadOnlyDictionary<string, string>? fieldMap)
    {
        if (fieldMap is null)
        {
            json.WriteNull("fieldMap");
            return;
        }

        // Field names are data, and data is never a property name: an array of pairs keeps every name camelCase.
        json.WriteObjects("fieldMap", fieldMap, pair =>
        {
            json.WriteString("from", pair.Key);
            json.WriteString("to", pair.Value);
        });
    }
}
