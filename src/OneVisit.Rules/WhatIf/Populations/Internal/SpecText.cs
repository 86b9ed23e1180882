using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace OneVisit.Rules.WhatIf.Populations.Internal;

/// <summary>
/// A canonical text of a spec built in code, for its content hash: one line per setting, entry and fact, values
/// written invariantly and strings JSON-quoted, so two specs hash alike exactly when they draw alike.
/// </summary>
internal static class SpecText
{
    public static string Hash(PopulationSpec spec) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Canonical(spec))));

    public static string Canonical(PopulationSpec spec)
    {
        var text = new StringBuilder();
        text.Append("population ").Append(Quote(spec.Name)).Append('\n')
            .Append("seed ").Append(spec.Seed.ToString(CultureInfo.InvariantCulture)).Append('\n')
            .Append("situations ").Append(spec.Situations.ToString(CultureInfo.InvariantCulture)).Append('\n');
        foreach (var entry in spec.Entries)
        {
            text.Append("entry ").Append(Quote(entry.Code)).Append(" volume ").Append(Number(entry.Volume)).Append('\n');
            foreach (var fact in entry.Facts)
            {
                text.Append("  ").Append(Quote(fact.Path)).Append(' ').Append(Distribution(fact)).Append('\n');
            }
        }

        return text.ToString();
    }

    private static string Distribution(FactDistribution distribution) => distribution switch
    {
        FixedFact f => "fixed " + Value(f.Value),
        FactShares s => "shares " + string.Join(" ", s.Shares.Select(v => Value(v.Value) + "=" + Number(v.Share))),
        NumberRange r => FormattableString.Invariant($"between {r.Min} {r.Max}"),
        DateRange d => FormattableString.Invariant($"between {d.From:yyyy-MM-dd} {d.To:yyyy-MM-dd}"),
        _ => distribution.GetType().Name,
    };

    private static string Value(object? value) => value switch
    {
        null => "null",
        bool b => b ? "true" : "false",
        decimal n => n.ToString(CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        string s => Quote(s),
        _ => Quote($"{value.GetType().Name}:{value}"),
    };

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Quote(string text) => "\"" + JsonEncodedText.Encode(text, JavaScriptEncoder.UnsafeRelaxedJsonEscaping) + "\"";
}
