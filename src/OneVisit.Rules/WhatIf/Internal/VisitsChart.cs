using System.Globalization;
using System.Net;
using System.Text;

namespace OneVisit.Rules.WhatIf.Internal;

/// <summary>
/// A horizontal bar chart as inline SVG: one group of bars per procedure or bundle, labelled by code. No script and
/// no fonts to fetch; it scales to the page's width, and a title and description tell a screen reader what it shows
/// (the table after it holds the same numbers).
/// </summary>
internal static class VisitsChart
{
    private const int Width = 640;
    private const int LabelWidth = 150;
    private const int BarHeight = 9;
    private const int GroupGap = 10;
    private const int LegendHeight = 26;

    public sealed record Series(string Name, string Colour);

    public sealed record Group(string Label, IReadOnlyList<int?> Values);

    public static void Append(StringBuilder html, string id, string title, string description, IReadOnlyList<Series> series, IReadOnlyList<Group> groups)
    {
        var most = Math.Max(2, groups.SelectMany(g => g.Values).Max(v => v ?? 0));
        var unit = (Width - LabelWidth - 30) / (double)most;
        var groupHeight = (series.Count * BarHeight) + GroupGap;
        var height = LegendHeight + (groups.Count * groupHeight) + 18;
        html.Append(CultureInfo.InvariantCulture, $"<figure class=\"chart\"><svg role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" viewBox=\"0 0 {Width} {height}\" xmlns=\"http://www.w3.org/2000/svg\">")
            .Append(CultureInfo.InvariantCulture, $"<title id=\"{id}-title\">{E(title)}</title><desc id=\"{id}-desc\">{E(description)}</desc>");

        // The legend, then a faint line per whole visit so a bar's length can be read without its number.
        var x = LabelWidth;
        foreach (var s in series)
        {
            html.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x}\" y=\"6\" width=\"12\" height=\"12\" fill=\"{s.Colour}\"/><text x=\"{x + 16}\" y=\"16\">{E(s.Name)}</text>");
            x += 32 + (s.Name.Length * 9);
        }

        for (var v = 0; v <= most; v++)
        {
            var at = LabelWidth + (v * unit);
            html.Append(CultureInfo.InvariantCulture, $"<line x1=\"{at:0.#}\" y1=\"{LegendHeight}\" x2=\"{at:0.#}\" y2=\"{height - 16}\" stroke=\"#d1d9e0\"/><text class=\"axis\" x=\"{at:0.#}\" y=\"{height - 4}\" text-anchor=\"middle\">{v}</text>");
        }

        for (var g = 0; g < groups.Count; g++)
        {
            var top = LegendHeight + (g * groupHeight);
            html.Append(CultureInfo.InvariantCulture, $"<text x=\"{LabelWidth - 8}\" y=\"{top + (series.Count * BarHeight / 2.0) + 4:0.#}\" text-anchor=\"end\">{E(groups[g].Label)}</text>");
            for (var s = 0; s < series.Count; s++)
            {
                var value = groups[g].Values[s];
                var y = top + (s * BarHeight);
                var length = (value ?? 0) * unit;
                html.Append(CultureInfo.InvariantCulture, $"<rect x=\"{LabelWidth}\" y=\"{y}\" width=\"{length:0.#}\" height=\"{BarHeight - 1}\" fill=\"{series[s].Colour}\"/>")
                    .Append(CultureInfo.InvariantCulture, $"<text class=\"value\" x=\"{LabelWidth + length + 4:0.#}\" y=\"{y + BarHeight - 1}\">{(value is { } n ? n.ToString(CultureInfo.InvariantCulture) : "–")}</text>");
            }
        }

        html.AppendLine("</svg></figure>");
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
