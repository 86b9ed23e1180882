using OneVisit.Workflows.Cases;
using OneVisit.Workflows.Cases.Internal;
using OneVisit.Workflows.Storage;

namespace OneVisit.Workflows.Deadlines;

/// <summary>
/// What a due timer does: end its wait with a timeout (unless someone answered it first), remind the person who
/// must act, or check one of the case's clocks and escalate.
/// </summary>
internal sealed class TimerHandler(ICaseEngine engine, ICaseEvents events, ICaseStore store, CaseProcess process, CaseEscalations escalations)
{
    public async Task FireAsync(TimerRow timer, CancellationToken cancellationToken)
    {
        if (timer.Kind.Action == TimerAction.Timeout)
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

        var subject = timer.Kind.Subject!;
        var escalation = timer.Kind.Action switch
        {
            TimerAction.Remind => await process.RemindAsync(data, subject, cancellationToken).ConfigureAwait(false),
            TimerAction.ClockDue => await process.CheckClockAsync(data, subject, passed: true, cancellationToken).ConfigureAwait(false),
            _ => await process.CheckClockAsync(data, subject, passed: false, cancellationToken).ConfigureAwait(false),
        };
        if (escalation is not null)
        {
            await escalations.RaiseAsync(escalation, cancellationToken).ConfigureAwait(false);
        }
    }
}
