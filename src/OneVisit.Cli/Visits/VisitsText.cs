using System.Globalization;
using OneVisit.Cli.Common;
using OneVisit.Rules.WhatIf;

namespace OneVisit.Cli.Visits;

/// <summary>The visits report as text: the population first, then procedures and bundles, most visits first, and a summary.</summary>
internal static class VisitsText
{
    public static void Write(VisitsReport report, VisitsLabels words, TextLanguage language, Terminal output)
    {
        output.WriteLine(words.Heading(language.Pick(report.CatalogName), report.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        output.WriteLine($"{words.Population}: {words.KindOf(report.Population.Kind)} — {report.Population.Description}", ConsoleColour.Dim);
        if (report.Population.Kind == PopulationKind.Generated)
        {
            output.WriteLine(words.NotReal, ConsoleColour.Yellow);
        }

        output.WriteLine();
        output.WriteLine(words.Procedures);
        var procedures = new TextTable(words.Code, words.Worst, words.Typical, words.Best, words.Name);
        foreach (var p in report.Procedures)
        {
            procedures.Add(p.WorstCase.Count >= 2 ? ConsoleColour.Yellow : ConsoleColour.None, p.Code, N(p.WorstCase.Count), N(p.Population.Typical), N(p.Population.Best), language.Pick(p.Name));
        }

        procedures.Write(output, "  ");
        if (report.Bundles.Count > 0)
        {
            output.WriteLine();
            output.WriteLine(words.Bundles);
            var bundles = new TextTable(words.Code, words.PerMatter, words.NaiveSum, words.Saved, words.Typical, words.Best, words.Name);
            foreach (var b in report.Bundles)
            {
                bundles.Add(b.WorstCase.Count >= 2 ? ConsoleColour.Yellow : ConsoleColour.None, b.Code, N(b.WorstCase.Count), N(b.WorstCase.NaiveSum), N(b.WorstCase.Saved), N(b.Population.Typical), N(b.Population.Best), language.Pick(b.Name));
            }

            bundles.Write(output, "  ");
        }

        var totals = report.Totals;
        output.WriteLine();
        output.WriteLine(words.ProceduresSummary(totals.ProceduresWorst.AtMostOne, totals.ProceduresWorst.TwoOrMore), totals.ProceduresWorst.TwoOrMore > 0 ? ConsoleColour.Yellow : ConsoleColour.Green);
        output.WriteLine(words.TypicalSummary(totals.ProceduresTypical.AtMostOne, totals.ProceduresTypical.TwoOrMore));
        if (report.Bundles.Count > 0)
        {
            output.WriteLine(words.BundlesSummary(report.Bundles.Count, report.Bundles.Sum(b => b.WorstCase.Count), report.Bundles.Sum(b => b.WorstCase.NaiveSum)));
        }

        var withheld = report.Procedures.Count(p => p.Population.Suppressed) + report.Bundles.Count(b => b.Population.Suppressed);
        if (withheld > 0)
        {
            output.WriteLine(language.Pick(new Rules.Catalog.LocalizedText(
                $"{withheld} 个事项或一件事的样本案件过少，“通常”“最少”不予显示（统计保密）。",
                $"Typical and best are withheld for {withheld} procedures and bundles with too few cases to publish (statistical secrecy).")), ConsoleColour.Yellow);
        }
    }

    private static string N(int? visits) => visits?.ToString(CultureInfo.InvariantCulture) ?? "–";
}
