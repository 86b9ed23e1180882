using System.Globalization;
using System.Text.Json;

namespace OneVisit.Rules.Export.Internal;

/// <summary>One value of a property in the JSON-LD graph, written in the explicit form that needs no term definitions.</summary>
internal abstract record LdValue
{
    public static LdValue Ref(string iri) => new LdRef(iri);

    public static LdValue String(string value) => new LdString(value);

    public static LdValue Text(string value, string language) => new LdLiteral(value, "@language", language);

    public static LdValue Integer(long value) => new LdInteger(value);

    public static LdValue Boolean(bool value) => new LdBoolean(value);

    public static LdValue Date(DateOnly date) => new LdLiteral(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "@type", Xsd.Date);

    // xsd:double's lexical space takes a decimal as written ("12.5", "0"), so the amount is never rounded through a double.
    public static LdValue Double(decimal value) => new LdLiteral(value.ToString(CultureInfo.InvariantCulture), "@type", Xsd.Double);

    /// <summary>A whole number of days as an ISO 8601 duration, <c>P3D</c>; <c>P0D</c> is on the spot.</summary>
    public static LdValue Days(int days) => new LdLiteral(string.Create(CultureInfo.InvariantCulture, $"P{days}D"), "@type", Xsd.Duration);

    public abstract void WriteTo(Utf8JsonWriter json);
}

/// <summary>A link to another node: <c>{"@id": …}</c>.</summary>
internal sealed record LdRef(string Iri) : LdValue
{
    public override void WriteTo(Utf8JsonWriter json)
    {
        json.WriteStartObject();
        json.WriteString("@id", Iri);
        json.WriteEndObject();
    }
}

/// <summary>A plain string (xsd:string), as identifiers and the catalogue's words are.</summary>
internal sealed record LdString(string Value) : LdValue
{
    public override void WriteTo(Utf8JsonWriter json) => json.WriteStringValue(Value);
}

/// <summary>
/// Text in a language, <c>{"@value", "@language": "zh-CN"}</c>, or a typed literal, <c>{"@value", "@type": "xsd:…"}</c>:
/// <paramref name="Qualifier"/> is <c>@language</c> or <c>@type</c>.
/// </summary>
internal sealed record LdLiteral(string Value, string Qualifier, string QualifiedBy) : LdValue
{
    public override void WriteTo(Utf8JsonWriter json)
    {
        json.WriteStartObject();
        json.WriteString("@value", Value);
        json.WriteString(Qualifier, QualifiedBy);
        json.WriteEndObject();
    }
}

/// <summary>A whole number, which JSON-LD reads as xsd:integer.</summary>
internal sealed record LdInteger(long Value) : LdValue
{
    public override void WriteTo(Utf8JsonWriter json) => json.WriteNumberValue(Value);
}

/// <summary>Yes or no, which JSON-LD reads as xsd:boolean.</summary>
internal sealed record LdBoolean(bool Value) : LdValue
{
    public override void WriteTo(Utf8JsonWriter json) => json.WriteBooleanValue(Value);
}
