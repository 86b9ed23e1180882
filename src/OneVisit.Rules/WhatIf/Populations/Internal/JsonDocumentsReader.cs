using System.Text.Json;
using OneVisit.Rules.Authoring.Internal;
using OneVisit.Rules.Diagnostics;
using OneVisit.Rules.Precheck;

namespace OneVisit.Rules.WhatIf.Populations.Internal;

/// <summary>
/// A situation's held documents in JSON, with the keys of an application file's <c>documents</c>: document,
/// form_version, issued_on, expires_on, electronic, party.
/// </summary>
internal sealed class JsonDocumentsReader(CatalogTerms terms, Func<string, PopulationException> error)
{
    private static readonly string[] Keys = ["document", "form_version", "issued_on", "expires_on", "electronic", "party"];

    public List<HeldDocument> Read(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            throw error("\"documents\" is an array of held documents ([{\"document\": \"resident_id_card\"}]).");
        }

        return [.. value.EnumerateArray().Select(Document)];
    }

    private HeldDocument Document(JsonElement item)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            throw error("each held document is an object such as {\"document\": \"resident_id_card\", \"electronic\": true}.");
        }

        var held = new HeldDocument("");
        foreach (var property in item.EnumerateObject())
        {
            held = property.Name switch
            {
                "document" => held with { DocumentId = DocumentId(property.Value) },
                "form_version" => held with { FormVersion = Text(property) },
                "issued_on" => held with { IssuedOn = Date(property) },
                "expires_on" => held with { ExpiresOn = Date(property) },
                "electronic" => held with { Electronic = Bool(property) },
                "party" => held with { Party = Party(property.Value) },
                _ => throw error($"'{property.Name}' is not a key of a held document; write {string.Join(", ", Keys)}.{Suggestions.DidYouMean(property.Name, Keys)}"),
            };
        }

        return held.DocumentId.Length == 0 ? throw error("a held document needs \"document\": the document type's id.") : held;
    }

    private string DocumentId(JsonElement value)
    {
        var id = value.ValueKind == JsonValueKind.String ? value.GetString()! : throw error("\"document\" is a document type's id as a string.");
        return terms.Catalog.Documents.ContainsKey(id)
            ? id
            : throw error($"'{id}' is not a document type of the catalogue (documents.yaml).{Suggestions.DidYouMean(id, terms.Catalog.Documents.Keys)}");
    }

    private string Party(JsonElement value)
    {
        var id = value.ValueKind == JsonValueKind.String ? value.GetString()! : throw error("\"party\" is a party's id as a string.");
        return terms.Catalog.Parties.ContainsKey(id)
            ? id
            : throw error($"'{id}' is not a party of the catalogue.{Suggestions.DidYouMean(id, terms.Catalog.Parties.Keys)}");
    }

    private string Text(JsonProperty property) =>
        property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()! : throw error($"\"{property.Name}\" is a string.");

    private DateOnly Date(JsonProperty property) =>
        Scalars.TryDate(Text(property), out var date) ? date : throw error($"\"{property.Name}\" is a date that exists, as \"YYYY-MM-DD\".");

    private bool Bool(JsonProperty property) => property.Value.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => throw error($"\"{property.Name}\" is true or false (without quotes)."),
    };
}
