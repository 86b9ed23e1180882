using Microsoft.Extensions.DependencyInjection;
using OneVisit.Workflows.Cases;
using OneVisit.Workflows.Cases.Internal;
using OneVisit.Workflows.Storage;
using WorkflowCore.Interface;
using WorkflowCore.Models;

namespace OneVisit.Workflows.Engine;

/// <summary>
/// Once-only events on WorkflowCore: the claim and the event row are written in one transaction, then the event
/// is queued as WorkflowCore's own PublishEvent does. An event stored but not yet queued when the host stops is
/// found by the engine's poll of unprocessed events after the restart.
/// </summary>
internal sealed class CaseEvents(IEngineStore store, IServiceProvider services, TimeProvider time) : ICaseEvents
{
    // Resolved on first use: the queue belongs to the engine, which is built after the case services.
    private IQueueProvider Queue => services.GetRequiredService<IQueueProvider>();

    public async Task<bool> PublishOnceAsync(string caseId, string eventName, string eventKey, object payload, string actor, CancellationToken cancellationToken)
    {
        var evt = NewEvent(eventName, eventKey, payload);
        var stored = await store.TryCreateClaimedEventAsync(evt, caseId, actor, onlyWhileOpen: true, cancellationToken).ConfigureAwait(false);
        if (stored)
        {
            await Queue.QueueWork(evt.Id, QueueType.Event).ConfigureAwait(false);
        }

        return stored;
    }

    public void PublishWith(PendingWrites writes, string caseId, string eventName, string eventKey, object payload, string actor)
    {
        var evt = NewEvent(eventName, eventKey, payload);
        var stored = false;
        writes.Add(t => stored = store.TryCreateClaimedEvent(t, evt, caseId, actor, onlyWhileOpen: false));
        writes.AfterCommit(() =>
        {
            if (stored)
            {
                _ = Queue.QueueWork(evt.Id, QueueType.Event);
            }
        });
    }

    public void ClaimWith(PendingWrites writes, string caseId, string eventName, string eventKey, string actor)
    {
        var at = time.GetUtcNow();
        writes.Add(t => t.Claim(eventName, eventKey, caseId, actor, at));
    }

    private Event NewEvent(string eventName, string eventKey, object payload) => new()
    {
        Id = Guid.NewGuid().ToString(),
        EventName = eventName,
        EventKey = eventKey,
        EventData = payload,
        EventTime = time.GetUtcNow().UtcDateTime,
        IsProcessed = false,
    };
}
