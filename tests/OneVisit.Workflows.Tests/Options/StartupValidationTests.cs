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
        Assert.Contains("CaseOptions.SupplementWorkingDays must be at least 1", error.Message, StringComparison.Ordinal);
        Assert.Contains("(was 0)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HostStartAsync_RuleSetCacheCapacityZero_ThrowsNamingTheOption()
    {
        using var host = BuildHost(("OneVisit:Precheck:RuleSetCacheCapacity", "0"));

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Equal(typeof(OneVisitOptions), error.OptionsType);
        Assert.Contains("OneVisitOptions.Precheck.RuleSetCacheCapacity must be at least 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CaseRuntimeStartAsync_NoGenericHostAndPollIntervalTooShort_ThrowsNamingTheOption()
    {
        var configuration = AppSettings.Load(("OneVisit:Workflows:PollInterval", "00:00:00.01"));
        var services = new ServiceCollection();
        services.AddOneVisit(configuration.GetSection("OneVisit")).AddWorkflows(configuration.GetSection("OneVisit:Workflows"));
        await using var provider = services.BuildServiceProvider();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => provider.GetRequiredService<CaseRuntime>().StartAsync());

        Assert.Contains("CaseOptions.PollInterval must be at least 100 ms", error.Message, StringComparison.Ordinal);
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
