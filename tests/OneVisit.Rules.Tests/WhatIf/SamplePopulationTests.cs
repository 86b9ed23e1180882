using OneVisit.Rules.WhatIf;
using OneVisit.Rules.WhatIf.Populations;

namespace OneVisit.Rules.Tests.WhatIf;

/// <summary>The sample catalogue's generated population reads against the sample catalogue and covers what it says.</summary>
public sealed class SamplePopulationTests
{
    private static readonly string SpecPath = Path.Combine(RepositoryRoot.SampleCatalogue, "populations", "hangzhou-2017.yaml");

    [Fact]
    public void Load_SampleSpec_HasNoDiagnostics()
    {
        var result = PopulationSpecFile.Load(SpecPath, SampleCatalogue.Catalog);

        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void Read_SampleSpec_CoversTheFoundingErrandsTheUtilityTransfersAndEveryBundleWithTheirVolumes()
    {
        var population = Population.FromFile(SpecPath);

        var byCode = population.Read(SampleCatalogue.Catalog).GroupBy(s => s.Code).ToDictionary(g => g.Key, g => (Count: g.Count(), Weight: g.Sum(s => s.Weight)));

        Assert.Equal(PopulationKind.Generated, population.Kind);
        string[] founding = ["330100-SC-0001", "330100-SC-0002", "330100-SC-0003", "330100-SC-0004"];
        string[] utilities = ["330100-SC-0030", "330100-SC-0032"]; // for the face-scan reform's sample run
        Assert.Equal([.. founding, .. utilities, .. SampleCatalogue.Catalog.Bundles.Keys.Order(StringComparer.Ordinal)], byCode.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(20_000, byCode.Values.Sum(v => v.Count));
        Assert.Equal(120_000, byCode["330100-SC-0004"].Weight, 6);
    }
}
