using Microsoft.Extensions.Time.Testing;
using OneVisit.Rules.Diagnostics;
using OneVisit.Rules.Precheck;
using OneVisit.Rules.Tests.Support;

namespace OneVisit.Rules.Tests.Catalog;

/// <summary>
/// <c>time_zone</c> in catalog.yaml: the offices count days in their own zone, whatever zone the server is in.
/// </summary>
public sealed class TimeZoneTests
{
    // 23:30 UTC on the 19th is already 07:30 on the 20th in Hangzhou.
    private static readonly DateTimeOffset LateEveningUtc = new(2017, 2, 19, 23, 30, 0, TimeSpan.Zero);

    [Fact]
    public void Today_CatalogueWithATimeZoneOnAUtcServer_CountsDaysInThatZone()
    {
        using var folder = new CatalogFolder().With("catalog.yaml", CatalogFolder.CatalogYaml + "\ntime_zone: Asia/Shanghai\n");
        var catalog = folder.Load().GetCatalogOrThrow();
        var utcServer = new FakeTimeProvider(LateEveningUtc);

        Assert.Equal(TimeSpan.FromHours(8), catalog.Info.TimeZone!.BaseUtcOffset);
        Assert.Equal(catalog.Info.TimeZone, catalog.TimeZone(utcServer));
        Assert.Equal(new DateOnly(2017, 2, 20), catalog.Today(utcServer));
    }

    [Fact]
    public void Today_CatalogueWithoutATimeZone_CountsDaysInTheHostsZone()
    {
        using var folder = new CatalogFolder();
        var catalog = folder.Load().GetCatalogOrThrow();
        var utcServer = new FakeTimeProvider(LateEveningUtc);

        Assert.Null(catalog.Info.TimeZone);
        Assert.Equal(TimeZoneInfo.Utc, catalog.TimeZone(utcServer));
        Assert.Equal(new DateOnly(2017, 2, 19), catalog.Today(utcServer));
    }

    [Fact]
    public void Precheck_UndatedApplication_IsDatedInTheOfficesZone()
    {
        using var folder = new CatalogFolder().With("catalog.yaml", CatalogFolder.CatalogYaml + "\ntime_zone: Asia/Shanghai\n");
        var catalog = folder.Load().GetCatalogOrThrow();
        var engine = new PrecheckEngine(catalog, timeProvider: new FakeTimeProvider(LateEveningUtc));

        var result = engine.Check(new PrecheckRequest { ProcedureCode = "P-1" });

        Assert.Equal(new DateOnly(2017, 2, 20), result.AsOf);
    }

    [Fact]
    public void Load_UnknownTimeZone_IsAnErrorAtItsPosition()
    {
        using var folder = new CatalogFolder().With("catalog.yaml", CatalogFolder.CatalogYaml + "\ntime_zone: Asia/Hangzhou\n");

        var result = folder.Load();

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCodes.InvalidValue, error.Code);
        Assert.Equal(new SourceLocation(folder.File("catalog.yaml"), 6, 12), error.Location);
        Assert.Contains("There is no time zone 'Asia/Hangzhou'", error.Message, StringComparison.Ordinal);
        Assert.Contains("Asia/Shanghai", error.Message, StringComparison.Ordinal);
        Assert.Null(result.Catalog);
    }
}
