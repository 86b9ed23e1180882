using System.Text.Json;
using OneVisit.Workflows.Bundles.Internal;
using OneVisit.Workflows.Cases;
using OneVisit.Workflows.Cases.Internal;
using OneVisit.Workflows.Engine.Runtime;
using OneVisit.Workflows.Storage;
using WorkflowCore.Interface;

namespace OneVisit.Workflows.Engine;

/// <summary>OneVisit's cases on WorkflowCore: the only place the case runtime meets the engine.</summary>
internal sealed class WorkflowCoreCaseEngine(
    IWorkflowHost host,
    IWorkflowRegistry registry,
    IPersistenceProvider persistence,
    IEngineStore store,
    IProcedureVersionStore versions,
    IQueueProvider queue,
    IWakeUpSink wakeUps,
    IDistributedLockProvider locks,
    CaseWatcher watcher,
    MissedEventSweep missedEvents,
    Microsoft.Extensions.Options.IOptions<CaseOptions> options) : ICaseEngine
{
    private readonly object _registering = new();
    private volatile bool _running;

    public async Task StartAsync(IReadOnlyList<CaseTerms> current, CancellationToken cancellationToken)
    {
        persistence.EnsureStoreExists();
        foreach (var json in await versions.AllTermsAsync(cancellationToken).ConfigureAwait(false))
        {
            await EnsureDefinitionAsync(JsonSerializer.Deserialize(json, CaseJson.Default.CaseTerms)!, cancellationToken).ConfigureAwait(false);
        }

        foreach (var terms in current)
        {
            await EnsureDefinitionAsync(terms, cancellationToken).ConfigureAwait(false);
        }

        lock (_registering)
        {
            if (!registry.IsRegistered(BundleWorkflow.WorkflowId, new BundleWorkflow().Version))
            {
                registry.RegisterWorkflow(new BundleWorkflow());
            }
        }

        await host.StartAsync(cancellationToken).ConfigureAwait(false);
        _running = true;

        // An event marked processed while a wait for it was open (a host that stopped in between, or a race the
        // consumer lost) is offered again now, and then every poll interval.
        await missedEvents.RunOnceAsync(cancellationToken).ConfigureAwait(false);
        missedEvents.Start(options.Value.PollInterval);

        foreach (var (id, next) in await store.SleepingAsync(cancellationToken).ConfigureAwait(false))
        {
            wakeUps.Schedule(id, next);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _running = false;
        await missedEvents.StopAsync().ConfigureAwait(false);
        await host.StopAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IAsyncDisposable> JoinLocksAsync()
    {
        if (_running)
        {
            return Joined.None;
        }

        // WorkflowCore's host starts and stops the lock provider with itself; without the host, it is done here.
        await locks.Start().ConfigureAwait(false);
        return new Joined(locks);
    }

    private sealed class Joined(IDistributedLockProvider? locks) : IAsyncDisposable
    {
        public static readonly Joined None = new(null);

        public async ValueTask DisposeAsync()
        {
            if (locks is not null)
            {
                await locks.Stop().ConfigureAwait(false);
            }
        }
    }

    public async Task EnsureDefinitionAsync(CaseTerms terms, CancellationToken cancellationToken)
    {
        var id = CaseWorkflow.IdFor(terms.Code);
        lock (_registering)
        {
            if (registry.IsRegistered(id, terms.Version))
            {
                return;
            }

            registry.RegisterWorkflow(new CaseWorkflow(terms));
        }

        // Remembered so a restart can run cases of this version even after the catalogue has moved on.
        await versions.SaveTermsAsync(terms.Code, terms.Version, JsonSerializer.Serialize(terms, CaseJson.Default.CaseTerms), cancellationToken).ConfigureAwait(false);
    }

    public Task<string> StartCaseAsync(CaseData data, CancellationToken cancellationToken) =>
        host.StartWorkflow(CaseWorkflow.IdFor(data.Terms.Code), data.Terms.Version, data, data.CaseId);

    public async Task<CaseData?> LoadAsync(string workflowId, CancellationToken cancellationToken)
    {
        var instance = await persistence.GetWorkflowInstance(workflowId, cancellationToken).ConfigureAwait(false);
        return instance?.Data as CaseData;
    }

    public Task<string> StartBundleAsync(BundleData data, CancellationToken cancellationToken) =>
        host.StartWorkflow(BundleWorkflow.WorkflowId, new BundleWorkflow().Version, data, data.BundleCaseId);

    public async Task<BundleData?> LoadBundleAsync(string workflowId, CancellationToken cancellationToken)
    {
        var instance = await persistence.GetWorkflowInstance(workflowId, cancellationToken).ConfigureAwait(false);
        return instance?.Data as BundleData;
    }

    public Task<string?> FindWorkflowAsync(string caseId, CancellationToken cancellationToken) =>
        store.FindByReferenceAsync(caseId, cancellationToken);

    public Task NextSave(string workflowId) => watcher.NextSave(workflowId);

    public ISaveWatch Watch(string workflowId) => watcher.Watch(workflowId);

    public async Task<bool> UpdateCaseAsync(string workflowId, Func<CaseData, bool> change, TimeSpan lockWait, CancellationToken cancellationToken)
    {
        await LockAsync(workflowId, lockWait, cancellationToken).ConfigureAwait(false);
        bool saved;
        try
        {
            var instance = await persistence.GetWorkflowInstance(workflowId, cancellationToken).ConfigureAwait(false);
            if (instance?.Data is not CaseData data || instance.Status != WorkflowCore.Models.WorkflowStatus.Runnable || !change(data))
            {
                return false;
            }

            // The positions (execution pointers) stay as they are: the new version's workflow has the same steps at the
            // same ids wherever the caller allows a move, so every wait goes on under the new definition.
            instance.Version = data.Terms.Version;
            await persistence.PersistWorkflow(instance, cancellationToken).ConfigureAwait(false);
            saved = true;
        }
        finally
        {
            await locks.ReleaseLock(workflowId).ConfigureAwait(false);
        }

        // Work for this workflow that found it locked meanwhile was dropped by WorkflowCore until its next poll.
        await queue.QueueWork(workflowId, QueueType.Workflow).ConfigureAwait(false);
        return saved;
    }

    /// <summary>
    /// Takes the workflow's lock, waiting while a step holds it. The retries run on real time: they bound how long a
    /// caller waits for a step to finish, not anything of the case.
    /// </summary>
    private async Task LockAsync(string workflowId, TimeSpan lockWait, CancellationToken cancellationToken)
    {
        var started = TimeProvider.System.GetTimestamp();
        while (!await locks.AcquireLock(workflowId, cancellationToken).ConfigureAwait(false))
        {
            if (TimeProvider.System.GetElapsedTime(started) > lockWait)
            {
                throw new TimeoutException($"Workflow {workflowId} stayed locked by its steps for more than {lockWait.TotalSeconds:0.#} s.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(20), TimeProvider.System, cancellationToken).ConfigureAwait(false);
        }
    }

    public Task<bool> PurgeAsync(IReadOnlyList<string> caseIds, Func<ICaseTransaction, bool> caseWrites, CancellationToken cancellationToken) =>
        store.PurgeAsync(caseIds, caseWrites, cancellationToken);
}
