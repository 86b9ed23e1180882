using OneVisit.Workflows.Audit;
using OneVisit.Workflows.Cases;
using OneVisit.Workflows.Cases.Internal;

namespace OneVisit.Workflows.Bundles.Internal;

internal sealed partial class BundleProcess
{
    /// <summary>Admit or not; issue the bundle's one notice and wait for the supplement; accept for every member at once.</summary>
    public Task<StepOutcome> IntakeAsync(BundleData data, object? received, CancellationToken cancellationToken)
    {
        if (data.Stage == CaseStage.Submitted)
        {
            if (data.Denials.Count > 0)
            {
                var why = string.Join("; ", data.Denials);
                Audit(data, "not_admitted", AuditActions.NotAdmitted, why);
                EndMembers(data, BundleMemberState.Stopped, "the bundle was not admitted");
                Close(data, CaseOutcome.NotAdmitted, why);
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
                    var lastDay = calendar.LastDay(data.SupplementDue!.Value);
                    Audit(data, "withdrawn", AuditActions.Withdrawn, $"No supplement by the end of {lastDay:yyyy-MM-dd}: {Names(data.Gaps)}");
                    EndMembers(data, BundleMemberState.Stopped, "the bundle's application was withdrawn");
                    Close(data, CaseOutcome.Withdrawn, $"the documents the notice listed did not arrive by {lastDay:yyyy-MM-dd}");
                    return Task.FromResult(StepOutcome.Next);
                case SuppliedDocuments supplied:
                    var closed = data.Gaps.RemoveAll(g => supplied.Documents.Any(d => Covers(d, g)));
                    Audit(data, $"supplement:{data.NoticeRound}", AuditActions.Supplemented, $"{closed} of the listed materials supplied; {data.Gaps.Count} still owed", actor: supplied.By ?? "applicant");
                    timers.Cancel(data.Writes, data.BundleCaseId, SupplementTimer(data.NoticeRound));
                    if (data.Gaps.Count > 0)
                    {
                        // The notice is one-time: what is still owed is waited for under a new key, by the same date.
                        data.NoticeRound++;
                        var key = BundleEventNames.SupplementKey(data.BundleCaseId, data.NoticeRound);
                        ArmDeadline(data, SupplementTimer(data.NoticeRound), data.SupplementDue!.Value, BundleEventNames.Supplement, key);
                        return Task.FromResult(StepOutcome.WaitFor(BundleEventNames.Supplement, key));
                    }

                    break;
                default:
                    return Task.FromResult(StepOutcome.WaitFor(BundleEventNames.Supplement, BundleEventNames.SupplementKey(data.BundleCaseId, data.NoticeRound)));
            }
        }
        else
        {
            return Task.FromResult(StepOutcome.Next);
        }

        Accept(data);

        // The engine runs on to the members' branches before it saves, and starting a member writes its case at once:
        // a crash then would leave members started by a bundle whose acceptance (and time limit) was never stored, and
        // re-dated on restart. Waiting for an event the acceptance itself publishes saves the acceptance first.
        var accepted = BundleEventNames.AcceptedKey(data.BundleCaseId);
        events.PublishWith(data.Writes, data.BundleCaseId, BundleEventNames.Accepted, accepted, new BundleAccepted(data.AcceptedAt!.Value), "system");
        return Task.FromResult(StepOutcome.WaitFor(BundleEventNames.Accepted, accepted));
    }

    /// <summary>A supplied document covers a listed material of its type, and of its party when it names one.</summary>
    internal static bool Covers(Rules.Precheck.HeldDocument document, BundleGap gap) =>
        document.DocumentId == gap.DocumentId && (document.Party is null || gap.Party is null || document.Party == gap.Party);

    private StepOutcome IssueNotice(BundleData data)
    {
        data.Stage = CaseStage.AwaitingSupplement;
        data.NoticeRound = 1;
        data.SupplementDue = calendar.WorkingDaysAfter(time.GetUtcNow(), data.SupplementWorkingDays);
        var key = BundleEventNames.SupplementKey(data.BundleCaseId, 1);
        ArmDeadline(data, SupplementTimer(1), data.SupplementDue.Value, BundleEventNames.Supplement, key);
        Audit(data, "notice", AuditActions.NoticeIssued, $"One notice for every member: {data.NoticeText ?? Names(data.Gaps)} (by the end of {calendar.LastDay(data.SupplementDue.Value):yyyy-MM-dd})");
        SaveStage(data);
        return StepOutcome.WaitFor(BundleEventNames.Supplement, key);
    }

    /// <summary>
    /// One acceptance for every member (一窗受理): the bundle's promise clock starts, and what the notice listed,
    /// now supplied at the bundle's window, is no longer owed by any member.
    /// </summary>
    private void Accept(BundleData data)
    {
        var now = time.GetUtcNow();
        data.Stage = CaseStage.Accepted;
        data.AcceptedAt ??= now;
        if (data.TimeLimitDays is { } days)
        {
            data.Due = data.TimeLimitWorkingDays ? calendar.WorkingDaysAfter(now, days) : calendar.EndOf(calendar.LocalDate(now).AddDays(days));
        }

        var going = 0;
        foreach (var member in data.Members.Where(m => m.State == BundleMemberState.Pending))
        {
            member.Case!.Gaps.Clear();
            member.State = BundleMemberState.CannotStartYet;
            going++;
        }

        var limit = data.Due is { } due ? $"; the bundle's time limit ends {calendar.LastDay(due):yyyy-MM-dd}" : "";
        Audit(data, "accepted", AuditActions.Accepted, $"Accepted once for {going} member(s), each on behalf of its competent authority{limit}");
        SaveStage(data);
    }

    /// <summary>Ends every member that has not ended (the bundle itself ended at intake).</summary>
    private static void EndMembers(BundleData data, BundleMemberState state, string why)
    {
        foreach (var member in data.Members.Where(m => m.State is BundleMemberState.Pending or BundleMemberState.CannotStartYet))
        {
            member.State = state;
            member.Why = why;
            member.Case = null;
        }
    }
}
