using System.Globalization;
using System.Text.Json;
using OneVisit.Rules.Authoring.Internal;
using OneVisit.Rules.Diagnostics;
using OneVisit.Rules.Expressions;
using OneVisit.Rules.Precheck;

namespace OneVisit.Rules.WhatIf.Populations.Internal;

/// <summary>Reads one line of a JSON Lines population into a situation, or throws naming the line and what to write.</summary>
internal sealed class JsonLineReader(string path, CatalogTerms terms)
{
    private static readonly string[] Keys = ["code", "weight", "facts", "documents"];

    public Situation Read(string text, int line)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException e)
        {
            throw Error(line, $"this line is not valid JSON (column {e.BytePositionInLine + 1}). Write one object per line, e.g. {{\"code\": \"...\", \"weight\": 10, \"facts\": {{...}}}}.");
        }

        using (document)
        {
            return Read(document.RootElement, line);
        }
    }

    private Situation Read(JsonElement root, int line)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw Error(line, $"a situation is a JSON object ({{\"code\": ..., \"weight\": ..., \"facts\": {{...}}}}), not {Kind(root)}.");
        }

        string? code = null;
        var weight = 1.0;
        IReadOnlyDictionary<string, object?> facts = new Dictionary<string, object?>();
        IReadOnlyList<HeldDocument> documents = [];
        foreach (var property in root.EnumerateObject())
        {
            switch (property.Name)
            {
                case "code":
                    code = Code(property.Value, line);
                    break;
                case "weight":
                    weight = Weight(property.Value, line);
                    break;
                case "facts":
                    facts = Facts(property.Value, line);
                    break;
                case "documents":
                    documents = new JsonDocumentsReader(terms, m => Error(line, m)).Read(property.Value);
                    break;
                default:
                    throw Error(line, $"'{property.Name}' is not a key of a situation; write {string.Join(", ", Keys)}.{Suggestions.DidYouMean(property.Name, Keys)}");
            }
        }

        return code is null
            ? throw Error(line, "this situation has no \"code\": name the procedure or bundle it applies for.")
            : new Situation { Code = code, Weight = weight, Facts = facts, Documents = documents };
    }

    private string Code(JsonElement value, int line)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            throw Error(line, $"\"code\" is a procedure's or a bundle's code as a string, not {Kind(value)}.");
        }

        var code = value.GetString()!;
        return terms.UnknownCode(code) is { } problem ? throw Error(line, problem) : code;
    }

    private double Weight(JsonElement value, int line)
    {
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out var weight) || !double.IsFinite(weight))
        {
            throw Error(line, $"\"weight\" is how many cases a year the situation stands for, a positive JSON number, not {Kind(value)}.");
        }

        return weight > 0 ? weight : throw Error(line, $"\"weight\" is {weight.ToString(CultureInfo.InvariantCulture)}; a situation stands for a positive number of cases a year. Leave out situations that never happen.");
    }

    private Dictionary<string, object?> Facts(JsonElement value, int line)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            throw Error(line, $"\"facts\" is an object of fact paths and values ({{\"applicant.is_agent\": false}}), not {Kind(value)}.");
        }

        var facts = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in value.EnumerateObject())
        {
            var fact = terms.Fact(property.Name) ?? throw Error(line, terms.UnknownFact(property.Name));
            var given = Value(property.Value, fact, line);
            if (!facts.TryAdd(fact.Path, given))
            {
                throw Error(line, $"'{fact.Path}' is given twice; give each fact once.");
            }

            if (given is null)
            {
                facts.Remove(fact.Path);
            }
        }

        return facts;
    }

    // The JSON kind must be the fact's (no quoted numbers): a spreadsheet export that quotes everything is a
    // mistake worth hearing about. The text is then read as in every other file.
    private object? Value(JsonElement value, FactSymbol fact, int line)
    {
        var (fits, text) = (value.ValueKind, fact.Type.Kind) switch
        {
            (JsonValueKind.Null, _) => (true, (string?)null),
            (JsonValueKind.True or JsonValueKind.False, FactKind.Bool) => (true, value.GetRawText()),
            (JsonValueKind.Number, FactKind.Number or FactKind.Money) => (true, value.GetRawText()),
            (JsonValueKind.String, FactKind.Date or FactKind.Enum or FactKind.Text) => (true, value.GetString()),
            _ => (false, null),
        };
        if (!fits)
        {
            throw Error(line, $"{fact.Path} ({fact.Type}) takes {JsonShape(fact)}, not {Kind(value)}.");
        }

        if (text is null)
        {
            return null;
        }

        return FactValueReader.Parse(fact, text) ?? throw Error(line, FactValueReader.WrongValue(fact, text));
    }

    private static string JsonShape(FactSymbol fact) => fact.Type.Kind switch
    {
        FactKind.Bool => "true or false (JSON, without quotes)",
        FactKind.Number or FactKind.Money => "a JSON number (without quotes)",
        FactKind.Date => "a date as a string, \"YYYY-MM-DD\"",
        FactKind.Enum => $"a string, one of: {string.Join(", ", fact.Type.Values)}",
        _ => "a string",
    };

    private static string Kind(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => $"the string {Clip(value.GetRawText())}",
        JsonValueKind.Number => $"the number {Clip(value.GetRawText())}",
        JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
        _ => "null",
    };

    private static string Clip(string text) => text.Length <= 40 ? text : text[..40] + "…";

    private PopulationException Error(int line, string message) => PopulationFileChecks.At(path, line, message);
}
