using System.Globalization;
using OneVisit.Cli.Common;
using OneVisit.Rules.Catalog;
using OneVisit.Rules.WhatIf;
using static OneVisit.Cli.WhatIf.WhatIfFigures;

namespace OneVisit.Cli.WhatIf;

/// <summary>The what-if report for a terminal: the headline first, then who is worse off, then the breakdowns and the record.</summary>
internal sealed class WhatIfText(Terminal output, bool english)
{
    private const int Top = 20;

    public void Write(WhatIfReport report)
    {
        Headline(report);
        Losers(report);
        Shares(report);
        Cells("By procedure and bundle (top 20 by trips saved)", report.ByProcedure);
        Cells("By consuming department (where the trips are made)", report.ByConsumingDepartment);
        Cells("By issuing department (whose documents citizens no longer bring; trips shared among them)", report.ByIssuingDepartment);
        Spared(report);
        WorstCases(report);
        Record(report.Record);
    }

    private void Headline(WhatIfReport report)
    {
        output.WriteLine($"What if: {string.Join(" + ", report.Shares.Select(s => Name(s.Name)))}", ConsoleColour.None);
        if (report.Total.Figures is not { } total)
        {
            output.WriteLine($"The population describes fewer than {Number(report.Record.MinimumCellSize)} cases a year: no figures are shown.", ConsoleColour.Yellow);
            return;
        }

        output.WriteLine($"Trips saved a year: {Number(total.TripsSaved)} ({Number(total.TripsBefore)} → {Number(total.TripsAfter)}), in {Number(total.Cases)} cases a year.", total.TripsSaved > 0 ? ConsoleColour.Green : ConsoleColour.None);
        output.WriteLine($"Cases affected: {Number(total.Affected)} — better off {Number(total.Winners)}, unchanged {Number(total.Unchanged)}, worse off {Number(total.Losers)}.");
        var t = report.Thresholds;
        output.WriteLine($"At most one visit: {Number(t.AtMostOneBefore)} → {Number(t.AtMostOneAfter)} cases ({Number(t.CrossedToOne)} crossed); no visit (跑零次): {Number(t.ZeroBefore)} → {Number(t.ZeroAfter)} ({Number(t.CrossedToZero)} crossed).");
    }

    private void Losers(WhatIfReport report)
    {
        output.WriteLine();
        if (report.Losers.Count == 0)
        {
            output.WriteLine("Worse off: nobody.", ConsoleColour.Green);
            return;
        }

        output.WriteLine($"WORSE OFF: {report.Losers.Count} group{(report.Losers.Count == 1 ? "" : "s")} of cases", ConsoleColour.Red);
        var table = new TextTable("procedure", "reason", "cases a year");
        foreach (var loser in report.Losers)
        {
            table.Add(ConsoleColour.Red, loser.Code, loser.Reason, CasesOrWithheld(loser.Cases, report));
        }

        table.Write(output, "  ");
    }

    private void Shares(WhatIfReport report)
    {
        output.WriteLine();
        output.WriteLine("Each reform's share, in the stated order", ConsoleColour.None);
        var table = new TextTable("#", "reform", "trips saved", "cases affected");
        foreach (var (share, i) in report.Shares.Select((s, i) => (s, i + 1)))
        {
            table.Add(i.ToString(CultureInfo.InvariantCulture), $"{share.ReformId}: {Name(share.Name)}", Number(share.TripsSaved), Number(share.Affected));
        }

        table.Write(output, "  ");
    }

    private void Cells(string title, IReadOnlyList<WhatIfCell> cells)
    {
        output.WriteLine();
        output.WriteLine(title, ConsoleColour.None);
        var table = new TextTable("", "name", "cases", "trips before", "after", "saved", "better", "worse");
        foreach (var cell in cells.Take(Top))
        {
            table.Add(cell.Figures is { } f
                ? [cell.Key, Name(cell.Name), Number(f.Cases), Number(f.TripsBefore), Number(f.TripsAfter), Number(f.TripsSaved), Number(f.Winners), Number(f.Losers)]
                : [cell.Key, Name(cell.Name), "suppressed", "", "", "", "", ""]);
        }

        table.Write(output, "  ");
        if (cells.Count > Top)
        {
            output.WriteLine($"  … and {cells.Count - Top} more (--json or --html lists them all)", ConsoleColour.Dim);
        }
    }

    private void Spared(WhatIfReport report)
    {
        output.WriteLine();
        output.WriteLine("Documents no longer asked of citizens", ConsoleColour.None);
        if (report.MaterialsSpared.Count == 0)
        {
            output.WriteLine("  none");
            return;
        }

        var table = new TextTable("document", "issued by", "times a year");
        foreach (var spared in report.MaterialsSpared)
        {
            table.Add(Name(spared.Name), spared.IssuedBy ?? "", CasesOrWithheld(spared.Times, report));
        }

        table.Write(output, "  ");
    }

    private void WorstCases(WhatIfReport report)
    {
        output.WriteLine();
        output.WriteLine("Worst case (the service guide's count) before and after", ConsoleColour.None);
        if (report.WorstCases.Count == 0)
        {
            output.WriteLine("  unchanged for every procedure and bundle");
            return;
        }

        var table = new TextTable("code", "name", "before", "after", "");
        foreach (var change in report.WorstCases)
        {
            var crossing = change.CrossesToZero ? "to zero visits" : change.CrossesToOne ? "to at most one visit" : "";
            table.Add(change.Code, Name(change.Name), change.Before.ToString(CultureInfo.InvariantCulture), change.After.ToString(CultureInfo.InvariantCulture), crossing);
        }

        table.Write(output, "  ");
    }

    private void Record(RunRecord record)
    {
        output.WriteLine();
        output.WriteLine("Run record", ConsoleColour.None);
        output.WriteLine($"  catalogue   {Name(record.CatalogueName)}, sha256 {record.CatalogueHash ?? "(not recorded)"}", ConsoleColour.Dim);
        foreach (var reform in record.Reforms)
        {
            output.WriteLine($"  reform      {reform.Id} from {reform.EffectiveFrom:yyyy-MM-dd}, {reform.File}, sha256 {reform.ContentHash}", ConsoleColour.Dim);
        }

        output.WriteLine($"  population  {record.Population.Kind}: {record.Population.Description}, sha256 {record.Population.ContentHash}", ConsoleColour.Dim);
        output.WriteLine($"  size        {record.Situations:N0} situations, {Number(record.Cases)} cases a year{(record.Skipped > 0 ? $"; {record.Skipped:N0} left out (code unknown or not in force on {record.AsOf:yyyy-MM-dd})" : "")}", ConsoleColour.Dim);
        output.WriteLine($"  judged on   {record.AsOf:yyyy-MM-dd}; cells under {Number(record.MinimumCellSize)} cases suppressed; OneVisit {record.OneVisitVersion}", ConsoleColour.Dim);
    }

    private string Name(LocalizedText text) => english ? text.EnglishOrText : text.Text;
}
