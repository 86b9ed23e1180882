using OneVisit.Workflows.Cases;
using OneVisit.Workflows.Cases.Internal;
using OneVisit.Workflows.Deadlines;
using OneVisit.Workflows.Storage;

namespace OneVisit.Workflows.Hosting;

/// <summary>
/// What a due timer does: end its wait with a timeout (unless someone answered it first), remind the applicant,
/// or check a clock and escalate.
/// </summary>
internal sealed class TimerHandler(ICaseEngine engine, ICaseEvents events, CaseStore store, CaseProcess process, CaseEscalations escalations)
{
    public async Task FireAsync(TimerRow timer, CancellationToken cancellationToken)
    {
        if (timer.Kind == CaseTimers.Timeout)
        {
            // Claimed like any answer: if the applicant's supplement or the department's answer came first, the
            // timeout is dropped, and if the timeout comes first, a late answer is refused rather than lost.
            await events.PublishOnceAsync(timer.CaseId, timer.EventName!, timer.EventKey!, new CaseTimeout(timer.TimerId), "timer", cancellationToken).ConfigureAwait(false);
            return;
        }

        var row = await store.FindCaseAsync(timer.CaseId, cancellationToken).ConfigureAwait(false);
        if (row?.WorkflowId is null || await engine.LoadAsync(row.WorkflowId, cancellationToken).ConfigureAwait(false) is not { } data)
        {
            return;
        }

        var escalation = timer.Kind.StartsWith(CaseTimers.ReminderPrefix, StringComparison.Ordinal)
            ? await process.RemindAsync(data, timer.Kind[CaseTimers.ReminderPrefix.Length..], cancellationToken).ConfigureAwait(false)
            : await CheckClockAsync(data, timer.Kind, cancellationToken).ConfigureAwait(false);
        if (escalation is not null)
        {
            await escalations.RaiseAsync(escalation, cancellationToken).ConfigureAwait(false);
        }
    }

    private Task<CaseEscalation?> CheckClockAsync(CaseData data, string kind, CancellationToken cancellationToken)
    {
        var parts = kind.Split(':');
        return process.CheckClockAsync(data, parts[1], parts[2] == "due", cancellationToken);
    }
}
