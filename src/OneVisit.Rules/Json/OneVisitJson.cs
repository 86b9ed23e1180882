using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using OneVisit.Rules.Catalog;
using OneVisit.Rules.Diagnostics;
using OneVisit.Rules.Expressions;

namespace OneVisit.Rules.Json;

/// <summary>
/// OneVisit's one JSON convention, shared by the <c>onevisit</c> tool's <c>--json</c> and the HTTP API so the two
/// cannot drift: the writer options and the small pieces every document is built from. Documents are written
/// field by field with a <see cref="Utf8JsonWriter"/>, never the library's records by reflection: those reach the
/// whole procedure and catalogue.
/// </summary>
/// <remarks>
/// The convention (docs/cli.md, "JSON output"): property names in camelCase, as ASP.NET Core writes them, and never
/// data as a name; yes and no as JSON booleans; unknown and absent as <c>null</c>; words of the catalogue's
/// vocabulary (<c>not_yet</c>, <c>e_licence</c>) as the YAML writes them; dates <c>yyyy-MM-dd</c>; instants ISO 8601
/// with the offices' offset; bilingual text as <c>{"text", "en"}</c>.
/// </remarks>
public static class OneVisitJson
{
    /// <summary>
    /// Indented, and with <see cref="JavaScriptEncoder.UnsafeRelaxedJsonEscaping"/> so that Chinese text stays
    /// readable instead of becoming <c>\uXXXX</c> escapes (HTML-sensitive characters are then not escaped either:
    /// serve the documents as <c>application/json</c>, never inside HTML).
    /// </summary>
    public static JsonWriterOptions WriterOptions { get; } = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Writes one document with <see cref="WriterOptions"/> and returns it as text (no trailing line break).</summary>
    /// <param name="write">Writes exactly one JSON value, usually one object.</param>
    public static string ToJson(Action<Utf8JsonWriter> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Writes <paramref name="name"/>: <c>{"file", "line", "column"}</c>, or <c>null</c> when there is no location.</summary>
    public static void WriteLocation(this Utf8JsonWriter json, string name, SourceLocation? location)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (location is not { } at)
        {
            json.WriteNull(name);
            return;
        }

        json.WriteStartObject(name);
        json.WriteString("file", at.File);
        json.WriteNumber("line", at.Line);
        json.WriteNumber("column", at.Column);
        json.WriteEndObject();
    }

    /// <summary>
    /// Writes <paramref name="name"/>: <c>{"text", "en"}</c>, the catalogue's own language and English (<c>en</c> is
    /// null when the catalogue has none), or <c>null</c> when there is no text.
    /// </summary>
    public static void WriteText(this Utf8JsonWriter json, string name, LocalizedText? text)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (text is null)
        {
            json.WriteNull(name);
            return;
        }

        json.WritePropertyName(name);
        json.WriteTextValue(text);
    }

    /// <summary>Writes a <c>{"text", "en"}</c> object as a value, e.g. an array element.</summary>
    public static void WriteTextValue(this Utf8JsonWriter json, LocalizedText text)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(text);
        json.WriteStartObject();
        json.WriteString("text", text.Text);
        json.WriteString("en", text.English);
        json.WriteEndObject();
    }

    /// <summary>Writes a whole number, or <c>null</c> where there is none (a figure withheld, a count that does not apply).</summary>
    public static void WriteNumberOrNull(this Utf8JsonWriter json, string name, long? value)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (value is { } number)
        {
            json.WriteNumber(name, number);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    /// <summary>Writes a number, or <c>null</c> where there is none (a figure withheld).</summary>
    public static void WriteNumberOrNull(this Utf8JsonWriter json, string name, double? value)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (value is { } number)
        {
            json.WriteNumber(name, number);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    /// <summary>Writes a three-valued answer: <c>true</c>, <c>false</c>, or <c>null</c> for unknown.</summary>
    public static void WriteTruth(this Utf8JsonWriter json, string name, Truth truth)
    {
        ArgumentNullException.ThrowIfNull(json);
        switch (truth)
        {
            case Truth.True:
                json.WriteBoolean(name, true);
                break;
            case Truth.False:
                json.WriteBoolean(name, false);
                break;
            default:
                json.WriteNull(name);
                break;
        }
    }

    /// <summary>Writes a word of the catalogue's vocabulary as the YAML writes it (<c>not_yet</c>, see <see cref="CatalogWords"/>), or <c>null</c>.</summary>
    public static void WriteWord<TEnum>(this Utf8JsonWriter json, string name, TEnum? value)
        where TEnum : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(json);
        if (value is { } word)
        {
            json.WriteString(name, CatalogWords.Of(word));
        }
        else
        {
            json.WriteNull(name);
        }
    }

    /// <summary>Writes a date as <c>yyyy-MM-dd</c>, or <c>null</c>.</summary>
    public static void WriteDate(this Utf8JsonWriter json, string name, DateOnly? date)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (date is { } day)
        {
            json.WriteString(name, day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }
        else
        {
            json.WriteNull(name);
        }
    }

    /// <summary>Writes <paramref name="items"/> as an array of objects, each object opened and closed here and filled in by <paramref name="write"/>.</summary>
    public static void WriteObjects<T>(this Utf8JsonWriter json, string name, IEnumerable<T> items, Action<T> write)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(write);
        json.WriteStartArray(name);
        foreach (var item in items)
        {
            json.WriteStartObject();
            write(item);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }
}
