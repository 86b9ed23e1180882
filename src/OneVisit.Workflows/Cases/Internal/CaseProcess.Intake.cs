using OneVisit.Workflows.Audit;
using OneVisit.Workflows.Commitments;
using OneVisit.Workflows.Storage;

namespace OneVisit.Workflows.Cases.Internal;

internal sealed partial class CaseProcess
{
    /// <summary>Admit or not; issue the one-time notice and wait for the supplement; accept.</summary>
    public Task<StepOutcome> IntakeAsync(CaseData data, object? received, CancellationToken cancellationToken)
    {
        if (data.Stage == CaseStage.Submitted)
        {
            if (data.Denials.Count > 0)
            {
                Audit(data, "not_admitted", AuditActions.NotAdmitted, string.Join("; ", data.Denials));
                Close(data, CaseOutcome.NotAdmitted, string.Join("; ", data.Denials));
                return Task.FromResult(StepOutcome.Next);
            }

            if (data.Gaps.Count > 0)
            {
                return Task.FromResult(IssueNotice(data));
            }
        }
        else if (data.Stage == CaseStage.AwaitingSupplement)
        {
            switch (received)
            {
                case CaseTimeout:
                    // The law treats an unanswered deficiency notice as a withdrawn application: nothing was accepted
                    // yet for an officer to decide, so the catalogue's on_missed does not apply here.
                    Audit(data, "withdrawn", AuditActions.Withdrawn, $"No supplement by the end of {calendar.LastDay(data.SupplementDue!.Value):yyyy-MM-dd}: {string.Join(", ", data.Gaps.Select(g => data.DocumentName(g.MaterialId)))}");
                    Close(data, CaseOutcome.Withdrawn, $"the documents the notice listed did not arrive by {calendar.LastDay(data.SupplementDue.Value):yyyy-MM-dd}");
                    return Task.FromResult(StepOutcome.Next);
                case CaseMigrated when data.Gaps.Count == 0:
                    // A migration to a version that no longer asks for what the notice listed: nothing left to wait for.
                    timers.Cancel(data.Writes, data.CaseId, SupplementTimer(data.NoticeRound));
                    break;
                case SuppliedDocuments supplied:
                    data.RecordSupplied(supplied, id => data.Gaps.Find(g => g.DocumentId == id)?.CurrentEdition);
                    var closed = data.Gaps.RemoveAll(g => supplied.Documents.Any(d => d.DocumentId == g.DocumentId));
                    Audit(data, $"supplement:{data.NoticeRound}", AuditActions.Supplemented, $"{closed} of the listed materials supplied; {data.Gaps.Count} still owed", actor: supplied.By ?? "applicant");
                    timers.Cancel(data.Writes, data.CaseId, SupplementTimer(data.NoticeRound));
                    if (data.Gaps.Count > 0)
                    {
                        // The notice is one-time: what is still owed is waited for under a new key, without a new
                        // notice, and by the same date.
                        data.NoticeRound++;
                        var key = CaseEventNames.SupplementKey(data.CaseId, data.NoticeRound);
                        ArmDeadline(data, SupplementTimer(data.NoticeRound), data.SupplementDue!.Value, CaseEventNames.Supplement, key);
                        return Task.FromResult(StepOutcome.WaitFor(CaseEventNames.Supplement, key));
                    }

                    break;
                default:
                    // Woken without news (a replayed step): keep waiting on the same key.
                    return Task.FromResult(StepOutcome.WaitFor(CaseEventNames.Supplement, CaseEventNames.SupplementKey(data.CaseId, data.NoticeRound)));
            }
        }
        else
        {
            return Task.FromResult(StepOutcome.Next);
        }

        Accept(data);
        return Task.FromResult(StepOutcome.Next);
    }

    private static string SupplementTimer(int round) => $"supplement:{round}";

    private StepOutcome IssueNotice(CaseData data)
    {
        var now = time.GetUtcNow();
        data.Stage = CaseStage.AwaitingSupplement;
        data.NoticeRound = 1;
        data.SupplementDue = calendar.WorkingDaysAfter(now, SupplyDays(data));
        var key = CaseEventNames.SupplementKey(data.CaseId, 1);
        ArmDeadline(data, SupplementTimer(1), data.SupplementDue.Value, CaseEventNames.Supplement, key);
        Audit(data, "notice", AuditActions.NoticeIssued, $"{data.NoticeText ?? string.Join(", ", data.Gaps.Select(g => data.DocumentName(g.MaterialId)))} (by the end of {calendar.LastDay(data.SupplementDue.Value):yyyy-MM-dd})");
        SaveStage(data);
        return StepOutcome.WaitFor(CaseEventNames.Supplement, key);
    }

    private void Accept(CaseData data)
    {
        var now = time.GetUtcNow();
        data.Stage = data.Evidence.Count > 0 ? CaseStage.FetchingEvidence : CaseStage.Accepted;
        data.Clock.StartedAt ??= now;
        foreach (var commitment in data.Commitments)
        {
            data.Writes.AddCommitment(new CommitmentEntry(data.CaseId, commitment.MaterialId, commitment.Kind, commitment.DueOn, now));
        }

        Audit(data, "accepted", AuditActions.Accepted, $"Accepted for {data.AuthorityId}; {data.Evidence.Count} document(s) to fetch, {data.Commitments.Count} commitment(s) in the ledger");
        ScheduleClockChecks(data);
        SaveStage(data);
    }
}
