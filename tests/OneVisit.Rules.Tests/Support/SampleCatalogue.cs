using OneVisit.Rules.Authoring;
using OneVisit.Rules.Catalog;
using OneVisit.Rules.Precheck;
using OneVisit.Rules.Testing;

namespace OneVisit.Rules.Tests.Support;

/// <summary>The sample Hangzhou catalogue, loaded once per test run, and an engine over it.</summary>
internal static class SampleCatalogue
{
    private static readonly Lazy<CatalogLoadResult> Loaded = new(() =>
        CatalogLoader.Load(Path.Combine(RepositoryRoot.Path, "catalog", "hangzhou")));

    private static readonly Lazy<PrecheckEngine> SharedEngine = new(() => new PrecheckEngine(Catalog));

    public static ProcedureCatalog Catalog => Loaded.Value.GetCatalogOrThrow();

    /// <summary>The sample's policy tests (<c>tests/*.yaml</c>), loaded beside the catalogue.</summary>
    public static IReadOnlyList<PolicyTestCase> Tests => Loaded.Value.Tests;

    /// <summary>The sample's policy tests of one procedure (not of a bundle), for checks that precheck them one by one.</summary>
    public static IReadOnlyList<PolicyTestCase> ProcedureTests => [.. Tests.Where(t => t.ProcedureCode is not null)];

    /// <summary>One engine shared by tests that only read from it.</summary>
    public static PrecheckEngine Engine => SharedEngine.Value;

    /// <summary>The sample's as-of date: the morning of the four errands.</summary>
    public static DateOnly Morning => Catalog.Info.AsOf;
}
