using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace OneVisit.Workflows.Deadlines;

/// <summary>Hands escalations to every registered <see cref="ICaseEscalationObserver"/>; an observer's failure is logged, never the case's.</summary>
internal sealed class CaseEscalations(IServiceProvider services, ILogger<CaseEscalations> logger)
{
    public async Task RaiseAsync(CaseEscalation escalation, CancellationToken cancellationToken)
    {
        foreach (var observer in services.GetServices<ICaseEscalationObserver>())
        {
            try
            {
                await observer.OnEscalationAsync(escalation, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Cases.Internal.Log.ObserverFailed(logger, ex, escalation.CaseId);
            }
        }
    }

    /// <summary>Raises without waiting: called once a step's save committed, off the engine's path.</summary>
    public void Raise(CaseEscalation escalation) => _ = Task.Run(() => RaiseAsync(escalation, CancellationToken.None));
}
