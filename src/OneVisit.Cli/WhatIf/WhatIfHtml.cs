using System.Globalization;
using System.Net;
using System.Text;
using OneVisit.Rules.Catalog;
using OneVisit.Rules.WhatIf;
using static OneVisit.Cli.WhatIf.WhatIfFigures;

namespace OneVisit.Cli.WhatIf;

/// <summary>
/// The what-if report as one self-contained HTML page: the headline, who is worse off, a chart of trips before and
/// after by department (inline SVG, no script), the breakdowns and the run record; readable on a phone and in print.
/// </summary>
internal static class WhatIfHtml
{
    private const int ChartRows = 12;

    private const string Style = """
        body{font-family:"Noto Sans CJK SC","WenQuanYi Micro Hei","Microsoft YaHei",system-ui,sans-serif;margin:0 auto;max-width:60rem;padding:1rem;line-height:1.5;color:#1b1b1b}
        h1{font-size:1.5rem;margin:.2rem 0 1rem}h2{font-size:1.15rem;margin:1.6rem 0 .5rem;border-bottom:2px solid #1d70b8}
        .headline{font-size:1.1rem}.saved{color:#00703c;font-weight:bold}.losers{background:#fde8e8;border-left:6px solid #d4351c;padding:.5rem 1rem}
        .nobody{background:#e8f5ee;border-left:6px solid #00703c;padding:.5rem 1rem}
        .scroll{overflow-x:auto}table{border-collapse:collapse;width:100%;font-size:.9rem}th,td{border-bottom:1px solid #ccc;padding:.25rem .4rem;text-align:left;vertical-align:top}
        td.n,th.n{text-align:right;white-space:nowrap}figure{margin:0 0 1rem}svg{display:block;width:100%;height:auto;max-width:36rem}.record{font-size:.8rem;color:#505a5f;word-break:break-all}
        @media print{body{max-width:none}h2{break-after:avoid}table,svg{break-inside:avoid}.scroll{overflow:visible}table{font-size:.8rem}th.n{white-space:normal}td:first-child{overflow-wrap:anywhere}}
        """;

    public static string Render(WhatIfReport report, bool english)
    {
        var html = new StringBuilder();
        // The report's own words are English; with --lang zh the catalogue's names are Chinese, and say so, so that a
        // screen reader and the browser's fonts treat each part in its own language.
        string Name(LocalizedText text) => english ? Encode(text.EnglishOrText) : $"<span lang=\"zh-CN\">{Encode(text.Text)}</span>";
        var title = string.Join(" + ", report.Shares.Select(s => english ? s.Name.EnglishOrText : s.Name.Text));
        html.Append(CultureInfo.InvariantCulture, $"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        html.Append(CultureInfo.InvariantCulture, $"<title>What if: {Encode(title)}</title><style>{Style}</style></head><body><main>");
        html.Append(CultureInfo.InvariantCulture, $"<h1>What if: {Encode(title)}</h1>");
        Headline(html, report);
        Losers(html, report);
        html.Append("<h2>Trips a year before and after, by department</h2>");
        html.Append(Chart(report.ByConsumingDepartment, t => english ? t.EnglishOrText : t.Text, english ? "en" : "zh-CN"));
        Cells(html, "By procedure and bundle", report.ByProcedure, Name);
        Cells(html, "By consuming department", report.ByConsumingDepartment, Name);
        Cells(html, "By issuing department (trips shared among the departments whose documents are spared)", report.ByIssuingDepartment, Name);
        Spared(html, report, Name);
        Shares(html, report, Name);
        Record(html, report.Record, Name);
        html.Append("</main></body></html>");
        return html.ToString();
    }

    private static void Headline(StringBuilder html, WhatIfReport report)
    {
        if (report.Total.Figures is not { } total)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"headline\">The population describes fewer than {Number(report.Record.MinimumCellSize)} cases a year: no figures are shown.</p>");
            return;
        }

        var t = report.Thresholds;
        html.Append(CultureInfo.InvariantCulture, $"<p class=\"headline\"><span class=\"saved\">{Number(total.TripsSaved)} trips saved a year</span> ({Number(total.TripsBefore)} → {Number(total.TripsAfter)}) in {Number(total.Cases)} cases a year; {Number(total.Affected)} affected: {Number(total.Winners)} better off, {Number(total.Unchanged)} unchanged, {Number(total.Losers)} worse off.</p>");
        html.Append(CultureInfo.InvariantCulture, $"<p>At most one visit: {Number(t.AtMostOneBefore)} → {Number(t.AtMostOneAfter)} cases ({Number(t.CrossedToOne)} crossed). No visit (跑零次): {Number(t.ZeroBefore)} → {Number(t.ZeroAfter)} ({Number(t.CrossedToZero)} crossed).</p>");
    }

    private static void Losers(StringBuilder html, WhatIfReport report)
    {
        if (report.Losers.Count == 0)
        {
            html.Append("<p class=\"nobody\">Worse off: nobody.</p>");
            return;
        }

        html.Append("<section class=\"losers\"><h2>Worse off</h2><div class=\"scroll\"><table><thead><tr><th>Procedure</th><th>Reason</th><th class=\"n\">Cases a year</th></tr></thead><tbody>");
        foreach (var loser in report.Losers)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{Encode(loser.Code)}</td><td>{Encode(loser.Reason)}</td><td class=\"n\">{CasesOrWithheld(loser.Cases, report)}</td></tr>");
        }

        html.Append("</tbody></table></div></section>");
    }

    // Two bars per department (before grey, after blue), most saved first; suppressed departments are not drawn.
    // Each name sits on its own line above its bars, so the chart stays narrow (Width user units) and a phone draws it
    // at nearly full size: with names beside the bars it was 730 units wide and its labels shrank to 5 px on a phone.
    private static string Chart(IReadOnlyList<WhatIfCell> cells, Func<LocalizedText, string> name, string namesLanguage)
    {
        var rows = cells.Where(c => c.Figures is not null).Take(ChartRows).ToList();
        if (rows.Count == 0)
        {
            return "<p>No department has enough cases to draw.</p>";
        }

        var max = Math.Max(1, rows.Max(r => Math.Max(r.Figures!.TripsBefore, r.Figures.TripsAfter)));
        const int Width = 420, Bar = 330, RowHeight = 58;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<figure><svg viewBox=\"0 0 {Width} {(rows.Count * RowHeight) + 30}\" role=\"img\" aria-labelledby=\"chart-title chart-desc\">");
        svg.Append("<title id=\"chart-title\">Trips a year before and after the reforms, by department</title>");
        svg.Append(CultureInfo.InvariantCulture, $"<desc id=\"chart-desc\">For each of the {rows.Count} departments with the most trips saved: a grey bar for the trips before and a blue bar for after. The table below gives the same figures.</desc>");
        for (var i = 0; i < rows.Count; i++)
        {
            var f = rows[i].Figures!;
            var y = i * RowHeight;
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"0\" y=\"{y + 15}\" font-size=\"15\" lang=\"{namesLanguage}\">{Encode(Shorten(name(rows[i].Name)))}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"0\" y=\"{y + 21}\" width=\"{Bar * f.TripsBefore / max:0.#}\" height=\"14\" fill=\"#b1b4b6\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"0\" y=\"{y + 37}\" width=\"{Bar * f.TripsAfter / max:0.#}\" height=\"14\" fill=\"#1d70b8\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{(Bar * f.TripsBefore / max) + 4:0.#}\" y=\"{y + 33}\" font-size=\"13\">{Number(f.TripsBefore)}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{(Bar * f.TripsAfter / max) + 4:0.#}\" y=\"{y + 49}\" font-size=\"13\">{Number(f.TripsAfter)}</text>");
        }

        var legend = (rows.Count * RowHeight) + 18;
        svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"0\" y=\"{legend - 11}\" width=\"13\" height=\"13\" fill=\"#b1b4b6\"/><text x=\"18\" y=\"{legend}\" font-size=\"14\">before</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"90\" y=\"{legend - 11}\" width=\"13\" height=\"13\" fill=\"#1d70b8\"/><text x=\"108\" y=\"{legend}\" font-size=\"14\">after</text>");
        svg.Append("</svg></figure>");
        return svg.ToString();
    }

    private static void Cells(StringBuilder html, string title, IReadOnlyList<WhatIfCell> cells, Func<LocalizedText, string> name)
    {
        html.Append(CultureInfo.InvariantCulture, $"<h2>{Encode(title)}</h2><div class=\"scroll\"><table><thead><tr><th>Code</th><th>Name</th><th class=\"n\">Cases</th><th class=\"n\">Trips before</th><th class=\"n\">After</th><th class=\"n\">Saved</th><th class=\"n\">Better</th><th class=\"n\">Worse</th></tr></thead><tbody>");
        foreach (var cell in cells)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{Encode(cell.Key)}</td><td>{name(cell.Name)}</td>");
            html.Append(cell.Figures is { } f
                ? $"<td class=\"n\">{Number(f.Cases)}</td><td class=\"n\">{Number(f.TripsBefore)}</td><td class=\"n\">{Number(f.TripsAfter)}</td><td class=\"n\">{Number(f.TripsSaved)}</td><td class=\"n\">{Number(f.Winners)}</td><td class=\"n\">{Number(f.Losers)}</td></tr>"
                : "<td class=\"n\" colspan=\"6\">suppressed (too few cases)</td></tr>");
        }

        html.Append("</tbody></table></div>");
    }

    private static void Spared(StringBuilder html, WhatIfReport report, Func<LocalizedText, string> name)
    {
        html.Append("<h2>Documents no longer asked of citizens</h2>");
        if (report.MaterialsSpared.Count == 0)
        {
            html.Append("<p>None.</p>");
            return;
        }

        html.Append("<div class=\"scroll\"><table><thead><tr><th>Document</th><th>Issued by</th><th class=\"n\">Times a year</th></tr></thead><tbody>");
        foreach (var spared in report.MaterialsSpared)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{name(spared.Name)}</td><td>{Encode(spared.IssuedBy ?? "")}</td><td class=\"n\">{CasesOrWithheld(spared.Times, report)}</td></tr>");
        }

        html.Append("</tbody></table></div>");
    }

    private static void Shares(StringBuilder html, WhatIfReport report, Func<LocalizedText, string> name)
    {
        html.Append("<h2>Each reform's share, in the stated order</h2><div class=\"scroll\"><table><thead><tr><th>Reform</th><th class=\"n\">Trips saved</th><th class=\"n\">Cases affected</th></tr></thead><tbody>");
        foreach (var share in report.Shares)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{Encode(share.ReformId)}: {name(share.Name)}</td><td class=\"n\">{Number(share.TripsSaved)}</td><td class=\"n\">{Number(share.Affected)}</td></tr>");
        }

        html.Append("</tbody></table></div>");
    }

    private static void Record(StringBuilder html, RunRecord record, Func<LocalizedText, string> name)
    {
        html.Append("<h2>Run record</h2><ul class=\"record\">");
        html.Append(CultureInfo.InvariantCulture, $"<li>Catalogue: {name(record.CatalogueName)}, sha256 {Encode(record.CatalogueHash ?? "(not recorded)")}</li>");
        foreach (var reform in record.Reforms)
        {
            html.Append(CultureInfo.InvariantCulture, $"<li>Reform {Encode(reform.Id)} from {reform.EffectiveFrom:yyyy-MM-dd}: {Encode(Path.GetFileName(reform.File))}, sha256 {reform.ContentHash}</li>");
        }

        html.Append(CultureInfo.InvariantCulture, $"<li>Population ({record.Population.Kind}): {Encode(record.Population.Description)}, sha256 {Encode(record.Population.ContentHash)}</li>");
        html.Append(CultureInfo.InvariantCulture, $"<li>{record.Situations:N0} situations, {Number(record.Cases)} cases a year; {record.Skipped:N0} left out; judged on {record.AsOf:yyyy-MM-dd}; cells under {Number(record.MinimumCellSize)} cases suppressed; OneVisit {Encode(record.OneVisitVersion)}</li></ul>");
    }

    // A name that fits the chart's width at its font size: a Chinese character takes about a whole em, a Latin letter
    // about half of one; 26 ems fit in the 420 units. The table below the chart gives every name whole.
    private static string Shorten(string text)
    {
        const double Room = 26;
        var used = 0.0;
        for (var i = 0; i < text.Length; i++)
        {
            used += text[i] >= '\u2E80' ? 1 : 0.55;
            if (used > Room)
            {
                return text[..Math.Max(0, i - 1)].TrimEnd(' ', ',', '，') + "…";
            }
        }

        return text;
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
