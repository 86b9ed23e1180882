using OneVisit.Workflows.Actors;

namespace OneVisit.Workflows.Cases.Internal;

internal sealed partial class CaseService
{
    /// <inheritdoc />
    public Task<CaseSnapshot> WaitUntilAsync(string caseId, Func<CaseSnapshot, bool> condition, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        GuardAsync(() => WaitUntilCoreAsync(caseId, condition, timeout, cancellationToken));

    private async Task<CaseSnapshot> WaitUntilCoreAsync(string caseId, Func<CaseSnapshot, bool> condition, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(condition);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero);
        var actor = Actor(CaseOperation.Read, caseId);
        var (_, workflowId) = await WorkflowAsync(caseId, actor, CaseOperation.Read, cancellationToken).ConfigureAwait(false);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);

        // Open before the first read and kept for the whole wait, so no save after that read goes unseen.
        using var watch = engine.Watch(workflowId);
        CaseData? saved = null;
        var authorized = false;
        while (true)
        {
            // The case row was read once above. The first pass reads the workflow, and is the one authorized, so a wait
            // costs no extra load of the case; after it, a save made here hands over the data it wrote, and only one
            // seen on another node (or by a probe that failed) is read back. Visits are read each time: one is recorded
            // without a save.
            var data = saved ?? await engine.LoadAsync(workflowId, cancellationToken).ConfigureAwait(false) ?? throw new CaseNotFoundException(caseId);
            if (!authorized)
            {
                await gate.DemandAsync(actor, CaseOperation.Read, Facts(data)).ConfigureAwait(false);
                authorized = true;
            }

            var snapshot = await SnapshotAsync(data, cancellationToken).ConfigureAwait(false);
            if (condition(snapshot))
            {
                await TrackReadAsync(actor, data, "WaitUntilAsync", cancellationToken).ConfigureAwait(false);
                return snapshot;
            }

            try
            {
                saved = await watch.NextAsync(deadline.Token).ConfigureAwait(false) as CaseData;
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw NotReached(caseId, timeout, snapshot);
            }
        }
    }

    /// <summary>A wait that timed out, saying where the case stands.</summary>
    private static TimeoutException NotReached(string caseId, TimeSpan timeout, CaseSnapshot snapshot) =>
        new($"Case {caseId} did not reach the expected state within {timeout}; it is {snapshot.Stage}, waiting for {string.Join(", ", snapshot.Awaiting.Select(a => $"{a.Kind} {a.What}"))}.");
}
