using OneVisit.Workflows.Cases;
using OneVisit.Workflows.Cases.Internal;

namespace OneVisit.Workflows.Bundles.Internal;

/// <summary>
/// The member cases as one wait on a bundle last read them. A wait wakes on every save of the bundle or of any
/// member; reading every member again each time cost a workflow load per member per save (most of what a bundle
/// case allocated, measured). A member is read again only once it has been saved since.
/// </summary>
internal sealed class MemberReads(CaseService cases, ICaseEngine engine, Storage.ILedgerStore ledgers)
{
    private readonly Dictionary<string, (string? WorkflowId, Task Saved, MemberCase Read)> _last = new(StringComparer.Ordinal);

    /// <summary>The member's case as it stands (null before it starts); adds the save that would change it to <paramref name="saves"/>.</summary>
    public async Task<MemberCase?> ReadAsync(BundleMemberData member, List<Task> saves, CancellationToken cancellationToken)
    {
        if (_last.TryGetValue(member.CaseId, out var last) && !last.Saved.IsCompleted)
        {
            // A trip is recorded without a save of the case: the ledger is read again each time, as before the cache.
            saves.Add(last.Saved);
            return last.Read with { Visits = await ledgers.VisitsOfCaseAsync(member.CaseId, cancellationToken).ConfigureAwait(false) };
        }

        var workflowId = last.WorkflowId ?? await cases.MemberWorkflowAsync(member.CaseId, cancellationToken).ConfigureAwait(false);
        if (workflowId is null)
        {
            return null;
        }

        // Taken before the read, so a save that lands while reading wakes the wait rather than being missed.
        var saved = engine.NextSave(workflowId);
        if (await cases.MemberSnapshotAsync(workflowId, cancellationToken).ConfigureAwait(false) is not { } read)
        {
            return null;
        }

        _last[member.CaseId] = (workflowId, saved, read);
        saves.Add(saved);
        return read;
    }
}
