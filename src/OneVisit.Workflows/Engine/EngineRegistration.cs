using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OneVisit.Workflows.Cases;
using OneVisit.Workflows.Engine.Persistence;
using OneVisit.Workflows.Engine.Steps;

namespace OneVisit.Workflows.Engine;

/// <summary>Registers WorkflowCore with OneVisit's store and tuning; the one place its options are set.</summary>
internal static class EngineRegistration
{
    public static void AddCaseEngine(IServiceCollection services, CaseOptions options)
    {
        services.AddWorkflow(workflow =>
        {
            workflow.UsePersistence(sp => new ObservedPersistence(sp.GetRequiredService<SqliteWorkflowStore>(), sp.GetRequiredService<CaseWatcher>()));
            workflow.UsePollInterval(options.PollInterval);
            workflow.UseMaxConcurrentWorkflows(options.MaxConcurrentCases);
        });

        services.AddSingleton<CaseWatcher>();
        services.AddSingleton(sp => new SqliteWorkflowStore(
            new SqliteStoreOptions { ConnectionString = options.ConnectionString ?? "" },
            CasePayloads.Create(),
            sp.GetRequiredService<ILogger<SqliteWorkflowStore>>()));
        services.AddTransient<IntakeStep>();
        services.AddTransient<EvidenceStep>();
        services.AddTransient<ReviewStep>();
        services.AddTransient<DeliveryStep>();
        services.AddSingleton<WorkflowCoreCaseEngine>();
        services.AddSingleton<ICaseEngine>(sp => sp.GetRequiredService<WorkflowCoreCaseEngine>());
    }
}
