using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OneVisit.Workflows.Audit;
using OneVisit.Workflows.Deadlines;
using OneVisit.Workflows.Evidence;
using OneVisit.Workflows.Storage;

namespace OneVisit.Workflows.Cases.Internal;

/// <summary>
/// What each step of a case does, free of the workflow engine: the engine's step bodies call these with the
/// case's data and the event that woke the step (null on first entry), and wait when told to. A step's writes
/// (audit lines, stage, ledgers, timers) are held on the data and stored with its document in one transaction,
/// and every one is keyed, so a step that runs twice (after a crash) writes nothing twice.
/// </summary>
internal sealed partial class CaseProcess(
    ICaseStore store,
    IAuditStore audit,
    CaseCalendar calendar,
    CaseTimers timers,
    ICaseEvents events,
    EvidenceDispatcher dispatcher,
    CaseEscalations escalations,
    IOptions<CaseOptions> options,
    TimeProvider time,
    CaseMetrics metrics,
    ILogger<CaseProcess> logger)
{
    private CaseOptions Options => options.Value;

    private void Audit(CaseData data, string key, string action, string detail, string actor = "system", string? dataRequested = null, string? purpose = null) =>
        data.Writes.AppendAudit(
            $"{data.CaseId}:{key}",
            new AuditEntry(0, data.CaseId, data.ApplicantId, time.GetUtcNow(), actor, action, detail, dataRequested, purpose));

    private static void SaveStage(CaseData data) =>
        data.Writes.UpdateStage(data.CaseId, data.Stage.ToString(), data.Outcome?.ToString(), data.AuthorityId, data.ClosedAt);

    /// <summary>Working days the applicant has to supply what the office asks for: the catalogue's, else the host's.</summary>
    private int SupplyDays(CaseData data) => data.Terms.SupplementWorkingDays ?? Options.SupplementWorkingDays;

    /// <summary>When a reminder before <paramref name="due"/> goes out, or null when there is no working day left for one.</summary>
    private DateTimeOffset? ReminderAt(DateTimeOffset due)
    {
        if (Options.ReminderWorkingDaysBefore == 0)
        {
            return null;
        }

        // The morning after the reminder day's end is too late to act on; the reminder goes at the end of the
        // working day that many working days before the last one.
        var at = calendar.EndOf(calendar.Calendar.SubtractWorkingDays(calendar.LastDay(due), Options.ReminderWorkingDaysBefore));
        return at > time.GetUtcNow() ? at : null;
    }

    /// <summary>Arms a wait's deadline and, when there is time for one, its reminder.</summary>
    private void ArmDeadline(CaseData data, string name, DateTimeOffset due, string eventName, string eventKey)
    {
        timers.ScheduleTimeout(data.Writes, data.CaseId, name, due, eventName, eventKey);
        if (ReminderAt(due) is { } remind)
        {
            timers.ScheduleReminder(data.Writes, data.CaseId, name, remind);
        }
    }

    private void Close(CaseData data, CaseOutcome outcome, string reason)
    {
        var now = time.GetUtcNow();
        data.Outcome = outcome;
        data.OutcomeReason = reason;
        data.Stage = CaseStage.Closed;
        data.ClosedAt ??= now;
        data.Clock.StoppedAt ??= now;
        timers.Cancel(data.Writes, data.CaseId);
        EndOpenWaits(data, reason);
        Audit(data, "closed", AuditActions.Closed, $"{outcome}: {reason}");
        SaveStage(data);
        if (data.BundleCaseId is { } bundle)
        {
            // Told in the same transaction as the close, once (the key is claimed): the bundle passes the output on
            // or applies its rule for a refused member, and never hears of one member twice.
            events.PublishWith(data.Writes, bundle, Bundles.Internal.BundleEventNames.Member, Bundles.Internal.BundleEventNames.MemberKey(bundle, data.BundleMember),
                new Bundles.Internal.MemberFinished(data.CaseId, outcome, reason, data.AuthorityId, data.ClosedAt.Value), "system");
        }

        var caseId = data.CaseId;
        var code = data.Terms.Code;
        var took = data.ClosedAt.Value - data.SubmittedAt;
        data.Writes.AfterCommit(() =>
        {
            metrics.Closed(code, outcome, took);
            Log.CaseClosed(logger, caseId, outcome);
        });
    }

    /// <summary>
    /// Wakes the other branches' waits with a notice that the case closed, so each ends and the workflow
    /// completes; claiming their keys also refuses a caller who answers one of them afterwards.
    /// </summary>
    private void EndOpenWaits(CaseData data, string reason)
    {
        var notice = new CaseClosedNotice(reason);
        foreach (var evidence in data.Evidence)
        {
            if (OpenWait(data.CaseId, evidence) is var (name, key))
            {
                events.PublishWith(data.Writes, data.CaseId, name, key, notice, "system");
            }
        }

        foreach (var owed in data.Owed.Where(o => o.State == OwedStates.Owed))
        {
            events.PublishWith(data.Writes, data.CaseId, CaseEventNames.Applicant, CaseEventNames.GapKey(data.CaseId, owed.MaterialId), notice, "system");
        }
    }

    /// <summary>
    /// The wait a document's branch holds, by its state: a department's answer, its later answer, or the applicant's
    /// document; null when the branch waits for nothing (not yet run, or settled).
    /// </summary>
    private static (string Name, string Key)? OpenWait(string caseId, CaseEvidence evidence) => evidence.State switch
    {
        EvidenceStates.Requested => (CaseEventNames.Evidence, CaseEventNames.AnswerKey(caseId, evidence.MaterialId)),
        EvidenceStates.Waiting => (CaseEventNames.Evidence, CaseEventNames.MaterialKey(caseId, evidence.MaterialId)),
        EvidenceStates.AwaitingApplicant => (CaseEventNames.Applicant, CaseEventNames.MaterialKey(caseId, evidence.MaterialId)),
        _ => null,
    };

    /// <summary>Tells the competent authority (audit, log, observers) that the applicant missed a deadline it must now weigh.</summary>
    private void EscalateToOfficer(CaseData data, string key, string what, DateTimeOffset due)
    {
        data.ForOfficer.Add(what);
        Audit(data, $"escalated:{key}", AuditActions.Escalated, $"{what}; {data.AuthorityId} decides (the catalogue's on_missed: officer_decides)");
        var escalation = new CaseEscalation(data.CaseId, key, true, due, data.AuthorityId) { Reason = EscalationReasons.MissedByApplicant, What = what };
        data.Writes.AfterCommit(() => escalations.Raise(escalation));
    }
}
