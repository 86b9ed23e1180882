using OneVisit.Workflows.Audit;
using OneVisit.Workflows.Commitments;

namespace OneVisit.Workflows.Cases;

internal sealed partial class CaseProcess
{
    /// <summary>Admit or not; issue the one-time notice and wait for the supplement; accept.</summary>
    public async Task<StepOutcome> IntakeAsync(CaseData data, object? received, CancellationToken cancellationToken)
    {
        if (data.Stage == CaseStage.Submitted)
        {
            if (data.Denials.Count > 0)
            {
                await AuditAsync(data, "not_admitted", AuditActions.NotAdmitted, string.Join("; ", data.Denials), cancellationToken).ConfigureAwait(false);
                await CloseAsync(data, CaseOutcome.NotAdmitted, string.Join("; ", data.Denials), cancellationToken).ConfigureAwait(false);
                return StepOutcome.Next;
            }

            if (data.Gaps.Count > 0)
            {
                return await IssueNoticeAsync(data, cancellationToken).ConfigureAwait(false);
            }
        }
        else if (data.Stage == CaseStage.AwaitingSupplement)
        {
            switch (received)
            {
                case CaseTimeout:
                    await AuditAsync(data, "withdrawn", AuditActions.Withdrawn, $"No supplement by {data.SupplementDue:yyyy-MM-dd HH:mm}", cancellationToken).ConfigureAwait(false);
                    await CloseAsync(data, CaseOutcome.Withdrawn, $"the documents the notice listed did not arrive by {data.SupplementDue:yyyy-MM-dd}", cancellationToken).ConfigureAwait(false);
                    return StepOutcome.Next;
                case SuppliedDocuments supplied:
                    var closed = data.Gaps.RemoveAll(g => supplied.Documents.Any(d => d.DocumentId == g.DocumentId));
                    await AuditAsync(data, $"supplement:{data.NoticeRound}", AuditActions.Supplemented, $"{closed} of the listed materials supplied; {data.Gaps.Count} still owed", cancellationToken, actor: "applicant").ConfigureAwait(false);
                    if (data.Gaps.Count > 0)
                    {
                        // The notice is one-time: what is still owed is waited for under a new key, without a new notice.
                        data.NoticeRound++;
                        return StepOutcome.WaitFor(CaseEventNames.Supplement, CaseEventNames.SupplementKey(data.CaseId, data.NoticeRound));
                    }

                    await timers.CancelAsync(data.CaseId, cancellationToken).ConfigureAwait(false);
                    break;
                default:
                    // Woken without news (a replayed step): keep waiting on the same key.
                    return StepOutcome.WaitFor(CaseEventNames.Supplement, CaseEventNames.SupplementKey(data.CaseId, data.NoticeRound));
            }
        }
        else
        {
            return StepOutcome.Next;
        }

        await AcceptAsync(data, cancellationToken).ConfigureAwait(false);
        return StepOutcome.Next;
    }

    private async Task<StepOutcome> IssueNoticeAsync(CaseData data, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        data.Stage = CaseStage.AwaitingSupplement;
        data.NoticeRound = 1;
        data.SupplementDue = calendar.WorkingDaysAfter(now, Options.SupplementWorkingDays);
        var key = CaseEventNames.SupplementKey(data.CaseId, 1);
        await timers.ScheduleTimeoutAsync(data.CaseId, "supplement", data.SupplementDue.Value, CaseEventNames.Supplement, key, cancellationToken).ConfigureAwait(false);
        await AuditAsync(data, "notice", AuditActions.NoticeIssued, data.NoticeText ?? string.Join(", ", data.Gaps.Select(g => g.MaterialId)), cancellationToken).ConfigureAwait(false);
        await SaveStageAsync(data, cancellationToken).ConfigureAwait(false);
        return StepOutcome.WaitFor(CaseEventNames.Supplement, key);
    }

    private async Task AcceptAsync(CaseData data, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        data.Stage = data.Evidence.Count > 0 ? CaseStage.FetchingEvidence : CaseStage.Accepted;
        data.Clock.StartedAt ??= now;
        foreach (var commitment in data.Commitments)
        {
            await store.AddCommitmentAsync(new CommitmentEntry(data.CaseId, commitment.MaterialId, commitment.Kind, commitment.DueOn, now), cancellationToken).ConfigureAwait(false);
        }

        await AuditAsync(data, "accepted", AuditActions.Accepted, $"Accepted for {data.AuthorityId}; {data.Evidence.Count} document(s) to fetch, {data.Commitments.Count} commitment(s) in the ledger", cancellationToken).ConfigureAwait(false);
        await ScheduleClockChecksAsync(data, cancellationToken).ConfigureAwait(false);
        await SaveStageAsync(data, cancellationToken).ConfigureAwait(false);
    }
}
