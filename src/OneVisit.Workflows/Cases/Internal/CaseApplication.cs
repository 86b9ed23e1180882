using System.Globalization;
using System.Text.Json;
using OneVisit.Rules.Catalog;
using OneVisit.Rules.Expressions;
using OneVisit.Rules.Precheck;

namespace OneVisit.Workflows.Cases.Internal;

/// <summary>
/// An application as the case index keeps it for populations of past cases (History/): what the applicant told and
/// held, without who they are. Facts keep their type; free-text facts (names, addresses) and facts the schema does not
/// know are left out, and held documents keep only what the precheck reads of them (the document type, form version,
/// dates, electronic, party, passed on by), never a number: a <see cref="HeldDocument"/> carries none, and its source
/// location (a file of the author's) is dropped.
/// </summary>
internal sealed class CaseApplication
{
    public List<StoredFact> Facts { get; set; } = [];

    public List<StoredDocument> Documents { get; set; } = [];

    /// <summary>The application of <paramref name="facts"/> and <paramref name="documents"/> under <paramref name="schema"/>, as stored JSON.</summary>
    public static string Store(FactSchema schema, IReadOnlyDictionary<string, object?> facts, IReadOnlyList<HeldDocument> documents)
    {
        var application = new CaseApplication
        {
            Facts =
            [
                .. facts
                    .Where(f => f.Value is not null && schema.Find(f.Key) is { Type.Kind: not FactKind.Text })
                    .OrderBy(f => f.Key, StringComparer.Ordinal)
                    .Select(f => StoredFact.Of(f.Key, f.Value!)),
            ],
            Documents =
            [
                .. documents
                    .Select(StoredDocument.Of)
                    .OrderBy(d => d.DocumentId, StringComparer.Ordinal).ThenBy(d => d.Party, StringComparer.Ordinal),
            ],
        };
        return JsonSerializer.Serialize(application, CaseJson.Default.CaseApplication);
    }

    /// <summary>Reads a stored application; a damaged one throws <see cref="JsonException"/> or <see cref="FormatException"/>.</summary>
    public static CaseApplication Read(string json) =>
        JsonSerializer.Deserialize(json, CaseJson.Default.CaseApplication) ?? throw new JsonException("The stored application is empty.");

    /// <summary>The held documents as the precheck takes them.</summary>
    public IReadOnlyList<HeldDocument> HeldDocuments() =>
        [.. Documents.Select(d => new HeldDocument(d.DocumentId, d.FormVersion, d.IssuedOn, d.ExpiresOn, d.Electronic) { Party = d.Party, PassedOnBy = d.PassedOnBy })];
}

/// <summary>One fact: its path, its value's type (<c>bool</c>, <c>int</c>, <c>long</c>, <c>decimal</c>, <c>date</c>, <c>text</c> for enum values) and the value in invariant form.</summary>
internal sealed class StoredFact
{
    public string Path { get; set; } = "";

    public string Type { get; set; } = "";

    public string Value { get; set; } = "";

    public static StoredFact Of(string path, object value) => value switch
    {
        bool b => new() { Path = path, Type = "bool", Value = b ? "true" : "false" },
        int i => new() { Path = path, Type = "int", Value = i.ToString(CultureInfo.InvariantCulture) },
        long l => new() { Path = path, Type = "long", Value = l.ToString(CultureInfo.InvariantCulture) },
        decimal m => new() { Path = path, Type = "decimal", Value = m.ToString(CultureInfo.InvariantCulture) },
        double or float => new() { Path = path, Type = "decimal", Value = Convert.ToDecimal(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture) },
        DateOnly d => new() { Path = path, Type = "date", Value = d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) },
        _ => new() { Path = path, Type = "text", Value = Convert.ToString(value, CultureInfo.InvariantCulture) ?? "" },
    };

    /// <summary>The value typed as in <see cref="PrecheckRequest.Facts"/>.</summary>
    public object Typed() => Type switch
    {
        "bool" => Value == "true",
        "int" => int.Parse(Value, CultureInfo.InvariantCulture),
        "long" => long.Parse(Value, CultureInfo.InvariantCulture),
        "decimal" => decimal.Parse(Value, CultureInfo.InvariantCulture),
        "date" => DateOnly.ParseExact(Value, "yyyy-MM-dd", CultureInfo.InvariantCulture),
        "text" => Value,
        _ => throw new FormatException($"A stored fact of type '{Type}' is not one this version knows."),
    };
}

/// <summary>A held document without its source location.</summary>
internal sealed class StoredDocument
{
    public string DocumentId { get; set; } = "";

    public string? FormVersion { get; set; }

    public DateOnly? IssuedOn { get; set; }

    public DateOnly? ExpiresOn { get; set; }

    public bool Electronic { get; set; }

    public string? Party { get; set; }

    public string? PassedOnBy { get; set; }

    /// <summary>What the precheck reads of <paramref name="held"/>: everything but its source location (a file of the author's).</summary>
    public static StoredDocument Of(HeldDocument held) => new()
    {
        DocumentId = held.DocumentId,
        FormVersion = held.FormVersion,
        IssuedOn = held.IssuedOn,
        ExpiresOn = held.ExpiresOn,
        Electronic = held.Electronic,
        Party = held.Party,
        PassedOnBy = held.PassedOnBy,
    };
}
