using Microsoft.Extensions.Options;
using OneVisit.Rules;
using OneVisit.Rules.Catalog;
using OneVisit.Workflows.Cases;
using OneVisit.Workflows.Cases.Internal;
using OneVisit.Workflows.Deadlines;
using OneVisit.Workflows.Evidence;
using OneVisit.Workflows.Storage;

namespace OneVisit.Workflows.Hosting;

/// <summary>
/// Starts and stops the case runtime: validates settings, loads the catalogue, creates or upgrades the
/// database, registers every procedure version (the catalogue's and those running cases still use),
/// starts the engine, re-arms durable timers, and sweeps finished cases past their retention period when that is set. In a generic host (worker, ASP.NET Core) it starts
/// with the host; elsewhere call <see cref="StartAsync"/> and <see cref="StopAsync"/>. Disposing the service
/// provider without stopping also stops the engine (WorkflowCore's host and OneVisit's timers dispose
/// themselves); stopping first lets the steps in flight finish.
/// </summary>
public sealed class CaseRuntime
{
    private readonly IServiceProvider _services;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private Running? _running;

    /// <summary>Created by DI.</summary>
    public CaseRuntime(IServiceProvider services) => _services = services;

    // Kept from the start, not resolved again at stop: a container disposing itself stops the runtime while it
    // can no longer resolve anything.
    private sealed record Running(ICaseEngine Engine, CaseTimers Timers, EvidenceDispatcher Dispatcher, RetentionSweep Retention);

    private T Get<T>()
        where T : notnull => (T)(_services.GetService(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not registered: call services.AddOneVisit(...).AddWorkflows(...)."));

    /// <summary>Starts the runtime; a second call does nothing.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_running is not null)
            {
                return;
            }

            var current = Validate();
            await Get<ICaseStorage>().InitializeAsync(cancellationToken).ConfigureAwait(false);

            var engine = Get<ICaseEngine>();
            await engine.StartAsync(current, cancellationToken).ConfigureAwait(false);

            var timers = Get<CaseTimers>();
            await timers.StartAsync(Get<TimerHandler>().FireAsync, cancellationToken).ConfigureAwait(false);
            var dispatcher = Get<EvidenceDispatcher>();
            await dispatcher.StartAsync(cancellationToken).ConfigureAwait(false);

            // Cases recorded just before a crash or a failed write: linked to their workflow if it started,
            // removed if it never did (nothing ran and nothing was audited; a retry with the same key makes it anew).
            await Get<CaseStarter>().RepairSubmissionsAsync(cancellationToken).ConfigureAwait(false);

            // Purges finished cases past CaseOptions.RetainFinishedCasesFor, when it is set.
            var retention = Get<RetentionSweep>();
            retention.Start();
            _running = new Running(engine, timers, dispatcher, retention);
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
            if (_running is not { } running)
            {
                return;
            }

            _running = null;
            await running.Retention.StopAsync().ConfigureAwait(false);
            await running.Timers.StopAsync().ConfigureAwait(false);
            await running.Dispatcher.StopAsync().ConfigureAwait(false);
            await running.Engine.StopAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Checks the settings and the catalogue against each other; returns the catalogue's procedure versions.</summary>
    private List<CaseTerms> Validate()
    {
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

        return terms;
    }
}
