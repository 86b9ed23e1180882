using Microsoft.Extensions.Logging;
using OneVisit.Workflows.Storage;

namespace OneVisit.Workflows.Cases.Internal;

/// <summary>
/// Starts a case's workflow exactly once per idempotency key, for a case on its own, a bundle case and a member
/// case alike: the case's row is recorded first (the key's claim), then its workflow is started and linked. A retry,
/// a racing call or a re-run step after a crash finds the row and the workflow already there and starts nothing.
/// </summary>
internal sealed class CaseStarter(ICaseStore store, ICaseEngine engine, ILogger<CaseStarter> logger, ICaseStorage? storage = null, TimeProvider? time = null)
{
    /// <summary>
    /// On a store other nodes share, how old a record without a workflow must be before a starting node removes it. A
    /// younger one may be another node's submission in flight (recorded, its workflow being started); one this old is
    /// from a node that stopped mid-submission, and a retry with its key would have started it.
    /// </summary>
    internal static readonly TimeSpan SharedStoreGrace = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Records <paramref name="row"/> and starts its workflow with <paramref name="start"/> (given the case id and
    /// submission time that stand), unless that key already has a running case. Throws
    /// <see cref="DuplicateSubmissionException"/> when the key was used for a different request.
    /// </summary>
    public async Task<StartedCase> StartOnceAsync(CaseRow row, Func<string, DateTimeOffset, Task<string>> start, CancellationToken cancellationToken)
    {
        var existing = await store.TryInsertCaseAsync(row, cancellationToken).ConfigureAwait(false);
        if (existing is not null)
        {
            if (existing.RequestHash != row.RequestHash)
            {
                throw new DuplicateSubmissionException(existing.CaseId, row.IdempotencyKey);
            }

            if (await WorkflowOfAsync(existing, cancellationToken).ConfigureAwait(false) is not null)
            {
                return new StartedCase(existing.CaseId, existing.SubmittedAt, AlreadyRunning: true);
            }

            // The first attempt is still starting the case, or stopped before it did: start it now. The store
            // starts one workflow per case, so of several calls racing here all get the same one.
        }

        var caseId = existing?.CaseId ?? row.CaseId;
        var submittedAt = existing?.SubmittedAt ?? row.SubmittedAt;
        string workflowId;
        try
        {
            workflowId = await start(caseId, submittedAt).ConfigureAwait(false);
        }
        catch when (existing is null)
        {
            // Nothing ran and nothing was audited: the record goes, so no half-made case is ever listed.
            await store.DeleteUnstartedCaseAsync(caseId, CancellationToken.None).ConfigureAwait(false);
            throw;
        }

        await store.SetWorkflowAsync(caseId, workflowId, cancellationToken).ConfigureAwait(false);
        return new StartedCase(caseId, submittedAt, AlreadyRunning: false);
    }

    /// <summary>
    /// The case's workflow. A host that stopped between starting the workflow and recording it left the row
    /// without it: the workflow is found by its reference and the row repaired.
    /// </summary>
    public async Task<string?> WorkflowOfAsync(CaseRow row, CancellationToken cancellationToken)
    {
        if (row.WorkflowId is { } known)
        {
            return known;
        }

        if (await engine.FindWorkflowAsync(row.CaseId, cancellationToken).ConfigureAwait(false) is not { } found)
        {
            return null;
        }

        await store.SetWorkflowAsync(row.CaseId, found, cancellationToken).ConfigureAwait(false);
        Log.SubmissionRepaired(logger, row.CaseId, found);
        return found;
    }

    /// <summary>
    /// On start: links recorded cases to the workflow they started, and removes those whose workflow never started
    /// (on a store other nodes share, only those older than <see cref="SharedStoreGrace"/>: a younger one may be
    /// another node's submission in flight, which a starting node once removed under it).
    /// </summary>
    public async Task RepairSubmissionsAsync(CancellationToken cancellationToken)
    {
        var now = (time ?? TimeProvider.System).GetUtcNow();
        var shared = storage?.SharedByNodes == true;
        foreach (var row in await store.CasesWithoutWorkflowAsync(cancellationToken).ConfigureAwait(false))
        {
            if (await WorkflowOfAsync(row, cancellationToken).ConfigureAwait(false) is null
                && (!shared || now - row.SubmittedAt > SharedStoreGrace)
                && await store.DeleteUnstartedCaseAsync(row.CaseId, cancellationToken).ConfigureAwait(false))
            {
                Log.HalfMadeCaseRemoved(logger, row.CaseId);
            }
        }
    }
}

/// <summary>The case a start ended with.</summary>
/// <param name="CaseId">Its id (the one already recorded for the key, on a retry).</param>
/// <param name="SubmittedAt">When it was first submitted.</param>
/// <param name="AlreadyRunning">True when an earlier call had started it and nothing was started now.</param>
internal readonly record struct StartedCase(string CaseId, DateTimeOffset SubmittedAt, bool AlreadyRunning);
