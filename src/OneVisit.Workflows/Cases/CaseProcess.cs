using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OneVisit.Workflows.Audit;
using OneVisit.Workflows.Deadlines;
using OneVisit.Workflows.Evidence;
using OneVisit.Workflows.Storage;

namespace OneVisit.Workflows.Cases;

/// <summary>
/// What each step of a case does, free of the workflow engine: the engine's step bodies call these with the
/// case's data and the event that woke the step (null on first entry), and wait when told to. Every effect
/// is keyed so a step that runs twice (after a crash) writes nothing twice.
/// </summary>
internal sealed partial class CaseProcess(
    CaseStore store,
    CaseCalendar calendar,
    CaseTimers timers,
    EvidenceProviders providers,
    IOptions<CaseOptions> options,
    TimeProvider time,
    CaseMetrics metrics,
    ILogger<CaseProcess> logger)
{
    private CaseOptions Options => options.Value;

    private Task AuditAsync(CaseData data, string key, string action, string detail, CancellationToken cancellationToken, string actor = "system", string? dataRequested = null, string? purpose = null) =>
        store.AppendAuditAsync(
            $"{data.CaseId}:{key}",
            new AuditEntry(0, data.CaseId, data.ApplicantId, time.GetUtcNow(), actor, action, detail, dataRequested, purpose),
            cancellationToken);

    private Task SaveStageAsync(CaseData data, CancellationToken cancellationToken) =>
        store.UpdateStageAsync(data.CaseId, data.Stage.ToString(), data.Outcome?.ToString(), data.AuthorityId, data.ClosedAt, cancellationToken);

    private async Task CloseAsync(CaseData data, CaseOutcome outcome, string reason, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        data.Outcome = outcome;
        data.OutcomeReason = reason;
        data.Stage = CaseStage.Closed;
        data.ClosedAt ??= now;
        data.Clock.StoppedAt ??= now;
        await timers.CancelAsync(data.CaseId, cancellationToken).ConfigureAwait(false);
        await AuditAsync(data, "closed", AuditActions.Closed, $"{outcome}: {reason}", cancellationToken).ConfigureAwait(false);
        await SaveStageAsync(data, cancellationToken).ConfigureAwait(false);
        metrics.Closed(data.Terms.Code, outcome, data.ClosedAt.Value - data.SubmittedAt);
        Log.CaseClosed(logger, data.CaseId, outcome);
    }
}
