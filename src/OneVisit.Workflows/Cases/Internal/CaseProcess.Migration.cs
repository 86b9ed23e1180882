using OneVisit.Workflows.Audit;
using OneVisit.Workflows.Migration;
using OneVisit.Workflows.Migration.Internal;

namespace OneVisit.Workflows.Cases.Internal;

internal sealed partial class CaseProcess
{
    /// <summary>
    /// Moves the case to the target's version, as a step would: its data changes, and its writes (audit line, index row,
    /// timers, the events that end waits no longer needed) go with the same save. Called under the workflow's lock, on
    /// data as last saved; the caller saves it.
    /// </summary>
    public void Migrate(CaseData data, MigrationTarget target, IReadOnlyList<MigrationChange> changes)
    {
        var (from, to) = (data.Terms.Version, target.Terms.Version);
        var moved = new CaseMigrated(from, to);

        // Names of materials the new version dropped stay known, so the case's history still reads in words.
        foreach (var (id, name) in data.Terms.DocumentNames)
        {
            target.Terms.DocumentNames.TryAdd(id, name);
        }

        foreach (var (id, name) in data.Terms.DocumentNamesEn)
        {
            target.Terms.DocumentNamesEn.TryAdd(id, name);
        }

        data.Terms = target.Terms;
        if (target.Accepted)
        {
            MigrateAccepted(data, target, moved);
        }
        else
        {
            MigrateIntake(data, target, moved);
        }

        if (target.Fresh.AuthorityId != data.AuthorityId)
        {
            Audit(data, $"forwarded:v{to}", AuditActions.Forwarded, $"Forwarded from {data.AuthorityId} to {target.Fresh.AuthorityId}, competent under v{to}");
            data.AuthorityId = target.Fresh.AuthorityId;
        }

        var detail = changes.Count == 0 ? "nothing else changes for this case" : string.Join("; ", changes.Select(c => c.Detail));
        Audit(data, $"migrated:v{from}:v{to}", AuditActions.Migrated, $"{data.Terms.Code} v{from} → v{to}: {detail}");
        data.Writes.UpdateVersion(data.CaseId, to);
        SaveStage(data);
    }

    /// <summary>Not accepted yet: the new version's materials replace the old; one notice for what it newly needs.</summary>
    private void MigrateIntake(CaseData data, MigrationTarget target, CaseMigrated moved)
    {
        var fresh = target.Fresh;
        (data.Gaps, data.Evidence, data.Owed, data.Commitments) = (fresh.Gaps, fresh.Evidence, fresh.Owed, fresh.Commitments);
        (data.NoticeText, data.Delivery, data.PredictedVisits, data.ForwardedFromWindowId) = (fresh.NoticeText, fresh.Delivery, fresh.PredictedVisits, fresh.ForwardedFromWindowId);
        if (data.Stage != CaseStage.AwaitingSupplement)
        {
            return; // Submitted: intake has not run; it issues the notice from these gaps itself.
        }

        var key = CaseEventNames.SupplementKey(data.CaseId, data.NoticeRound);
        if (data.Gaps.Count == 0)
        {
            // Nothing left to supply: the notice's wait ends and intake accepts the case.
            events.PublishWith(data.Writes, data.CaseId, CaseEventNames.Supplement, key, moved, "system");
            return;
        }

        if (target.NewGaps.Count > 0)
        {
            // One notice for what the new version needs, with a full supplement period from today, never a shorter one.
            var due = calendar.WorkingDaysAfter(time.GetUtcNow(), SupplyDays(data));
            data.SupplementDue = data.SupplementDue is { } old && old > due ? old : due;
            timers.Cancel(data.Writes, data.CaseId, SupplementTimer(data.NoticeRound));
            ArmDeadline(data, SupplementTimer(data.NoticeRound), data.SupplementDue.Value, CaseEventNames.Supplement, key);
            var listed = string.Join(", ", target.NewGaps.Select(data.DocumentName));
            Audit(data, $"notice:v{moved.ToVersion}", AuditActions.NoticeIssued, $"Under v{moved.ToVersion} also required: {listed}; still owed: {string.Join(", ", data.Gaps.Select(g => data.DocumentName(g.MaterialId)))} (by the end of {calendar.LastDay(data.SupplementDue.Value):yyyy-MM-dd})");
        }
    }

    /// <summary>Accepted: waits the new version no longer needs end; the clock is armed again for the limits the case now runs on.</summary>
    private void MigrateAccepted(CaseData data, MigrationTarget target, CaseMigrated moved)
    {
        var now = time.GetUtcNow();
        foreach (var evidence in data.Evidence.Where(e => target.DroppedEvidence.Contains(e.MaterialId)))
        {
            // Pending: its branch has not run (no wait); it finds the material no longer required.
            var wait = OpenWait(data.CaseId, evidence);
            if (evidence.State == EvidenceStates.AwaitingApplicant)
            {
                calendar.Resume(data.Clock, evidence.MaterialId, now);
            }

            evidence.State = EvidenceStates.NotRequired;
            timers.Cancel(data.Writes, data.CaseId, AnswerTimer(evidence));
            timers.Cancel(data.Writes, data.CaseId, LaterTimer(evidence));
            timers.Cancel(data.Writes, data.CaseId, AskTimer(evidence));
            if (wait is var (name, key))
            {
                events.PublishWith(data.Writes, data.CaseId, name, key, moved, "system");
            }
        }

        foreach (var owed in data.Owed.Where(o => target.DroppedOwed.Contains(o.MaterialId)))
        {
            owed.State = OwedStates.NotRequired;
            timers.Cancel(data.Writes, data.CaseId, GapTimer(owed.MaterialId));
            if (owed.Due is not null)
            {
                events.PublishWith(data.Writes, data.CaseId, CaseEventNames.Applicant, CaseEventNames.GapKey(data.CaseId, owed.MaterialId), moved, "system");
            }
        }

        // Due dates move with the limits (the case now runs on target.Terms): the old clock timers go, the new ones are
        // armed (a past due escalates at once).
        timers.Cancel(data.Writes, data.CaseId, "clock");
        ScheduleClockChecks(data);
    }
}
