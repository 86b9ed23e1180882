using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OneVisit.Rules.Catalog;
using OneVisit.Rules.Precheck;
using OneVisit.Workflows.Audit;
using OneVisit.Workflows.Cases;
using OneVisit.Workflows.Cases.Internal;
using OneVisit.Workflows.Deadlines;
using OneVisit.Workflows.Storage;
using OneVisit.Workflows.Visits;

namespace OneVisit.Workflows.Bundles.Internal;

/// <summary>
/// The bundle case service: as the case service, it validates every call against the bundle case as stored, then
/// claims the wait it answers and stores its event in one transaction; a refused call is audited as an attempt.
/// </summary>
internal sealed partial class BundleService(
    PrecheckEngine precheck,
    ICaseEngine engine,
    ICaseEvents events,
    ICaseStore store,
    ILedgerStore ledgers,
    CaseStarter starter,
    CaseService cases,
    CaseStoreErrors errors,
    CaseCalendar calendar,
    IOptions<CaseOptions> options,
    TimeProvider time,
    CaseMetrics metrics,
    ILogger<BundleService> logger) : IBundleCaseService
{
    public Task<BundleCaseSnapshot> SubmitAsync(BundleSubmission submission, CancellationToken cancellationToken = default) =>
        errors.GuardAsync(() => SubmitCoreAsync(submission, cancellationToken));

    private async Task<BundleCaseSnapshot> SubmitCoreAsync(BundleSubmission submission, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(submission);
        ArgumentNullException.ThrowIfNull(submission.Application, "submission.Application");
        CaseInputs.Submission(submission.IdempotencyKey, submission.ApplicantId, submission.PreferredDelivery);

        var result = precheck.CheckBundle(submission.Application);
        var now = time.GetUtcNow();
        var supplyDays = options.Value.SupplementWorkingDays;
        var data = BundleFactory.Create(NewBundleCaseId(), submission, result, supplyDays, now);
        var app = submission.Application;
        var fingerprint = CaseFactory.Fingerprint(submission.ApplicantId, app.BundleCode, app.WindowId, app.AsOf, submission.PreferredDelivery, app.Facts, app.Documents, app.LeftOut.Order(StringComparer.Ordinal));
        var row = new CaseRow(data.BundleCaseId, null, submission.IdempotencyKey, fingerprint, data.BundleCode, data.BundleVersion, data.ApplicantId, data.Stage.ToString(), null, data.LeadAuthorityId, now, null)
        {
            IsBundle = true,
        };

        BundleCaseSnapshot? snapshot = null;
        var started = await starter.StartOnceAsync(row, (bundleCaseId, submittedAt) =>
        {
            if (bundleCaseId != data.BundleCaseId)
            {
                // A retry of a submission that stopped before its workflow started: the recorded id and time stand.
                data = BundleFactory.Create(bundleCaseId, submission, result, supplyDays, submittedAt);
            }

            AuditSubmission(data, result);
            snapshot = BundleSnapshots.From(data, new Dictionary<int, CaseSnapshot>(), calendar, 0, now);
            return engine.StartBundleAsync(data, cancellationToken);
        }, cancellationToken).ConfigureAwait(false);
        if (started.AlreadyRunning)
        {
            return await GetCoreAsync(started.CaseId, cancellationToken).ConfigureAwait(false);
        }

        metrics.BundleSubmitted(data.BundleCode);
        Log.BundleSubmitted(logger, data.BundleCaseId, data.BundleCode, data.BundleVersion, data.Members.Count(m => m.State != BundleMemberState.NotIncluded));
        return snapshot!;
    }

    private static string NewBundleCaseId() => "B" + Guid.CreateVersion7().ToString("N")[..20].ToUpperInvariant();

    /// <summary>Written with the workflow's creation, in its transaction: a bundle case is audited exactly when it exists.</summary>
    private static void AuditSubmission(BundleData data, BundlePrecheckResult result)
    {
        var channel = data.WindowId is { } window ? $"at the window {window}" : "online";
        var members = string.Join(", ", data.Members.Select(m => $"{m.ProcedureCode} {CatalogWordsOf(m.State)}"));
        data.Writes.AppendAudit($"{data.BundleCaseId}:submitted", new AuditEntry(0, data.BundleCaseId, data.ApplicantId, data.SubmittedAt, "applicant", AuditActions.Submitted,
            $"{data.BundleCode} v{data.BundleVersion} joint application {channel}; members: {members}"));
        data.Writes.AppendAudit($"{data.BundleCaseId}:prechecked", new AuditEntry(0, data.BundleCaseId, data.ApplicantId, data.SubmittedAt, "system", AuditActions.Prechecked,
            $"{CatalogWords.Of(result.Verdict)}; {data.Gaps.Count} gap(s) in one notice; {data.PredictedVisits} visit(s) predicted for the whole matter, {data.NaiveVisits} member by member"));
    }

    private static string CatalogWordsOf(BundleMemberState state) => state switch
    {
        BundleMemberState.Pending => "included",
        BundleMemberState.NotIncluded => "not included",
        _ => state.ToString().ToLowerInvariant(),
    };

    public Task<BundleCaseSnapshot> GetAsync(string bundleCaseId, CancellationToken cancellationToken = default) =>
        errors.GuardAsync(() => GetCoreAsync(bundleCaseId, cancellationToken));

    private async Task<BundleCaseSnapshot> GetCoreAsync(string bundleCaseId, CancellationToken cancellationToken)
    {
        var (_, data) = await LoadAsync(bundleCaseId, cancellationToken).ConfigureAwait(false);
        return await SnapshotAsync(data, cancellationToken).ConfigureAwait(false);
    }

    private Task<BundleCaseSnapshot> SnapshotAsync(BundleData data, CancellationToken cancellationToken) =>
        SnapshotAsync(data, member => cases.TryGetMemberAsync(member.CaseId, cancellationToken), cancellationToken);

    /// <summary>The bundle with each started member's case, as <paramref name="memberCase"/> reads it, and the trips of all of them.</summary>
    private async Task<BundleCaseSnapshot> SnapshotAsync(BundleData data, Func<BundleMemberData, Task<MemberCase?>> memberCase, CancellationToken cancellationToken)
    {
        var memberCases = new Dictionary<int, CaseSnapshot>();
        var visits = new List<VisitRecord>(await ledgers.VisitsOfCaseAsync(data.BundleCaseId, cancellationToken).ConfigureAwait(false));
        foreach (var member in data.Members.Where(m => m.Started))
        {
            if (await memberCase(member).ConfigureAwait(false) is { } read)
            {
                memberCases[member.Index] = read.Snapshot;
                visits.AddRange(read.Visits);
            }
        }

        return BundleSnapshots.From(data, memberCases, calendar, cases.CountVisits(visits), time.GetUtcNow());
    }

    private async Task<(CaseRow Row, BundleData Data)> LoadAsync(string bundleCaseId, CancellationToken cancellationToken)
    {
        CaseInputs.Identifier(bundleCaseId, "bundleCaseId");
        var row = await store.FindCaseAsync(bundleCaseId, cancellationToken).ConfigureAwait(false) ?? throw new CaseNotFoundException(bundleCaseId);
        if (!row.IsBundle)
        {
            throw new WrongBundleMemberException(bundleCaseId, row.BundleCaseId ?? "", row.BundleCaseId is { } owner
                ? $"Case '{bundleCaseId}' is a member case of bundle case {owner}: read the bundle as {owner}, or this member through ICaseService."
                : $"Case '{bundleCaseId}' is a case on its own, not a bundle case: read it through ICaseService.");
        }

        if (row.PurgedAt is not null)
        {
            throw CaseRetention.Purged(row);
        }

        var workflowId = await starter.WorkflowOfAsync(row, cancellationToken).ConfigureAwait(false) ?? throw new CaseNotFoundException(bundleCaseId);
        var data = await engine.LoadBundleAsync(workflowId, cancellationToken).ConfigureAwait(false) ?? throw new CaseNotFoundException(bundleCaseId);
        return (row, data);
    }
}
