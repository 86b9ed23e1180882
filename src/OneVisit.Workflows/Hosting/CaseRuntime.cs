using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OneVisit.Rules;
using OneVisit.Rules.Catalog;
using OneVisit.Workflows.Cases;
using OneVisit.Workflows.Cases.Internal;
using OneVisit.Workflows.Deadlines;
using OneVisit.Workflows.Engine;
using OneVisit.Workflows.Evidence;
using OneVisit.Workflows.Storage;
using WorkflowCore.Interface;

namespace OneVisit.Workflows.Hosting;

/// <summary>
/// Starts and stops the case runtime: validates settings, loads the catalogue, creates or upgrades the
/// database, registers every procedure version (the catalogue's and those running cases still use),
/// starts the engine, and re-arms durable timers. In a generic host (worker, ASP.NET Core) it starts
/// with the host; elsewhere call <see cref="StartAsync"/> and <see cref="StopAsync"/>. Disposing the service
/// provider without stopping also stops the engine (WorkflowCore's host and OneVisit's timers dispose
/// themselves); stopping first lets the steps in flight finish.
/// </summary>
public sealed class CaseRuntime
{
    private readonly IServiceProvider _services;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private bool _started;
    private IWorkflowHost? _host;
    private CaseTimers? _timers;
    private EvidenceDispatcher? _dispatcher;

    /// <summary>Created by DI.</summary>
    public CaseRuntime(IServiceProvider services) => _services = services;

    private T Get<T>()
        where T : notnull => (T)(_services.GetService(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not registered: call services.AddOneVisit(...).AddWorkflows(...)."));

    /// <summary>Starts the runtime; a second call does nothing.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_started)
            {
                return;
            }

            // Every option registered with ValidateOnStart (OneVisit's and the host's), as a generic host checks them
            // before it starts: a console app that calls StartAsync itself gets the same check and the same messages.
            Get<IStartupValidator>().Validate();

            var catalog = Get<ProcedureCatalog>();
            var terms = catalog.Procedures.Values.Select(p => CaseTermsFactory.From(p, catalog.Documents)).ToList();
            if (Get<EvidenceProviders>().IsEmpty && terms.Any(t => t.MayFetch))
            {
                throw new OptionsValidationException(nameof(CaseOptions), typeof(CaseOptions),
                [
                    "The catalogue has procedures that fetch documents from other departments, but no evidence provider is registered: "
                    + "call AddWorkflows(w => w.AddEvidenceProvider(\"department_id\", provider)) per department, or w.UseSimulatedDepartments() for a trial.",
                ]);
            }

            await Get<CaseStore>().InitializeAsync(cancellationToken).ConfigureAwait(false);
            Get<IPersistenceProvider>().EnsureStoreExists();

            var engine = Get<WorkflowCoreCaseEngine>();
            await engine.RegisterStoredDefinitionsAsync(cancellationToken).ConfigureAwait(false);
            foreach (var current in terms)
            {
                await engine.EnsureDefinitionAsync(current, cancellationToken).ConfigureAwait(false);
            }

            // Kept, not resolved again at stop: a container disposing itself stops the runtime while it can
            // no longer resolve anything.
            _host = Get<IWorkflowHost>();
            _timers = Get<CaseTimers>();
            await _host.StartAsync(cancellationToken).ConfigureAwait(false);
            await engine.RecoverMissedEventsAsync(cancellationToken).ConfigureAwait(false);
            var wakeUps = Get<Engine.Runtime.IWakeUpSink>();
            foreach (var (id, next) in await Get<Engine.Persistence.SqliteWorkflowStore>().SleepingAsync(cancellationToken).ConfigureAwait(false))
            {
                wakeUps.Schedule(id, next);
            }

            var handler = new TimerHandler(engine, Get<ICaseEvents>(), Get<CaseStore>(), Get<CaseProcess>(), Get<CaseEscalations>());
            await _timers.StartAsync(handler.FireAsync, cancellationToken).ConfigureAwait(false);
            _dispatcher = Get<EvidenceDispatcher>();
            await _dispatcher.StartAsync(cancellationToken).ConfigureAwait(false);

            // Cases recorded just before a crash or a failed write: linked to their workflow if it started,
            // removed if it never did (nothing ran and nothing was audited; a retry with the same key makes it anew).
            await Get<CaseService>().RepairSubmissionsAsync(cancellationToken).ConfigureAwait(false);

            _started = true;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Stops the engine and the timers; cases stay stored and resume on the next start.</summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_started)
            {
                return;
            }

            _started = false;
            await _timers!.StopAsync().ConfigureAwait(false);
            await _dispatcher!.StopAsync().ConfigureAwait(false);
            await _host!.StopAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

}
