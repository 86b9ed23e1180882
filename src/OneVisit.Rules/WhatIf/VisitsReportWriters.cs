using System.Globalization;
using System.Net;
using System.Text;
using OneVisit.Rules.Catalog;
using OneVisit.Rules.Guides.Internal;
using OneVisit.Rules.WhatIf.Internal;

namespace OneVisit.Rules.WhatIf;

/// <summary>Writes a <see cref="VisitsReport"/> as a self-contained, printable HTML page, styled as the service guides are.</summary>
public static class VisitsReportWriters
{
    // The guides' styles, and the chart's: it takes the page's width and its words the page's font.
    private const string ChartCss = """
        .chart { margin: .5rem 0 1rem; }
        .chart svg { display: block; width: 100%; height: auto; font-size: 13px; font-family: inherit; }
        .chart text { fill: var(--ink); }
        .chart .axis, .chart .value { fill: var(--muted); font-size: 11px; }
        .note { padding: .6rem .8rem; border-left: 4px solid var(--accent); background: #fdf3f3; }
        """;

    private static readonly string[] Colours = ["#b4232a", "#2f6f9f", "#8a939c"];

    /// <summary>
    /// One HTML page (no scripts, fonts or images to fetch): the population it used and whether it is real, a summary,
    /// then procedures and bundles each as a bar chart (inline SVG with a title and description) and a table of the
    /// same numbers, and how to read them.
    /// </summary>
    /// <param name="report">The report.</param>
    /// <param name="english">English labels and names where the catalogue has them; Chinese otherwise.</param>
    public static string ToHtml(VisitsReport report, bool english = false)
    {
        ArgumentNullException.ThrowIfNull(report);
        var words = VisitsLabels.For(english);
        string Of(LocalizedText text) => english ? text.EnglishOrText : text.Text;
        var title = words.Title(Of(report.CatalogName));
        var html = new StringBuilder();
        html.AppendLine("<!DOCTYPE html>")
            .Append("<html lang=\"").Append(words.HtmlLanguage).AppendLine("\">")
            .AppendLine("<head>")
            .AppendLine("<meta charset=\"utf-8\">")
            .AppendLine("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>").Append(E(title)).AppendLine("</title>")
            .AppendLine("<style>").AppendLine(GuideStyles.Css).AppendLine(ChartCss).AppendLine("</style>")
            .AppendLine("</head>")
            .AppendLine("<body>")
            .AppendLine("<main>")
            .AppendLine("<header>")
            .Append("<p class=\"kind\">").Append(E(words.Kind)).AppendLine("</p>")
            .Append("<h1>").Append(E(title)).AppendLine("</h1>")
            .Append("<p class=\"subtitle\">").Append(E(words.Subtitle(report.AsOf))).AppendLine("</p>")
            .AppendLine("</header>");
        Summary(html, report, words);
        Procedures(html, report, words, Of);
        Bundles(html, report, words, Of);
        html.AppendLine("<section>").Append("<h2>").Append(E(words.Reading)).AppendLine("</h2>").AppendLine("<ul>");
        foreach (var item in words.ReadingItems)
        {
            html.Append("<li>").Append(E(item)).AppendLine("</li>");
        }

        html.AppendLine("</ul>").AppendLine("</section>")
            .Append("<footer>").Append(E(words.Footer)).AppendLine("</footer>")
            .AppendLine("</main>")
            .AppendLine("</body>")
            .AppendLine("</html>");
        return html.ToString();
    }

    private static void Summary(StringBuilder html, VisitsReport report, VisitsLabels words)
    {
        var totals = report.Totals;
        var population = report.Population;
        html.AppendLine("<section>").Append("<h2>").Append(E(words.Summary)).AppendLine("</h2>");
        if (population.Kind == PopulationKind.Generated)
        {
            html.Append("<p class=\"note\">").Append(E(words.NotReal)).AppendLine("</p>");
        }

        html.Append("<p>").Append(E(words.ProceduresSummary(totals.ProceduresWorst.AtMostOne, totals.ProceduresWorst.TwoOrMore)))
            .Append(' ').Append(E(words.TypicalSummary(totals.ProceduresTypical.AtMostOne, totals.ProceduresTypical.TwoOrMore))).AppendLine("</p>");
        if (report.Bundles.Count > 0)
        {
            html.Append("<p>").Append(E(words.BundlesSummary(report.Bundles.Count, report.Bundles.Sum(b => b.WorstCase.Count), report.Bundles.Sum(b => b.WorstCase.NaiveSum)))).AppendLine("</p>");
        }

        html.Append("<p>").Append(E(words.Population)).Append(": ").Append(E(words.KindOf(population.Kind))).Append(" — ").Append(E(population.Description)).AppendLine("</p>")
            .AppendLine("</section>");
    }

    private static void Procedures(StringBuilder html, VisitsReport report, VisitsLabels words, Func<LocalizedText, string> of)
    {
        html.AppendLine("<section>").Append("<h2>").Append(E(words.Procedures)).AppendLine("</h2>");
        VisitsChart.Append(
            html,
            "procedures-chart",
            words.ProcedureChart,
            words.ProcedureChartDescription,
            [new(words.Worst, Colours[0]), new(words.Typical, Colours[1])],
            [.. report.Procedures.Select(p => new VisitsChart.Group(p.Code, [p.WorstCase.Count, p.Population.Typical]))]);
        Table(
            html,
            [words.Code, words.Name, words.Authority, words.Worst, words.Typical, words.Best],
            report.Procedures.Select(p => new[] { p.Code, of(p.Name), of(p.Authority.Name), N(p.WorstCase.Count), N(p.Population.Typical), N(p.Population.Best) }));
        html.AppendLine("</section>");
    }

    private static void Bundles(StringBuilder html, VisitsReport report, VisitsLabels words, Func<LocalizedText, string> of)
    {
        if (report.Bundles.Count == 0)
        {
            return;
        }

        html.AppendLine("<section>").Append("<h2>").Append(E(words.Bundles)).AppendLine("</h2>");
        VisitsChart.Append(
            html,
            "bundles-chart",
            words.BundleChart,
            words.BundleChartDescription,
            [new(words.NaiveSum, Colours[2]), new(words.Worst, Colours[0]), new(words.Typical, Colours[1])],
            [.. report.Bundles.Select(b => new VisitsChart.Group(b.Code, [b.WorstCase.NaiveSum, b.WorstCase.Count, b.Population.Typical]))]);
        Table(
            html,
            [words.Code, words.Name, words.Lead, words.PerMatter, words.NaiveSum, words.Saved, words.Typical, words.Best, words.Members],
            report.Bundles.Select(b => new[]
            {
                b.Code, of(b.Name), of(b.LeadAuthority.Name), N(b.WorstCase.Count), N(b.WorstCase.NaiveSum), N(b.WorstCase.Saved),
                N(b.Population.Typical), N(b.Population.Best), string.Join(", ", b.WorstCase.PerMember.Select(m => $"{m.Key}: {m.Value}")),
            }));
        html.AppendLine("</section>");
    }

    // As the guides' tables: each cell carries its column's title, so on a phone a row becomes a card that fits.
    private static void Table(StringBuilder html, string[] header, IEnumerable<string[]> rowsGiven)
    {
        // A two-character title (最多) must not stand on two lines; everything else may wrap, codes at their hyphens,
        // so the nine columns of the bundles' table still fit an A4 page.
        var rows = rowsGiven.ToList();
        string Class(int i, bool head) => head && header[i].Length <= 4 ? " class=\"nowrap\"" : "";
        html.Append("<table><thead><tr>");
        for (var i = 0; i < header.Length; i++)
        {
            html.Append("<th").Append(Class(i, head: true)).Append('>').Append(E(header[i])).Append("</th>");
        }

        html.AppendLine("</tr></thead>").AppendLine("<tbody>");
        foreach (var row in rows)
        {
            html.Append("<tr>");
            for (var i = 0; i < row.Length; i++)
            {
                html.Append("<td").Append(Class(i, head: false)).Append(" data-label=\"").Append(E(header[i])).Append("\">").Append(E(row[i])).Append("</td>");
            }

            html.AppendLine("</tr>");
        }

        html.AppendLine("</tbody>").AppendLine("</table>");
    }

    private static string N(int? visits) => visits?.ToString(CultureInfo.InvariantCulture) ?? "–";

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
