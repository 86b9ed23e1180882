using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OneVisit.Rules.Catalog;
using OneVisit.Rules.Hosting;
using OneVisit.Rules.Hosting.Internal;
using OneVisit.Workflows.Audit;
using OneVisit.Workflows.Bundles;
using OneVisit.Workflows.Bundles.Internal;
using OneVisit.Workflows.Cases;
using OneVisit.Workflows.Cases.Internal;
using OneVisit.Workflows.Commitments;
using OneVisit.Workflows.Deadlines;
using OneVisit.Workflows.Engine;
using OneVisit.Workflows.Evidence;
using OneVisit.Workflows.Internal;
using OneVisit.Workflows.Visits;

namespace OneVisit.Workflows.Hosting;

/// <summary>Adds durable cases to <c>services.AddOneVisit(...)</c>.</summary>
public static class OneVisitWorkflowsExtensions
{
    /// <summary>
    /// Adds the case runtime: <see cref="ICaseService"/>, the audit log, the visit and commitment ledgers,
    /// <see cref="ICaseRetention"/> (swept periodically when <see cref="CaseOptions.RetainFinishedCasesFor"/> is set), and
    /// a hosted <see cref="CaseRuntime"/> that starts the engine with the host (console apps without a generic
    /// host call <c>CaseRuntime.StartAsync</c> themselves). Calling it again only applies
    /// <paramref name="configure"/> to the same settings. <see cref="CaseOptions"/> are validated when a generic
    /// host starts, or when <c>CaseRuntime.StartAsync</c> runs without one.
    /// </summary>
    public static OneVisitBuilder AddWorkflows(this OneVisitBuilder builder, Action<WorkflowsBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        var services = builder.Services;
        var registered = services.Any(d => d.ServiceType == typeof(CaseRuntime));
        ConfigurationPathValidator<CaseOptions>.AddOnce<CaseOptionsValidator>(services);
        configure(new WorkflowsBuilder(services));
        if (registered)
        {
            return builder;
        }

        // WorkflowCore needs logging; a host without it gets silent loggers rather than a start-up failure.
        services.TryAddSingleton<Microsoft.Extensions.Logging.ILoggerFactory, Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory>();
        services.TryAdd(ServiceDescriptor.Singleton(typeof(Microsoft.Extensions.Logging.ILogger<>), typeof(Microsoft.Extensions.Logging.Logger<>)));
        services.AddSingleton<CaseStoreErrors>();
        services.AddSingleton(sp => Storage.AuditSeal.FromBase64(sp.GetRequiredService<IOptions<CaseOptions>>().Value.AuditKey));
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
        services.AddSingleton<CaseStarter>();
        services.AddSingleton<BundleProcess>();
        services.AddSingleton<BundleService>();
        services.AddSingleton<IBundleCaseService>(sp => sp.GetRequiredService<BundleService>());
        services.AddSingleton<CaseLedgers>();
        services.AddSingleton<IAuditLog, Audit.Internal.AuditLog>();
        services.AddSingleton<History.ICaseHistory, History.Internal.CaseHistory>();
        services.AddSingleton<Migration.ICaseMigrations, Migration.Internal.CaseMigrations>();
        services.TryAddSingleton<Actors.ICaseActorAccessor, Actors.Internal.NoCaseActorAccessor>();
        services.AddSingleton(sp => new Actors.Internal.CaseAccess(sp.GetRequiredService<Rules.Precheck.PrecheckEngine>().Catalog.Authorities.Values, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<Actors.Internal.CaseGate>();
        services.AddSingleton<IVisitLedger>(sp => sp.GetRequiredService<CaseLedgers>());
        services.AddSingleton<ICommitmentLedger>(sp => sp.GetRequiredService<CaseLedgers>());
        services.AddSingleton<CaseRetention>();
        services.AddSingleton<ICaseRetention>(sp => sp.GetRequiredService<CaseRetention>());
        services.AddSingleton<RetentionSweep>();
        services.AddSingleton<CaseRuntime>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, CaseRuntimeHostedService>());
        EngineRegistration.AddCaseEngine(services);
        return builder;
    }

    /// <summary>
    /// Adds the case runtime as <see cref="AddWorkflows(OneVisitBuilder, Action{WorkflowsBuilder})"/> does, with
    /// <see cref="CaseOptions"/> bound from <paramref name="section"/> (by convention
    /// <c>configuration.GetSection("OneVisit:Workflows")</c>); what <paramref name="configure"/> sets wins over it.
    /// </summary>
    public static OneVisitBuilder AddWorkflows(this OneVisitBuilder builder, IConfigurationSection section, Action<WorkflowsBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(section);
        builder.Services.AddOptions<CaseOptions>().Bind(section);
        builder.AddWorkflows(configure ?? (_ => { }));
        ConfigurationPathValidator<CaseOptions>.Use<CaseOptionsValidator>(builder.Services, section.Path);
        return builder;
    }
}
