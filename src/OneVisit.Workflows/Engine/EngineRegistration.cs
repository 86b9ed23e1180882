using Microsoft.Extensions.DependencyInjection;
using OneVisit.Workflows.Cases;
using OneVisit.Workflows.Engine.Steps;

namespace OneVisit.Workflows.Engine;

/// <summary>Registers WorkflowCore with OneVisit's store and tuning; the one place its options are set.</summary>
internal static class EngineRegistration
{
    public static void AddCaseEngine(IServiceCollection services, CaseOptions options)
    {
        services.AddWorkflow(workflow =>
        {
            workflow.UsePersistence(sp => new ObservedPersistence(
                sp.GetRequiredService<WorkflowCore.Services.ISingletonMemoryProvider>(),
                sp.GetRequiredService<CaseWatcher>()));
            workflow.UsePollInterval(options.PollInterval);
            workflow.UseMaxConcurrentWorkflows(options.MaxConcurrentCases);
        });

        services.AddSingleton<CaseWatcher>();
        services.AddTransient<IntakeStep>();
        services.AddTransient<EvidenceStep>();
        services.AddTransient<ReviewStep>();
        services.AddTransient<DeliveryStep>();
        services.AddSingleton<WorkflowCoreCaseEngine>();
        services.AddSingleton<ICaseEngine>(sp => sp.GetRequiredService<WorkflowCoreCaseEngine>());
    }
}
