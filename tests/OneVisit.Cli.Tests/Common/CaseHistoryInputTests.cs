using System.Security.Cryptography;
using OneVisit.Cli.Common;
using OneVisit.Cli.Tests.Demo;
using OneVisit.Rules.WhatIf;

namespace OneVisit.Cli.Tests.Common;

/// <summary>The seam <c>onevisit whatif</c> calls for a population of past cases: a store opened read-only, its cases as situations.</summary>
public sealed class CaseHistoryInputTests(DemoStore demo) : IClassFixture<DemoStore>
{
    private static readonly DateOnly Start = new(2000, 1, 1);
    private static readonly DateOnly End = new(2099, 12, 31);

    private static Terminal Errors(StringWriter writer) => new(writer, colour: false);

    [Fact]
    public async Task OpenAsync_DemoStore_ItsCasesAsAPopulationAndTheFileUntouched()
    {
        Assert.Equal(0, demo.ExitCode);
        var before = SHA256.HashData(await File.ReadAllBytesAsync(demo.Database));
        var error = new StringWriter();

        var (input, exitCode) = await CaseHistoryInput.OpenAsync("whatif", new StoreTarget(demo.Database, false, "--population"), RepositoryRoot.SampleCatalogue, Start, End, null, "Asia/Shanghai", Errors(error), CancellationToken.None);
        await using var opened = input;

        Assert.True(exitCode == 0, error.ToString());
        var population = input!.Population;
        var situations = population.Read(input.Catalog).ToList();
        Assert.Equal(PopulationKind.CaseHistory, population.Kind);
        Assert.True(population.Cases > 0, population.Description);
        Assert.Equal(population.Cases, situations.Count);
        Assert.StartsWith($"{population.Cases} cases submitted 2000-01-01..2099-12-31 (Asia/Shanghai)", population.Description, StringComparison.Ordinal);
        Assert.EndsWith("from " + demo.Database, population.Description, StringComparison.Ordinal);
        Assert.All(situations, s => Assert.Equal(1, s.Weight));
        Assert.Equal(before, SHA256.HashData(await File.ReadAllBytesAsync(demo.Database)));
    }

    [Fact]
    public async Task OpenAsync_NoSuchFile_UsageErrorNamingIt()
    {
        var error = new StringWriter();
        var missing = Path.Combine(Path.GetTempPath(), $"onevisit-no-store-{Guid.NewGuid():N}.db");

        var (input, exitCode) = await CaseHistoryInput.OpenAsync("whatif", new StoreTarget(missing, false, "--population"), RepositoryRoot.SampleCatalogue, Start, End, null, null, Errors(error), CancellationToken.None);

        Assert.Null(input);
        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Contains($"there is no case store at {missing}", error.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(missing));
    }

    [Fact]
    public async Task OpenAsync_LastDayBeforeFirst_UsageErrorSayingWhichWayRound()
    {
        var error = new StringWriter();

        var (input, exitCode) = await CaseHistoryInput.OpenAsync("whatif", new StoreTarget(demo.Database, false, "--population"), RepositoryRoot.SampleCatalogue, End, Start, null, null, Errors(error), CancellationToken.None);

        Assert.Null(input);
        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Contains("the population's last day (2000-01-01) is before its first (2099-12-31)", error.ToString(), StringComparison.Ordinal);
    }
}
