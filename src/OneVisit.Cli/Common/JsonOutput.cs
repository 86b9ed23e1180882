using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using OneVisit.Rules.Catalog;
using OneVisit.Rules.Diagnostics;
using OneVisit.Rules.Expressions;

namespace OneVisit.Cli.Common;

/// <summary>
/// Writes one JSON document with a <see cref="Utf8JsonWriter"/>, the one way every command's <c>--json</c> is
/// written. Commands write only the fields they document, never the library's records by reflection: those reach
/// the whole procedure and catalogue.
/// </summary>
/// <remarks>
/// The convention (docs/cli.md, "JSON output"): property names in camelCase, as ASP.NET Core writes them, and never
/// data as a name; yes and no as JSON booleans; unknown and absent as <c>null</c>; words of the catalogue's
/// vocabulary (<c>not_yet</c>, <c>e_licence</c>) as the YAML writes them; dates <c>yyyy-MM-dd</c>; instants ISO 8601
/// with the offices' offset.
/// </remarks>
internal static class JsonOutput
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        // Chinese text stays readable instead of becoming \uXXXX escapes.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void Write(Terminal output, Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            write(writer);
        }

        output.WriteLine(Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    /// <summary><c>{"file", "line", "column"}</c>, or null.</summary>
    public static void WriteLocation(this Utf8JsonWriter json, string name, SourceLocation? location)
    {
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

    /// <summary><c>{"text", "en"}</c>: the catalogue's own language and English (null when the catalogue has none), or null.</summary>
    public static void WriteText(this Utf8JsonWriter json, string name, LocalizedText? text)
    {
        if (text is null)
        {
            json.WriteNull(name);
            return;
        }

        json.WritePropertyName(name);
        json.WriteTextValue(text);
    }

    /// <summary>A <c>{"text", "en"}</c> object as an array element.</summary>
    public static void WriteTextValue(this Utf8JsonWriter json, LocalizedText text)
    {
        json.WriteStartObject();
        json.WriteString("text", text.Text);
        json.WriteString("en", text.English);
        json.WriteEndObject();
    }

    /// <summary>A whole number, or <c>null</c> where there is none (a figure withheld, a count that does not apply).</summary>
    public static void WriteNumberOrNull(this Utf8JsonWriter json, string name, long? value)
    {
        if (value is { } number)
        {
            json.WriteNumber(name, number);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    /// <summary>A number, or <c>null</c> where there is none (a figure withheld).</summary>
    public static void WriteNumberOrNull(this Utf8JsonWriter json, string name, double? value)
    {
        if (value is { } number)
        {
            json.WriteNumber(name, number);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    /// <summary>A three-valued answer: <c>true</c>, <c>false</c>, or <c>null</c> for unknown.</summary>
    public static void WriteTruth(this Utf8JsonWriter json, string name, Truth truth)
    {
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

    /// <summary>A catalogue word (<c>not_yet</c>), or null.</summary>
    public static void WriteWord<TEnum>(this Utf8JsonWriter json, string name, TEnum? value)
        where TEnum : struct, Enum
    {
        if (value is { } word)
        {
            json.WriteString(name, CatalogWords.Of(word));
        }
        else
        {
            json.WriteNull(name);
        }
    }

    public static void WriteDate(this Utf8JsonWriter json, string name, DateOnly? date)
    {
        if (date is { } day)
        {
            json.WriteString(name, day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        }
        else
        {
            json.WriteNull(name);
        }
    }

    /// <summary>Writes <paramref name="items"/> as an array of objects, each filled in by <paramref name="write"/>.</summary>
    public static void WriteObjects<T>(this Utf8JsonWriter json, string name, IEnumerable<T> items, Action<T> write)
    {
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
