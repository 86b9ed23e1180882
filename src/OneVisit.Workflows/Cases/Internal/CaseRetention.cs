using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OneVisit.Workflows.Audit;
using OneVisit.Workflows.Storage;

namespace OneVisit.Workflows.Cases.Internal;

/// <summary>
/// Purges finished cases past the retention period, a batch of index rows at a time and one case (or bundle case
/// with its members) per transaction, so the single writer is never held for long and case steps go on in between.
/// </summary>
internal sealed class CaseRetention(
    ICaseStore store,
    ICaseEngine engine,
    CaseStoreErrors errors,
    IOptions<CaseOptions> options,
    TimeProvider time,
    ILogger<CaseRetention> logger) : ICaseRetention
{
    /// <summary>Index rows read per query.</summary>
    internal const int BatchSize = 100;

    public Task<int> PurgeAsync(CancellationToken cancellationToken = default) =>
        errors.GuardAsync(() => PurgeCoreAsync(cancellationToken));

    private async Task<int> PurgeCoreAsync(CancellationToken cancellationToken)
    {
        if (options.Value.RetainFinishedCasesFor is not { } period)
        {
            return 0;
        }

        var closedBefore = time.GetUtcNow() - period;
        var purged = 0;
        (DateTimeOffset ClosedAt, string CaseId)? after = null;
        while (true)
        {
            var batch = await store.PurgeableCasesAsync(closedBefore, after, BatchSize, cancellationToken).ConfigureAwait(false);
            foreach (var row in batch)
            {
                cancellationToken.ThrowIfCancellationRequested();
                purged += await PurgeUnitAsync(row, period, cancellationToken).ConfigureAwait(false);
            }

            if (batch.Count < BatchSize)
            {
                break;
            }

            // Keyset paging: a case left alone (its workflow still runs) is not read again in this run.
            after = (batch[^1].ClosedAt!.Value, batch[^1].CaseId);
        }

        Log.RetentionSwept(logger, purged, closedBefore);
        return purged;
    }

    /// <summary>A case, or a bundle case with its member cases, in one transaction; returns the cases purged.</summary>
    private async Task<int> PurgeUnitAsync(CaseRow row, TimeSpan period, CancellationToken cancellationToken)
    {
        List<CaseRow> members = row.IsBundle
            ? [.. (await store.MembersOfBundleAsync(row.CaseId, cancellationToken).ConfigureAwait(false)).Where(m => m.PurgedAt is null && m.ClosedAt is not null)]
            : [];
        var at = time.GetUtcNow();
        var count = 0;
        var done = await engine.PurgeAsync(
            [row.CaseId, .. members.Select(m => m.CaseId)],
            transaction =>
            {
                // Decided inside the transaction: a case purged by an earlier run (or a crash after its commit) is skipped whole.
                count = 0;
                if (!Purge(transaction, row, at, period, bundleCaseId: null))
                {
                    return false;
                }

                count = 1 + members.Count(m => Purge(transaction, m, at, period, row.CaseId));
                return true;
            },
            cancellationToken).ConfigureAwait(false);
        if (!done)
        {
            Log.PurgeSkipped(logger, row.CaseId);
            return 0;
        }

        Log.CasePurged(logger, row.CaseId, count - 1);
        return count;
    }

    private static bool Purge(ICaseTransaction transaction, CaseRow row, DateTimeOffset at, TimeSpan period, string? bundleCaseId)
    {
        if (!transaction.MarkPurged(row.CaseId, at))
        {
            return false;
        }

        var with = bundleCaseId is null ? "" : $" with its bundle case {bundleCaseId}";
        transaction.AppendAudit(
            $"{row.CaseId}:purged",
            new AuditEntry(
                0,
                row.CaseId,
                row.ApplicantId,
                at,
                "system",
                AuditActions.Purged,
                $"Documents purged{with} after the retention period of {Describe(period)} from the close on {row.ClosedAt:u}; the index row, the audit trail and the visit and commitment ledgers remain"));
        return true;
    }

    private static string Describe(TimeSpan period) =>
        period.Ticks % TimeSpan.TicksPerDay == 0 ? $"{period.Days} day(s)" : period.ToString("c", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The error a read of a purged case gets: what remains of it, and when it was purged.</summary>
    internal static CasePurgedException Purged(CaseRow row) =>
        new(
            new CaseSummary(row.CaseId, row.ProcedureCode, row.ApplicantId, Enum.Parse<CaseStage>(row.Stage), row.Outcome is null ? null : Enum.Parse<CaseOutcome>(row.Outcome), row.AuthorityId, row.SubmittedAt, row.ClosedAt)
            {
                IsBundle = row.IsBundle,
                BundleCaseId = row.BundleCaseId,
                PurgedAt = row.PurgedAt,
            },
            row.PurgedAt ?? throw new ArgumentException("The case is not purged.", nameof(row)));
}
