using System.Text.Json;
using OneVisit.Workflows.Cases;
using OneVisit.Workflows.Cases.Internal;
using OneVisit.Workflows.Storage;
using WorkflowCore.Interface;

namespace OneVisit.Workflows.Engine;

/// <summary>OneVisit's cases on WorkflowCore: the only place the case service meets the engine.</summary>
internal sealed class WorkflowCoreCaseEngine(
    IWorkflowHost host,
    IWorkflowRegistry registry,
    IPersistenceProvider persistence,
    CaseStore store,
    Persistence.SqliteWorkflowStore sqlite,
    IQueueProvider queue) : ICaseEngine
{
    private readonly object _registering = new();

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
        await store.SaveTermsAsync(terms.Code, terms.Version, JsonSerializer.Serialize(terms, CaseJson.Default.CaseTerms), cancellationToken).ConfigureAwait(false);
    }

    public async Task RegisterStoredDefinitionsAsync(CancellationToken cancellationToken)
    {
        foreach (var json in await store.AllTermsAsync(cancellationToken).ConfigureAwait(false))
        {
            await EnsureDefinitionAsync(JsonSerializer.Deserialize(json, CaseJson.Default.CaseTerms)!, cancellationToken).ConfigureAwait(false);
        }
    }

    public Task<string> StartAsync(CaseData data, CancellationToken cancellationToken) =>
        host.StartWorkflow(CaseWorkflow.IdFor(data.Terms.Code), data.Terms.Version, data, data.CaseId);

    public async Task<CaseData?> LoadAsync(string workflowId, CancellationToken cancellationToken)
    {
        var instance = await persistence.GetWorkflowInstance(workflowId, cancellationToken).ConfigureAwait(false);
        return instance?.Data as CaseData;
    }

    /// <summary>Offers again, after a restart, the events that open waits missed (see <see cref="Persistence.SqliteWorkflowStore.RequeueMissedEventsAsync"/>).</summary>
    public async Task RecoverMissedEventsAsync(CancellationToken cancellationToken)
    {
        foreach (var missed in await sqlite.RequeueMissedEventsAsync(cancellationToken).ConfigureAwait(false))
        {
            await queue.QueueWork(missed, QueueType.Event).ConfigureAwait(false);
        }
    }

    public Task<string?> FindWorkflowAsync(string caseId, CancellationToken cancellationToken) =>
        (persistence is ObservedPersistence observed ? observed.Inner : persistence) is IWorkflowReferences references
            ? references.FindByReferenceAsync(caseId, cancellationToken)
            : Task.FromResult<string?>(null);
}

/// <summary>A store that can find a workflow by its reference (the case id).</summary>
internal interface IWorkflowReferences
{
    Task<string?> FindByReferenceAsync(string reference, CancellationToken cancellationToken);
}
