using OneVisit.Rules.Tests.Support;
using OneVisit.Rules.WhatIf;

namespace OneVisit.Rules.Tests.WhatIf;

/// <summary>The run's accounting: losers never hidden, small cells suppressed, skipped situations counted.</summary>
public sealed class WhatIfRunTests
{
    private static readonly string FaceScan = Path.Combine(RepositoryRoot.Path, "catalog", "hangzhou", "reforms", "2021-06-identity-by-face-scan.yaml");

    [Fact]
    public void ReformRunBackwards_ListsEveryLoserWithTheReason()
    {
        // Undoing the face-scan reform: the reformed catalogue as baseline, the original as "after".
        var forward = ReformLoader.Load(SampleCatalogue.Catalog, [FaceScan]);
        var backwards = new ReformLoadResult(forward.Reformed, [forward.Applied[0] with { Catalog = SampleCatalogue.Catalog }], []);

        var report = WhatIfRun.Run(backwards, new ListPopulation(
            ListPopulation.Of("330100-SC-0030", 3000, ("property.transfer_registered", true), ("applicant.has_smartphone", true))));

        var loser = Assert.Single(report.Losers);
        Assert.Equal(("330100-SC-0030", "trips 0 → 1", 3000.0), (loser.Code, loser.Reason, loser.Cases!.Value));
        Assert.Equal(3000, report.Total.Figures!.Losers);
        Assert.Equal(-3000, report.Total.Figures.TripsSaved);
    }

    [Fact]
    public void CellsBelowTheThreshold_CarryNoFigures_ButLosersStillShow()
    {
        var forward = ReformLoader.Load(SampleCatalogue.Catalog, [FaceScan]);
        var backwards = new ReformLoadResult(forward.Reformed, [forward.Applied[0] with { Catalog = SampleCatalogue.Catalog }], []);

        var report = WhatIfRun.Run(
            backwards,
            new ListPopulation(
                ListPopulation.Of("330100-SC-0030", 4, ("property.transfer_registered", true), ("applicant.has_smartphone", true)),
                ListPopulation.Of("330100-SC-0031", 500)),
            new WhatIfOptions { MinimumCellSize = 10 });

        Assert.True(report.ByProcedure.Single(c => c.Key == "330100-SC-0030").Suppressed);
        Assert.False(report.ByProcedure.Single(c => c.Key == "330100-SC-0031").Suppressed);
        var loser = Assert.Single(report.Losers);
        Assert.Equal(("330100-SC-0030", (double?)null), (loser.Code, loser.Cases));
        Assert.Equal(10, report.Record.MinimumCellSize);
    }

    [Fact]
    public void UnknownOrNotYetInForceCodes_AreCountedAsSkipped()
    {
        var loaded = ReformLoader.Load(SampleCatalogue.Catalog, [FaceScan]);

        var report = WhatIfRun.Run(
            loaded,
            new ListPopulation(ListPopulation.Of("330100-SC-0030", 20), ListPopulation.Of("330100-SC-9999", 5), ListPopulation.Of("330100-YJS-0004", 5)),
            new WhatIfOptions { AsOf = new DateOnly(2019, 6, 1) });

        Assert.Equal(2, report.Record.Skipped); // an unknown code, and the home-sale bundle (in force from 2020)
        Assert.Equal(1, report.Record.Situations);
    }

    [Fact]
    public void ManySituations_InParallelBatches_CountTheSameAsOneByOne()
    {
        var loaded = ReformLoader.Load(SampleCatalogue.Catalog, [FaceScan]);
        var situations = Enumerable.Range(0, 500).Select(i => ListPopulation.Of(
            i % 2 == 0 ? "330100-SC-0030" : "330100-SC-0016",
            1 + (i % 7),
            ("property.transfer_registered", true),
            ("applicant.has_smartphone", i % 3 != 0))).ToArray();

        var parallel = WhatIfRun.Run(loaded, new ListPopulation(situations), new WhatIfOptions { BatchSize = 16, MaxDegreeOfParallelism = 4 });
        var serial = WhatIfRun.Run(loaded, new ListPopulation(situations), new WhatIfOptions { BatchSize = 1000, MaxDegreeOfParallelism = 1 });

        Assert.Equal(serial.Total, parallel.Total);
        Assert.Equal(serial.ByProcedure, parallel.ByProcedure);
        Assert.Equal(serial.Thresholds, parallel.Thresholds);
    }
}
