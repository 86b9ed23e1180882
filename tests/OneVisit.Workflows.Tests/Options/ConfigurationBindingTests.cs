using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OneVisit.Rules.Hosting;
using OneVisit.Workflows.Hosting;
using OneVisit.Workflows.Simulation;
using WorkflowCore.Models;

namespace OneVisit.Workflows.Tests.Options;

/// <summary>Every OneVisit option can come from a host's configuration, under the documented section names.</summary>
public sealed class ConfigurationBindingTests
{
    [Fact]
    public async Task AddOneVisit_AppSettingsSections_BindsEveryOption()
    {
        await using var provider = Build();

        var oneVisit = provider.GetRequiredService<IOptions<OneVisitOptions>>().Value;
        var cases = provider.GetRequiredService<IOptions<CaseOptions>>().Value;
        var departments = provider.GetRequiredService<IOptions<SimulatedDepartmentsOptions>>().Value;

        Assert.Equal("catalogs/hangzhou", oneVisit.CatalogPath);
        Assert.Equal((64, false), (oneVisit.Precheck.RuleSetCacheCapacity, oneVisit.Precheck.UseFastExpressionCompiler));
        Assert.False(oneVisit.Precheck.Calendar.IsWorkingDay(new DateOnly(2025, 10, 1)));  // a holiday (Wednesday)
        Assert.False(oneVisit.Precheck.Calendar.IsWorkingDay(new DateOnly(2025, 10, 2)));
        Assert.True(oneVisit.Precheck.Calendar.IsWorkingDay(new DateOnly(2025, 9, 28)));   // a Sunday worked in exchange
        Assert.True(oneVisit.Precheck.Calendar.IsWorkingDay(new DateOnly(2025, 10, 3)));   // an ordinary Friday
        Assert.Equal("Data Source=cases-from-settings.db", cases.ConnectionString);
        Assert.Equal((7, 3, 30, 32, 2, 8), (cases.SupplementWorkingDays, cases.ReminderWorkingDaysBefore, cases.PickupWorkingDays, cases.MaxRequestsPerDepartment, cases.WarnWorkingDaysBefore, cases.MaxConcurrentCases));
        Assert.Equal(TimeSpan.FromHours(12), cases.EvidenceTimeout);
        Assert.Equal(TimeSpan.FromMilliseconds(200), cases.EvidenceInlineWait);
        Assert.Equal(TimeSpan.FromSeconds(30), cases.PollInterval);
        Assert.Equal(TimeSpan.FromSeconds(5), cases.StepRetryInterval);
        Assert.Equal((TimeSpan.FromSeconds(1), SimulatedAnswer.Later, 2), (departments.Latency, departments.DefaultAnswer, departments.TransientFailures));
        Assert.Equal(SimulatedAnswer.Refuse, Assert.Single(departments.Answers, a => a.Key == "market_supervision").Value);
    }

    [Fact]
    public async Task AddWorkflows_AppSettingsSection_TunesTheEngineWithTheBoundValues()
    {
        await using var provider = Build();

        // Read from CaseOptions when the engine's options are resolved, not when they were registered.
        var engine = provider.GetRequiredService<WorkflowOptions>();

        Assert.Equal(TimeSpan.FromSeconds(30), WorkflowCoreSetting<TimeSpan>(engine, "PollInterval"));
        Assert.Equal(8, WorkflowCoreSetting<int>(engine, "MaxConcurrentWorkflows"));
        Assert.Equal(TimeSpan.FromSeconds(5), WorkflowCoreSetting<TimeSpan>(engine, "ErrorRetryInterval"));
    }

    [Fact]
    public async Task AddWorkflows_CodeAfterTheSection_WinsOverIt()
    {
        await using var provider = Build(w => w.UseSqlite("Data Source=from-code.db").Configure(o => o.SupplementWorkingDays = 5));

        var cases = provider.GetRequiredService<IOptions<CaseOptions>>().Value;

        Assert.Equal(("Data Source=from-code.db", 5, 3), (cases.ConnectionString, cases.SupplementWorkingDays, cases.ReminderWorkingDaysBefore));
    }

    // WorkflowCore only has setters (Use...) for these; the fields they set are internal.
    private static T WorkflowCoreSetting<T>(WorkflowOptions options, string name) =>
        (T)typeof(WorkflowOptions).GetField(name, System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic)!.GetValue(options)!;

    private static ServiceProvider Build(Action<WorkflowsBuilder>? more = null)
    {
        var configuration = AppSettings.Load();
        var services = new ServiceCollection();
        services.AddOneVisit(configuration.GetSection("OneVisit"))
            .AddWorkflows(configuration.GetSection("OneVisit:Workflows"), w =>
            {
                w.UseSimulatedDepartments(configuration.GetSection("OneVisit:Workflows:SimulatedDepartments"));
                more?.Invoke(w);
            });
        return services.BuildServiceProvider();
    }
}
