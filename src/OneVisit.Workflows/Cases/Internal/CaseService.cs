using Microsoft.Extensions.Logging;
using OneVisit.Rules.Precheck;
using OneVisit.Workflows.Audit;
using OneVisit.Workflows.Deadlines;
using OneVisit.Workflows.Storage;
using OneVisit.Workflows.Visits;

namespace OneVisit.Workflows.Cases.Internal;

/// <summary>
/// The case service: validates every call against the case as stored, then claims the wait it answers and
/// stores its event in one transaction. Validation happens before anything is written, so a refused call
/// changes nothing but the audit line that records the attempt; of two calls answering one wait, one is
/// applied and the other gets <see cref="CaseConflictException"/>.
/// </summary>
internal sealed partial class CaseService(
    PrecheckEngine precheck,
    ICaseEngine engine,
    CaseStarter starter,
    ICaseEvents events,
    ICaseStore store,
    IAuditStore audit,
    ILedgerStore ledgers,
    CaseStoreErrors errors,
    CaseCalendar calendar,
    TimeProvider time,
    CaseMetrics metrics,
    ILogger<CaseService> logger) : ICaseService
{
    public Task<CaseSnapshot> SubmitAsync(CaseSubmission submission, CancellationToken cancellationToken = default) =>
        GuardAsync(() => SubmitCoreAsync(submission, cancellationToken));

    private async Task<CaseSnapshot> SubmitCoreAsync(CaseSubmission submission, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(submission);
        ArgumentNullException.ThrowIfNull(submission.Application, "submission.Application");
        CaseInputs.Submission(submission.IdempotencyKey, submission.ApplicantId, submission.PreferredDelivery);

        var result = precheck.Check(submission.Application);
        var now = time.GetUtcNow();
        var data = CaseFactory.Create(NewCaseId(), submission, result, now);
        var fingerprint = CaseFactory.Fingerprint(submission);
        await engine.EnsureDefinitionAsync(data.Terms, cancellationToken).ConfigureAwait(false);

        var row = new CaseRow(data.CaseId, null, submission.IdempotencyKey, fingerprint, data.Terms.Code, data.Terms.Version, data.ApplicantId, data.Stage.ToString(), null, data.AuthorityId, now, null);
        var channel = data.WindowId is { } window ? $"at the window {window}" : "online";
        var prechecked = $"{Rules.Catalog.CatalogWords.Of(result.Verdict)}; {data.Gaps.Count} gap(s), {data.Evidence.Count} document(s) to fetch, {result.Visits.Count} visit(s) predicted; competent: {data.AuthorityId}";
        CaseSnapshot? snapshot = null;
        var started = await starter.StartOnceAsync(row, (caseId, submittedAt) =>
        {
            data.CaseId = caseId;
            data.SubmittedAt = submittedAt;

            // Written with the workflow's creation, in its transaction: a case is audited exactly when it exists.
            data.Writes.AppendAudit($"{data.CaseId}:submitted", new AuditEntry(0, data.CaseId, data.ApplicantId, data.SubmittedAt, "applicant", AuditActions.Submitted, $"{data.Terms.Code} v{data.Terms.Version} {channel}"));
            data.Writes.AppendAudit($"{data.CaseId}:prechecked", new AuditEntry(0, data.CaseId, data.ApplicantId, data.SubmittedAt, "system", AuditActions.Prechecked, prechecked));

            // Taken before the engine starts working on the data, so it shows the case as submitted.
            snapshot = CaseSnapshots.From(data, calendar, 0, now);
            return engine.StartCaseAsync(data, cancellationToken);
        }, cancellationToken).ConfigureAwait(false);
        if (started.AlreadyRunning)
        {
            return await GetCoreAsync(started.CaseId, cancellationToken).ConfigureAwait(false);
        }

        metrics.Submitted(data.Terms.Code);
        Log.CaseSubmitted(logger, data.CaseId, data.Terms.Code, data.Terms.Version);
        return snapshot!;
    }

    private static string NewCaseId() => "C" + Guid.CreateVersion7().ToString("N")[..20].ToUpperInvariant();

    public Task<CaseSnapshot> GetAsync(string caseId, CancellationToken cancellationToken = default) =>
        GuardAsync(() => GetCoreAsync(caseId, cancellationToken));

    private async Task<CaseSnapshot> GetCoreAsync(string caseId, CancellationToken cancellationToken)
    {
        var (_, data) = await LoadAsync(caseId, cancellationToken).ConfigureAwait(false);
        return await SnapshotAsync(data, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The public view of the case's data, with the visits made so far.</summary>
    private async Task<CaseSnapshot> SnapshotAsync(CaseData data, CancellationToken cancellationToken)
    {
        var visits = await ledgers.VisitsOfCaseAsync(data.CaseId, cancellationToken).ConfigureAwait(false);
        return CaseSnapshots.From(data, calendar, CountVisits(visits), time.GetUtcNow());
    }

    /// <summary>Trips on different days; several purposes on one day are one visit.</summary>
    internal int CountVisits(IEnumerable<VisitRecord> visits) => visits.Select(v => calendar.LocalDate(v.At)).Distinct().Count();

    public Task<IReadOnlyList<CaseSummary>> ListAsync(CaseQuery? query = null, CancellationToken cancellationToken = default) =>
        GuardAsync<IReadOnlyList<CaseSummary>>(async () =>
        {
            query ??= new CaseQuery();
            if (query.ApplicantId is { } applicant)
            {
                CaseInputs.Identifier(applicant, "query.ApplicantId");
            }

            var rows = await store.ListCasesAsync(query.ApplicantId, query.OpenOnly, Math.Clamp(query.Limit, 1, 10_000), cancellationToken).ConfigureAwait(false);
            return [.. rows.Select(r => new CaseSummary(r.CaseId, r.ProcedureCode, r.ApplicantId, Enum.Parse<CaseStage>(r.Stage), r.Outcome is null ? null : Enum.Parse<CaseOutcome>(r.Outcome), r.AuthorityId, r.SubmittedAt, r.ClosedAt) { IsBundle = r.IsBundle, BundleCaseId = r.BundleCaseId, PurgedAt = r.PurgedAt })];
        });

    public Task RecordVisitAsync(string caseId, VisitMade visit, CancellationToken cancellationToken = default) =>
        GuardAsync(async () =>
        {
            VisitBook.Check(visit, caseId);
            var (_, data) = await LoadOpenAsync(caseId, "applicant", cancellationToken).ConfigureAwait(false);
            await VisitBook.RecordAsync(ledgers, caseId, data.ApplicantId, data.WindowId, visit, time.GetUtcNow(), "", cancellationToken).ConfigureAwait(false);
            return true;
        });

    /// <inheritdoc />
    public Task<CaseSnapshot> WaitUntilAsync(string caseId, Func<CaseSnapshot, bool> condition, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        GuardAsync(() => WaitUntilCoreAsync(caseId, condition, timeout, cancellationToken));

    private async Task<CaseSnapshot> WaitUntilCoreAsync(string caseId, Func<CaseSnapshot, bool> condition, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(condition);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero);
        CheckCaseId(caseId);
        var row = await store.FindCaseAsync(caseId, cancellationToken).ConfigureAwait(false) ?? throw new CaseNotFoundException(caseId);
        var workflowId = await starter.WorkflowOfAsync(row, cancellationToken).ConfigureAwait(false) ?? throw new CaseNotFoundException(caseId);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        while (true)
        {
            var saved = engine.NextSave(workflowId);
            // The case row was read once above; each save only needs the workflow and the visits read again.
            var data = await engine.LoadAsync(workflowId, cancellationToken).ConfigureAwait(false) ?? throw new CaseNotFoundException(caseId);
            var snapshot = await SnapshotAsync(data, cancellationToken).ConfigureAwait(false);
            if (condition(snapshot))
            {
                return snapshot;
            }

            try
            {
                await saved.WaitAsync(deadline.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"Case {caseId} did not reach the expected state within {timeout}; it is {snapshot.Stage}, waiting for {string.Join(", ", snapshot.Awaiting.Select(a => $"{a.Kind} {a.What}"))}.");
            }
        }
    }

    private static void CheckCaseId(string caseId) => CaseInputs.Identifier(caseId, "caseId");

    private async Task<(CaseRow Row, CaseData Data)> LoadAsync(string caseId, CancellationToken cancellationToken)
    {
        CheckCaseId(caseId);
        var row = await store.FindCaseAsync(caseId, cancellationToken).ConfigureAwait(false);
        if (row is null || row.IsBundle)
        {
            throw await NotACaseAsync(caseId, row, cancellationToken).ConfigureAwait(false);
        }

        if (row.PurgedAt is not null)
        {
            throw CaseRetention.Purged(row);
        }

        var workflowId = await starter.WorkflowOfAsync(row, cancellationToken).ConfigureAwait(false) ?? throw new CaseNotFoundException(caseId);
        var data = await engine.LoadAsync(workflowId, cancellationToken).ConfigureAwait(false) ?? throw new CaseNotFoundException(caseId);
        return (row, data);
    }

    /// <summary>The case, unless it is closed: then the attempt is audited (under <paramref name="actorOf"/>'s answer when it has one, a department's id) and refused.</summary>
    private async Task<(CaseRow Row, CaseData Data)> LoadOpenAsync(string caseId, string actor, CancellationToken cancellationToken, Func<CaseData, string?>? actorOf = null)
    {
        var loaded = await LoadAsync(caseId, cancellationToken).ConfigureAwait(false);
        if (loaded.Data.Stage == CaseStage.Closed)
        {
            var closed = new CaseClosedException(caseId, loaded.Data.Outcome);
            await RefusedAsync(loaded.Data, actorOf?.Invoke(loaded.Data) ?? actor, closed).ConfigureAwait(false);
            throw closed;
        }

        return loaded;
    }

    private Task RefusedAsync(CaseData data, string actor, CaseException refusal) => AuditRefusedAsync(data.CaseId, data.ApplicantId, actor, refusal);

    /// <summary>Audits a refused call on a case or a bundle case as an attempt, with who and why; the case itself is unchanged.</summary>
    internal async Task AuditRefusedAsync(string caseId, string subjectId, string actor, CaseException refusal)
    {
        var now = time.GetUtcNow();
        Log.AttemptRefused(logger, caseId, actor, refusal.GetType().Name);
        await audit.AppendAuditAsync(
            $"{caseId}:attempt:{now.UtcTicks}:{Guid.NewGuid():N}",
            new AuditEntry(0, caseId, subjectId, now, actor, AuditActions.AttemptRefused, $"{refusal.GetType().Name}: {refusal.Message}"),
            CancellationToken.None).ConfigureAwait(false);
    }

    private Task<T> GuardAsync<T>(Func<Task<T>> call) => errors.GuardAsync(call);

    private Task GuardAsync(Func<Task> call) => GuardAsync(async () =>
    {
        await call().ConfigureAwait(false);
        return true;
    });
}
