using OneVisit.Rules.Catalog;
using OneVisit.Rules.Precheck;

namespace OneVisit.Rules.WhatIf.Internal;

/// <summary>Turns the merged tally into the report: names, order, and suppression of every cell below the threshold.</summary>
internal static class ReportBuilder
{
    public static WhatIfReport Build(ReformLoadResult reforms, PopulationSource population, WhatIfOptions options, DateOnly asOf, Tally tally, string version)
    {
        var baseline = reforms.Baseline;
        var reformed = reforms.Reformed;
        var min = options.MinimumCellSize;
        return new WhatIfReport
        {
            Record = new RunRecord(
                version,
                baseline.Info.Name,
                options.CatalogueHash,
                asOf,
                [.. reforms.Applied.Select(a => new RecordedReform(a.Reform.Id, a.Reform.Location.File, a.Reform.EffectiveFrom, a.Reform.ContentHash))],
                new RecordedPopulation(population.Kind, population.Description, population.ContentHash),
                tally.Total.Situations,
                tally.Total.Cases,
                min,
                tally.Skipped),
            Total = Cell("total", new LocalizedText("合计", "Total"), tally.Total, min),
            Thresholds = tally.Total.Cases < min
                ? new Thresholds(0, 0, 0, 0, 0, 0)
                : new Thresholds(tally.AtMostOneBefore, tally.AtMostOneAfter, tally.ZeroBefore, tally.ZeroAfter, tally.CrossedToOne, tally.CrossedToZero),
            ByProcedure = Cells(tally.ByCode, code => NameOf(baseline, code), min),
            ByConsumingDepartment = Cells(tally.ByConsuming, id => AuthorityName(baseline, id), min),
            ByIssuingDepartment = Cells(tally.ByIssuing, id => AuthorityName(baseline, id), min),
            MaterialsSpared = [.. tally.Spared
                .OrderByDescending(s => s.Value).ThenBy(s => s.Key, StringComparer.Ordinal)
                .Select(s => new SparedMaterial(s.Key, baseline.Documents.GetValueOrDefault(s.Key)?.Name ?? new LocalizedText(s.Key), baseline.Documents.GetValueOrDefault(s.Key)?.IssuedBy, s.Value < min ? null : s.Value))],
            WorstCases = WorstCases(baseline, reformed),
            Losers = [.. tally.Losers
                .OrderByDescending(l => l.Value).ThenBy(l => l.Key.Code, StringComparer.Ordinal).ThenBy(l => l.Key.Reason, StringComparer.Ordinal)
                .Select(l => new LoserGroup(l.Key.Code, l.Key.Reason, l.Value < min ? null : l.Value))],
            Shares = [.. reforms.Applied.Select((a, i) => new ReformShare(a.Reform.Id, a.Reform.Name, tally.SharesSaved[i], tally.SharesAffected[i]))],
            Effects = [.. reforms.Applied.SelectMany(a => a.Effects)],
        };
    }

    private static List<WhatIfCell> Cells(Dictionary<string, Figures> cells, Func<string, LocalizedText> name, double min) =>
        [.. cells
            .OrderByDescending(c => c.Value.Cases < min ? double.NegativeInfinity : c.Value.TripsBefore - c.Value.TripsAfter)
            .ThenBy(c => c.Key, StringComparer.Ordinal)
            .Select(c => Cell(c.Key, name(c.Key), c.Value, min))];

    private static WhatIfCell Cell(string key, LocalizedText name, Figures f, double min) =>
        new(key, name, f.Cases < min ? null : new CellFigures(f.Cases, f.Situations, f.TripsBefore, f.TripsAfter, f.Affected, f.Winners, f.Losers));

    // Only what a reform replaced can change its worst case: unchanged records are the same objects in both catalogues.
    private static List<WorstCaseChange> WorstCases(ProcedureCatalog baseline, ProcedureCatalog reformed)
    {
        var changes = new List<WorstCaseChange>();
        foreach (var (code, after) in reformed.Procedures.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (baseline.Procedures.TryGetValue(code, out var before) && !ReferenceEquals(before, after)
                && (VisitPrediction.WorstCase(baseline, before).Count, VisitPrediction.WorstCase(reformed, after).Count) is var (b, a) && b != a)
            {
                changes.Add(new WorstCaseChange(code, after.Name, b, a));
            }
        }

        foreach (var (code, after) in reformed.Bundles.OrderBy(b => b.Key, StringComparer.Ordinal))
        {
            // Likewise a bundle: unchanged when it and every member are the objects they were.
            if (baseline.Bundles.TryGetValue(code, out var same) && ReferenceEquals(same, after)
                && after.Members.All(m => ReferenceEquals(baseline.Procedures.GetValueOrDefault(m.ProcedureCode), reformed.Procedures.GetValueOrDefault(m.ProcedureCode))))
            {
                continue;
            }

            var a = BundleVisits.WorstCase(reformed, after);
            var b = baseline.Bundles.TryGetValue(code, out var before) ? BundleVisits.WorstCase(baseline, before).Count : a.NaiveSum;
            if (b != a.Count)
            {
                changes.Add(new WorstCaseChange(code, after.Name, b, a.Count));
            }
        }

        return changes;
    }

    private static LocalizedText NameOf(ProcedureCatalog catalog, string code) =>
        catalog.Procedures.GetValueOrDefault(code)?.Name ?? catalog.Bundles.GetValueOrDefault(code)?.Name ?? new LocalizedText(code);

    private static LocalizedText AuthorityName(ProcedureCatalog catalog, string id) =>
        catalog.Authorities.GetValueOrDefault(id)?.Name ?? new LocalizedText(id);
}
