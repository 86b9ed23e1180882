using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OneVisit.Rules.Hosting;
using OneVisit.Workflows.Hosting;

namespace OneVisit.Workflows.Tests.Options;

/// <summary>A bad setting stops the start, with or without a generic host, and the error names the setting.</summary>
public sealed class StartupValidationTests
{
    [Fact]
    public async Task HostStartAsync_SupplementWorkingDaysZero_ThrowsNamingTheOption()
    {
        using var host = BuildHost(("OneVisit:Workflows:SupplementWorkingDays", "0"));

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Equal(typeof(CaseOptions), error.OptionsType);
        Assert.Contains("OneVisit:Workflows:SupplementWorkingDays must be at least 1", error.Message, StringComparison.Ordinal);
        Assert.Contains("(was 0)", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("CaseOptions.", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not base64!", "is not base64")]
    [InlineData("c2hvcnQ=", "is 5 bytes long, fewer than 32")]
    public async Task HostStartAsync_AuditKeyUnusable_ThrowsNamingTheOptionNotTheKey(string key, string problem)
    {
        using var host = BuildHost(("OneVisit:Workflows:AuditKey", key));

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains($"OneVisit:Workflows:AuditKey {problem}: give base64 of at least 32 random bytes", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(key, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HostStartAsync_RuleSetCacheCapacityZero_ThrowsNamingTheOption()
    {
        using var host = BuildHost(("OneVisit:Precheck:RuleSetCacheCapacity", "0"));

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Equal(typeof(OneVisitOptions), error.OptionsType);
        Assert.Contains("OneVisit:Precheck:RuleSetCacheCapacity must be at least 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CaseRuntimeStartAsync_NoGenericHostAndPollIntervalTooShort_ThrowsNamingTheOption()
    {
        var configuration = AppSettings.Load(("OneVisit:Workflows:PollInterval", "00:00:00.01"));
        var services = new ServiceCollection();
        services.AddOneVisit(configuration.GetSection("OneVisit")).AddWorkflows(configuration.GetSection("OneVisit:Workflows"));
        await using var provider = services.BuildServiceProvider();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => provider.GetRequiredService<CaseRuntime>().StartAsync());

        Assert.Contains("OneVisit:Workflows:PollInterval must be at least 100 ms", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CaseRuntimeStartAsync_SetInCodeNotConfiguration_ThrowsNamingTheProperty()
    {
        var services = new ServiceCollection();
        services.AddOneVisit(o => o.CatalogPath = RepositoryRoot.SampleCatalogue)
            .AddWorkflows(w => w.UseSqlite("Data Source=unused.db").Configure(o => o.SupplementWorkingDays = 0).UseSimulatedDepartments());
        await using var provider = services.BuildServiceProvider();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => provider.GetRequiredService<CaseRuntime>().StartAsync());

        Assert.Contains("CaseOptions.SupplementWorkingDays must be at least 1", error.Message, StringComparison.Ordinal);
        Assert.Single(error.Failures);
    }

    [Fact]
    public async Task CaseRuntimeStartAsync_EntryPointsCalledTwiceWithSection_ReportsEachProblemOnce()
    {
        var configuration = AppSettings.Load(("OneVisit:Workflows:SupplementWorkingDays", "0"));
        var services = new ServiceCollection();
        services.AddOneVisit(configuration.GetSection("OneVisit")).AddWorkflows(configuration.GetSection("OneVisit:Workflows"));
        services.AddOneVisit().AddWorkflows(w => w.UseSimulatedDepartments());
        await using var provider = services.BuildServiceProvider();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => provider.GetRequiredService<CaseRuntime>().StartAsync());

        Assert.Single(error.Failures);
        Assert.Contains("OneVisit:Workflows:SupplementWorkingDays", error.Failures.Single(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("00:00:00")]
    [InlineData("-1.00:00:00")]
    public async Task HostStartAsync_RetainFinishedCasesForNotPositive_ThrowsNamingTheOption(string period)
    {
        using var host = BuildHost(("OneVisit:Workflows:RetainFinishedCasesFor", period));

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("OneVisit:Workflows:RetainFinishedCasesFor must be positive when set", error.Message, StringComparison.Ordinal);
        Assert.Contains($"(was {TimeSpan.Parse(period, System.Globalization.CultureInfo.InvariantCulture)})", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("00:00:10")]
    [InlineData("31.00:00:00")]
    public async Task HostStartAsync_RetentionSweepIntervalOutOfRange_ThrowsNamingTheOption(string interval)
    {
        using var host = BuildHost(("OneVisit:Workflows:RetainFinishedCasesFor", "30.00:00:00"), ("OneVisit:Workflows:RetentionSweepInterval", interval));

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("OneVisit:Workflows:RetentionSweepInterval must be between 1 minute and 30 days", error.Message, StringComparison.Ordinal);
    }

    private static IHost BuildHost(params (string Key, string Value)[] overrides)
    {
        // No defaults: the test's settings only, not whatever appsettings.json the working directory holds.
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddConfiguration(AppSettings.Load(overrides));
        builder.Services.AddOneVisit(builder.Configuration.GetSection("OneVisit"))
            .AddWorkflows(builder.Configuration.GetSection("OneVisit:Workflows"), w => w.UseSimulatedDepartments());
        return builder.Build();
    }
}
