using OneVisit.Rules.Catalog;
using OneVisit.Rules.Tests.Support;
using OneVisit.Rules.WhatIf;

namespace OneVisit.Rules.Tests.WhatIf;

/// <summary>The sample catalogue's reforms (<c>catalog/hangzhou/reforms/</c>) and the effects they are written to have.</summary>
public sealed class SampleReformTests
{
    private const string Water = "330100-SC-0030";
    private const string Electricity = "330100-SC-0031";
    private const string VehicleTransfer = "330100-SC-0002";
    private const string HomeSale = "330100-YJS-0004";

    private static readonly string Folder = Path.Combine(RepositoryRoot.Path, "catalog", "hangzhou", "reforms");
    private static readonly string TitleCertificate = Path.Combine(Folder, "2021-01-share-title-certificate.yaml");
    private static readonly string PostDelivery = Path.Combine(Folder, "2021-03-post-delivery.yaml");
    private static readonly string FaceScan = Path.Combine(Folder, "2021-06-identity-by-face-scan.yaml");

    [Fact]
    public void SampleReforms_LintCleanAndStackInOrder()
    {
        var loaded = ReformLoader.Load(SampleCatalogue.Catalog, [TitleCertificate, PostDelivery, FaceScan]);

        Assert.True(loaded.Diagnostics.Count == 0, string.Join(Environment.NewLine, loaded.Diagnostics) + string.Join(Environment.NewLine, loaded.Applied.SelectMany(a => a.Effects)));
        Assert.Equal(["share_title_certificate", "post_delivery", "identity_by_face_scan"], loaded.Applied.Select(a => a.Reform.Id));
        Assert.Equal(new DateOnly(2021, 6, 1), loaded.Applied[^1].Reform.EffectiveFrom);
    }

    [Fact]
    public void TitleCertificate_IsFetchedByEveryConsumer_AndTheCatalogueFilesAreUntouched()
    {
        var catalog = SampleCatalogue.Catalog;
        var before = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "catalog", "hangzhou", "procedures", "330100-sc-0030-water-account-transfer.yaml"));

        var applied = ReformLoader.Load(catalog, [TitleCertificate]).Applied.Single();

        Assert.Equal(
            ["330100-SC-0015", Water, Electricity, "330100-SC-0032"],
            applied.Effects.Where(e => e.Description.Contains("fetched", StringComparison.Ordinal)).Select(e => e.Target));
        var material = applied.Catalog.Procedures[Water].Materials.Single(m => m.DocumentId == "real_estate_certificate");
        Assert.Equal(ExemptionKind.DataSharing, material.Exemptions[0].Kind);
        Assert.Empty(catalog.Procedures[Water].Materials.Single(m => m.DocumentId == "real_estate_certificate").Exemptions);
        Assert.Equal(before, File.ReadAllText(Path.Combine(RepositoryRoot.Path, "catalog", "hangzhou", "procedures", "330100-sc-0030-water-account-transfer.yaml")));
    }

    [Fact]
    public void TitleCertificate_SparesTheDocumentButNoTrip_BecauseTheSignatureAtTheCounterStillNeedsOne()
    {
        // Visits are not additive per document: the water transfer is applied for at a window only, so the trip stays.
        var report = Run([TitleCertificate], ListPopulation.Of(Water, 1200, Registered));

        Assert.Equal(1200, report.Total.Figures!.Winners);
        Assert.Equal(0, report.Total.Figures.TripsSaved);
        var spared = Assert.Single(report.MaterialsSpared);
        Assert.Equal(("real_estate_certificate", "hz_real_estate_registry", 1200.0), (spared.DocumentId, spared.IssuedBy, spared.Times!.Value));
        Assert.Empty(report.Losers);
    }

    [Fact]
    public void PostDelivery_ReachesEveryPickupOnlyResult_ButTheCollectionSharesTheHandInTrip()
    {
        var applied = ReformLoader.Load(SampleCatalogue.Catalog, [PostDelivery]).Applied.Single();
        var report = Run([PostDelivery], ListPopulation.Of(VehicleTransfer, 800, Vehicle));

        Assert.Equal(
            [VehicleTransfer, "330100-SC-0005", "330100-SC-0009", "330100-SC-0016", "330100-SC-0020", "330100-SC-0028"],
            applied.Effects.Where(e => e.Description.Contains("delivered", StringComparison.Ordinal)).Select(e => e.Target));
        Assert.Contains(ResultDelivery.Mail, applied.Catalog.Procedures[VehicleTransfer].ResultDelivery);
        Assert.Equal(0, report.Total.Figures!.TripsSaved);
        Assert.Equal(0, report.Total.Figures.Affected);
    }

    [Fact]
    public void FaceScan_TakesSmartphoneUsersToZeroVisits_AndNobodyElse()
    {
        var report = Run(
            [FaceScan],
            ListPopulation.Of(Water, 3000, [.. Registered, ("applicant.has_smartphone", true)]),
            ListPopulation.Of(Water, 500, [.. Registered, ("applicant.has_smartphone", false)]),
            ListPopulation.Of(Electricity, 2000, [.. Registered, ("applicant.has_smartphone", true)]));

        Assert.Equal(5500, report.Total.Figures!.Cases);
        Assert.Equal(3000, report.Thresholds.CrossedToZero);
        Assert.Equal(3000, report.Total.Figures.TripsSaved);
        Assert.Equal(3000, report.ByProcedure.Single(c => c.Key == Water).Figures!.Winners);
        Assert.Equal(0, report.ByProcedure.Single(c => c.Key == Electricity).Figures!.Affected);
        Assert.Equal(3000, report.ByConsumingDepartment.Single(c => c.Figures!.TripsSaved > 0).Figures!.TripsSaved);
        Assert.Equal(report.Total.Figures.TripsSaved, report.Shares.Single().TripsSaved);
        Assert.Empty(report.Losers);
    }

    [Fact]
    public void Stacked_EachReformsShare_AddsUpToTheTotal()
    {
        var report = Run(
            [TitleCertificate, PostDelivery, FaceScan],
            ListPopulation.Of(Electricity, 3000, [.. Registered, ("applicant.has_smartphone", true)]),
            ListPopulation.Of(VehicleTransfer, 800, Vehicle),
            ListPopulation.Of(HomeSale, 400));

        Assert.Equal(3, report.Shares.Count);
        Assert.Equal(report.Total.Figures!.TripsSaved, report.Shares.Sum(s => s.TripsSaved), 6);

        // The title certificate saves no trip, but is no longer brought to the electricity transfer or the home sale:
        // that reform affects those cases (3,000 + 400), the vehicle transfer's none.
        Assert.Equal(0, report.Shares[0].TripsSaved);
        Assert.Equal(3400, report.Shares[0].Affected);
        Assert.Equal(3, report.Record.Reforms.Count);
        Assert.All(report.Record.Reforms, r => Assert.Equal(64, r.ContentHash.Length));
        Assert.Equal(new DateOnly(2021, 6, 1), report.Record.AsOf);
    }

    private static readonly (string, object?)[] Registered = [("property.transfer_registered", true)];

    private static readonly (string, object?)[] Vehicle =
    [
        ("vehicle.is_seized", false), ("vehicle.has_unresolved_violations", false), ("vehicle.is_mortgaged", false),
        ("vehicle.under_customs_supervision", false), ("vehicle.inspection_valid_until", new DateOnly(2022, 1, 1)),
        ("vehicle.reached_scrap_standard", false), ("vehicle.via_used_car_market", false), ("buyer.is_enterprise", false),
    ];

    private static WhatIfReport Run(string[] reforms, params Situation[] situations)
    {
        var loaded = ReformLoader.Load(SampleCatalogue.Catalog, reforms);
        Assert.True(loaded.Succeeded, string.Join(Environment.NewLine, loaded.Diagnostics));
        return WhatIfRun.Run(loaded, new ListPopulation(situations), new WhatIfOptions { MinimumCellSize = 0 });
    }
}
