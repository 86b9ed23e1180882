using OneVisit.Workflows.Audit;
using OneVisit.Workflows.Deadlines;
using OneVisit.Workflows.Storage;

namespace OneVisit.Workflows.Cases.Internal;

internal sealed partial class CaseProcess
{
    private IEnumerable<(string Limit, int Days, bool Working)> Limits(CaseData data)
    {
        if (data.Terms.StatutoryDays is { } statutory)
        {
            yield return ("statutory", statutory, data.Terms.StatutoryWorkingDays);
        }

        if (data.Terms.PromisedDays is { } promised)
        {
            yield return ("promised", promised, data.Terms.PromisedWorkingDays);
        }
    }

    /// <summary>When the "nearing" escalation of a limit is due.</summary>
    private DateTimeOffset? WarnAt(CaseData data, int days, bool working) =>
        Options.WarnWorkingDaysBefore == 0 || days <= Options.WarnWorkingDaysBefore
            ? null
            : calendar.Due(data.Clock, days - Options.WarnWorkingDaysBefore, working);

    /// <summary>Arms the escalation timers of every limit for the clock as it now stands.</summary>
    private void ScheduleClockChecks(CaseData data)
    {
        if (data.Clock.StartedAt is null || data.Clock.StoppedAt is not null || data.Clock.PausedFor.Count > 0)
        {
            return;
        }

        foreach (var (limit, days, working) in Limits(data))
        {
            if (WarnAt(data, days, working) is { } warn)
            {
                timers.ScheduleClock(data.Writes, data.CaseId, limit, passed: false, warn);
            }

            timers.ScheduleClock(data.Writes, data.CaseId, limit, passed: true, calendar.Due(data.Clock, days, working)!.Value);
        }
    }

    /// <summary>
    /// A clock timer fired: escalate if the limit really nears or has passed. A timer armed before a pause is
    /// stale (the due date moved), so the due date is recomputed from the clock rather than trusted.
    /// </summary>
    public async Task<CaseEscalation?> CheckClockAsync(CaseData data, string limit, bool passed, CancellationToken cancellationToken)
    {
        if (data.Stage == CaseStage.Closed || data.Clock.StoppedAt is not null || data.Clock.PausedFor.Count > 0)
        {
            return null;
        }

        var (_, days, working) = Limits(data).FirstOrDefault(l => l.Limit == limit);
        var due = calendar.Due(data.Clock, days, working);
        var at = passed ? due : WarnAt(data, days, working);
        if (due is null || at is null || at > time.GetUtcNow())
        {
            return null;
        }

        var what = passed ? "has passed" : "is near";
        var detail = $"The {limit} limit ({days} {(working ? "working " : "")}days, due by the end of {calendar.LastDay(due.Value):yyyy-MM-dd}) {what}";
        var escalation = new CaseEscalation(data.CaseId, limit, passed, due.Value, data.AuthorityId) { What = detail };
        // Raised from a timer, outside any step: the line is the whole effect, so it is written on its own.
        await audit.AppendAuditAsync($"{data.CaseId}:escalated:{limit}:{(passed ? "passed" : "near")}", new AuditEntry(0, data.CaseId, data.ApplicantId, time.GetUtcNow(), "system", AuditActions.Escalated, detail), cancellationToken).ConfigureAwait(false);
        Log.Escalated(logger, data.CaseId, limit, what, due.Value);
        metrics.Escalated(limit, passed);
        return escalation;
    }

    /// <summary>
    /// A reminder timer fired for the wait <paramref name="name"/>: if the applicant still owes what it asks for,
    /// remind them (audit line, escalation to observers, who send the message). A wait already answered stays quiet.
    /// </summary>
    public async Task<CaseEscalation?> RemindAsync(CaseData data, string name, CancellationToken cancellationToken)
    {
        if (OpenWait(data, name) is not var (what, due))
        {
            return null;
        }

        var detail = $"Reminder: {what}, by the end of {calendar.LastDay(due):yyyy-MM-dd}";
        await audit.AppendAuditAsync($"{data.CaseId}:reminded:{name}", new AuditEntry(0, data.CaseId, data.ApplicantId, time.GetUtcNow(), "system", AuditActions.Reminded, detail), cancellationToken).ConfigureAwait(false);
        Log.Reminded(logger, data.CaseId, name, due);
        return new CaseEscalation(data.CaseId, name, false, due, data.AuthorityId) { Reason = EscalationReasons.Reminder, What = detail };
    }

    /// <summary>What the applicant still owes under the wait <paramref name="name"/>, and by when; null once it is settled.</summary>
    private static (string What, DateTimeOffset Due)? OpenWait(CaseData data, string name)
    {
        var colon = name.IndexOf(':', StringComparison.Ordinal);
        var (kind, id) = colon < 0 ? (name, "") : (name[..colon], name[(colon + 1)..]);
        return kind switch
        {
            "supplement" when data.Stage == CaseStage.AwaitingSupplement && data.SupplementDue is { } due =>
                ("supply " + string.Join(", ", data.Gaps.Select(g => data.DocumentName(g.MaterialId))), due),
            "ask" when data.FindEvidence(id) is { State: EvidenceStates.AwaitingApplicant, AskDue: { } due } =>
                ($"supply {data.DocumentName(id)}" + (data.Terms.CommitmentAllowed.ContainsKey(id) ? " or sign a commitment" : ""), due),
            "gap" when data.FindOwed(id) is { State: OwedStates.Owed, Due: { } due } =>
                ($"supply {data.DocumentName(id)} (accepted with a gap)", due),
            "pickup" when data.Stage == CaseStage.AwaitingPickup && data.PickupDue is { } due =>
                ("collect the result at the office", due),
            _ => null,
        };
    }
}
