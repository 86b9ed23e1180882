using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OneVisit.Workflows.Cases;
using OneVisit.Workflows.Deadlines;
using OneVisit.Workflows.Storage;

namespace OneVisit.Workflows.Hosting;

/// <summary>What a due timer does: publish the timeout its wait is keyed on, or check a clock and escalate.</summary>
internal sealed class TimerHandler(ICaseEngine engine, CaseStore store, CaseProcess process, IServiceProvider services)
{
    public async Task FireAsync(TimerRow timer, CancellationToken cancellationToken)
    {
        if (timer.Kind == CaseTimers.Timeout)
        {
            await engine.PublishAsync(timer.EventName!, timer.EventKey!, new CaseTimeout(timer.TimerId), cancellationToken).ConfigureAwait(false);
            return;
        }

        var row = await store.FindCaseAsync(timer.CaseId, cancellationToken).ConfigureAwait(false);
        if (row?.WorkflowId is null || await engine.LoadAsync(row.WorkflowId, cancellationToken).ConfigureAwait(false) is not { } data)
        {
            return;
        }

        var parts = timer.Kind.Split(':');
        if (await process.CheckClockAsync(data, parts[1], parts[2] == "due", cancellationToken).ConfigureAwait(false) is not { } escalation)
        {
            return;
        }

        var logger = services.GetService<ILogger<TimerHandler>>() ?? (ILogger)Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
        foreach (var observer in services.GetServices<ICaseEscalationObserver>())
        {
            try
            {
                await observer.OnEscalationAsync(escalation, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Log.ObserverFailed(logger, ex, escalation.CaseId);
            }
        }
    }
}
