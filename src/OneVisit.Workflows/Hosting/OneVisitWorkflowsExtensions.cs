using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OneVisit.Rules.Catalog;
using OneVisit.Rules.Hosting;
using OneVisit.Workflows.Audit;
using OneVisit.Workflows.Cases;
using OneVisit.Workflows.Cases.Internal;
using OneVisit.Workflows.Commitments;
using OneVisit.Workflows.Deadlines;
using OneVisit.Workflows.Engine;
using OneVisit.Workflows.Evidence;
using OneVisit.Workflows.Visits;

namespace OneVisit.Workflows.Hosting;

/// <summary>Adds durable cases to <c>services.AddOneVisit(...)</c>.</summary>
public static class OneVisitWorkflowsExtensions
{
    /// <summary>
    /// Adds the case runtime: <see cref="ICaseService"/>, the audit log, the visit and commitment ledgers, and
    /// a hosted <see cref="CaseRuntime"/> that starts the engine with the host (console apps without a generic
    /// host call <c>CaseRuntime.StartAsync</c> themselves). Calling it again only applies
    /// <paramref name="configure"/> to the same settings. Settings are validated when the runtime starts.
    /// </summary>
    public static OneVisitBuilder AddWorkflows(this OneVisitBuilder builder, Action<WorkflowsBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        var services = builder.Services;
        var existing = services.FirstOrDefault(d => d.ServiceType == typeof(CaseOptions))?.ImplementationInstance as CaseOptions;
        var options = existing ?? new CaseOptions();
        configure(new WorkflowsBuilder(services, options));
        if (existing is not null)
        {
            return builder;
        }

        // WorkflowCore needs logging; a host without it gets silent loggers rather than a start-up failure.
        services.TryAddSingleton<Microsoft.Extensions.Logging.ILoggerFactory, Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory>();
        services.TryAdd(ServiceDescriptor.Singleton(typeof(Microsoft.Extensions.Logging.ILogger<>), typeof(Microsoft.Extensions.Logging.Logger<>)));
        services.AddSingleton(options);
        services.AddSingleton<IOptions<CaseOptions>>(Options.Create(options));
        services.AddSingleton<CaseStoreErrors>();
        services.AddSingleton(sp => new CaseCalendar(
            sp.GetRequiredService<IOptions<OneVisitOptions>>().Value.Precheck.Calendar,
            sp.GetRequiredService<ProcedureCatalog>().TimeZone(sp.GetRequiredService<TimeProvider>())));
        services.AddSingleton<CaseTimers>();
        services.AddSingleton<TimerHandler>();
        services.AddSingleton<EvidenceProviders>();
        services.AddSingleton(sp => new CaseMetrics(sp.GetService<System.Diagnostics.Metrics.IMeterFactory>()));
        services.AddSingleton<CaseProcess>();
        services.AddSingleton<CaseEscalations>();
        services.AddSingleton<EvidenceDispatcher>();
        services.AddSingleton<CaseService>();
        services.AddSingleton<ICaseService>(sp => sp.GetRequiredService<CaseService>());
        services.AddSingleton<CaseLedgers>();
        services.AddSingleton<IAuditLog>(sp => sp.GetRequiredService<CaseLedgers>());
        services.AddSingleton<IVisitLedger>(sp => sp.GetRequiredService<CaseLedgers>());
        services.AddSingleton<ICommitmentLedger>(sp => sp.GetRequiredService<CaseLedgers>());
        services.AddSingleton<CaseRuntime>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, CaseRuntimeHostedService>());
        EngineRegistration.AddCaseEngine(services, options);
        return builder;
    }
}
