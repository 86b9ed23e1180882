using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OneVisit.Workflows.Audit;
using OneVisit.Workflows.Cases;
using OneVisit.Workflows.Cases.Internal;
using OneVisit.Workflows.Deadlines;

namespace OneVisit.Workflows.Bundles.Internal;

/// <summary>
/// What each step of a bundle case does, free of the workflow engine: one intake for every member (its one
/// notice and supplement), a branch per member that starts the member's case once the outputs it needs exist and
/// passes its output on when it is issued, and one delivery. As for single cases, a step's writes go with its
/// document in one transaction and every effect is keyed, so a step that runs twice does nothing twice: a member
/// case is started under its own id (a second start finds it), and each output is passed once per key.
/// </summary>
internal sealed partial class BundleProcess(
    CaseService cases,
    CaseCalendar calendar,
    CaseTimers timers,
    ICaseEvents events,
    IOptions<CaseOptions> options,
    TimeProvider time,
    CaseMetrics metrics,
    ILogger<BundleProcess> logger)
{
    private void Audit(BundleData data, string key, string action, string detail, string actor = "system") =>
        data.Writes.AppendAudit(
            $"{data.BundleCaseId}:{key}",
            new AuditEntry(0, data.BundleCaseId, data.ApplicantId, time.GetUtcNow(), actor, action, detail));

    private static void SaveStage(BundleData data) =>
        data.Writes.UpdateStage(data.BundleCaseId, data.Stage.ToString(), data.Outcome?.ToString(), data.LeadAuthorityId, data.ClosedAt);

    private void Close(BundleData data, CaseOutcome outcome, string reason)
    {
        var now = time.GetUtcNow();
        data.Outcome = outcome;
        data.OutcomeReason = reason;
        data.Stage = CaseStage.Closed;
        data.ClosedAt ??= now;
        timers.Cancel(data.Writes, data.BundleCaseId);
        Audit(data, "closed", AuditActions.Closed, $"{outcome}: {reason}");
        SaveStage(data);
        var id = data.BundleCaseId;
        var code = data.BundleCode;
        var took = data.ClosedAt.Value - data.SubmittedAt;
        data.Writes.AfterCommit(() =>
        {
            metrics.BundleClosed(code, outcome, took);
            Log.BundleClosed(logger, id, outcome);
        });
    }

    private static string SupplementTimer(int round) => $"supplement:{round}";

    private void ArmDeadline(BundleData data, string name, DateTimeOffset due, string eventName, string eventKey) =>
        timers.ScheduleTimeout(data.Writes, data.BundleCaseId, name, due, eventName, eventKey);

    private static string Names(IEnumerable<BundleGap> gaps) => string.Join(", ", gaps.Select(g => g.Name));

    private string MemberName(BundleMemberData member) => $"{member.ProcedureCode} {member.Name}";

    private CaseOptions Options => options.Value;
}
