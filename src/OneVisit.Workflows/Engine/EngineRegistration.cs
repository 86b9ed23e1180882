using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OneVisit.Workflows.Cases;
using OneVisit.Workflows.Cases.Internal;
using OneVisit.Workflows.Engine.Runtime;
using OneVisit.Workflows.Engine.Steps;
using Microsoft.Extensions.Logging;
using OneVisit.Workflows.Engine.Persistence;
using OneVisit.Workflows.Hosting;
using OneVisit.Workflows.Persistence.Sqlite;
using OneVisit.Workflows.Storage;
using WorkflowCore.Models;

namespace OneVisit.Workflows.Engine;

/// <summary>Registers WorkflowCore with OneVisit's store and tuning; the one place its options are set.</summary>
internal static class EngineRegistration
{
    public static void AddCaseEngine(IServiceCollection services)
    {
        // WorkflowCore with OneVisit's runtime: a waiting queue, locks that re-queue blocked events, a clock
        // from TimeProvider and wake-ups on time; polling stays only as a safety net.
        services.AddOneVisitWorkflowEngine(new RuntimeTuning(), workflow => workflow.UsePersistence(sp => sp.GetRequiredService<ObservedPersistence>()));

        // CaseOptions are known only once the container is built (configuration, Configure calls), but WorkflowCore
        // registers its options as a finished instance; the three it takes from them are set when it is first resolved.
        var workflowOptions = services.Last(d => d.ServiceType == typeof(WorkflowOptions));
        services.Remove(workflowOptions);
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<CaseOptions>>().Value;
            var workflow = (WorkflowOptions)workflowOptions.ImplementationInstance!;
            workflow.UsePollInterval(options.PollInterval);
            workflow.UseMaxConcurrentWorkflows(options.MaxConcurrentCases);
            workflow.UseErrorRetryInterval(options.StepRetryInterval);
            return workflow;
        });
        services.AddSingleton(sp => new ObservedPersistence(
            sp.GetRequiredService<IEngineStore>(), sp.GetRequiredService<CaseWatcher>(), sp.GetRequiredService<IWakeUpSink>()));

        // The probe for other nodes' saves polls the store: it runs on the system clock, not on the cases' (a host's fake one).
        services.AddSingleton(sp => new CaseWatcher(sp.GetService<CaseWatcher.RemoteSaves>(), TimeProvider.System, sp.GetRequiredService<ILogger<CaseWatcher>>()));
        CaseStorageRegistration.Chosen(services).Register(services);
        services.AddSingleton<IStoreErrorTranslator, EngineErrors>();
        services.AddTransient<IntakeStep>();
        services.AddTransient<EvidenceStep>();
        services.AddTransient<ReviewStep>();
        services.AddTransient<DeliveryStep>();
        services.AddTransient<BundleIntakeStep>();
        services.AddTransient<BundleMemberStep>();
        services.AddTransient<BundleDeliveryStep>();
        services.AddSingleton<ICaseEvents, CaseEvents>();
        services.AddSingleton<MissedEventSweep>();
        services.AddSingleton<WorkflowCoreCaseEngine>();
        services.AddSingleton<ICaseEngine>(sp => sp.GetRequiredService<WorkflowCoreCaseEngine>());
    }

    /// <summary>
    /// SQLite, the embedded default: the engine's store and OneVisit's tables share one database, hence one writer, so
    /// a step's audit lines and its workflow document commit together.
    /// </summary>
    public static void AddSqlite(IServiceCollection services)
    {
        services.AddSingleton(sp => new SqliteDatabase(
            new SqliteStoreOptions
            {
                ConnectionString = sp.GetRequiredService<IOptions<CaseOptions>>().Value.ConnectionString ?? "",
                UniqueReferences = true,
                AuditSeal = sp.GetRequiredService<AuditSeal>(),
            },
            sp.GetRequiredService<ILogger<SqliteDatabase>>(),
            // What a read-only store (Mode=ReadOnly, inspection) must hold at this build's versions before it is read.
            [SqliteCaseStore.Migrations, WorkflowSchema.Migrations]));
        SqliteStorage.Add(services);
        services.AddSingleton(sp => new SqliteWorkflowStore(
            sp.GetRequiredService<SqliteDatabase>(),
            CasePayloads.Create(),
            sp.GetRequiredService<ILogger<SqliteWorkflowStore>>()));
        services.AddSingleton<IEngineStore>(sp => sp.GetRequiredService<SqliteWorkflowStore>());
    }
}
