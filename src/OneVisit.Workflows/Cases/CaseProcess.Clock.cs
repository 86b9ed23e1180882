using OneVisit.Workflows.Audit;
using OneVisit.Workflows.Deadlines;

namespace OneVisit.Workflows.Cases;

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
    private async Task ScheduleClockChecksAsync(CaseData data, CancellationToken cancellationToken)
    {
        if (data.Clock.StartedAt is null || data.Clock.StoppedAt is not null || data.Clock.PausedFor.Count > 0)
        {
            return;
        }

        foreach (var (limit, days, working) in Limits(data))
        {
            if (WarnAt(data, days, working) is { } warn)
            {
                await timers.ScheduleClockAsync(data.CaseId, limit, passed: false, warn, cancellationToken).ConfigureAwait(false);
            }

            await timers.ScheduleClockAsync(data.CaseId, limit, passed: true, calendar.Due(data.Clock, days, working)!.Value, cancellationToken).ConfigureAwait(false);
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

        var escalation = new CaseEscalation(data.CaseId, limit, passed, due.Value, data.AuthorityId);
        var what = passed ? "has passed" : "is near";
        await AuditAsync(data, $"escalated:{limit}:{(passed ? "passed" : "near")}", AuditActions.Escalated, $"The {limit} limit ({days} {(working ? "working " : "")}days, due {due:yyyy-MM-dd}) {what}", cancellationToken).ConfigureAwait(false);
        Log.Escalated(logger, data.CaseId, limit, what, due.Value);
        metrics.Escalated(limit, passed);
        return escalation;
    }
}
