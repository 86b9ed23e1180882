using Microsoft.Extensions.Logging;
using OneVisit.Rules.Precheck;
using OneVisit.Workflows.Actors;
using OneVisit.Workflows.Actors.Internal;
using OneVisit.Workflows.Audit;
using OneVisit.Workflows.Deadlines;
using OneVisit.Workflows.Storage;
using OneVisit.Workflows.Visits;

namespace OneVisit.Workflows.Cases.Internal;

/// <summary>
/// The case service: validates every call against the case as stored, then claims the wait it answers and
/// stores its event in one transaction. Validation happens before anything is written, so a refused call
/// changes nothing but the audit line that records the attempt; of two calls answering one wait, one is
/// applied and the other gets <see cref="CaseConflictException"/>. Every call is authorized first, against the
/// actor it was made <see cref="As"/> or the host's signed-in one (<see cref="CaseGate"/>).
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
    CaseGate gate,
    ILogger<CaseService> logger) : ICaseService
{
    /// <summary>The actor every call of this instance acts as; null for the host's signed-in actor.</summary>
    private CaseActor? Fixed { get; init; }

    public ICaseService As(CaseActor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return new CaseService(precheck, engine, starter, events, store, audit, ledgers, errors, calendar, time, metrics, gate, logger) { Fixed = actor };
    }

    /// <summary>Who acts on this call.</summary>
    private CaseActor Actor(CaseOperation operation, string caseId = "") => gate.Actor(Fixed, operation, caseId);

    /// <summary>What authorization needs of a case.</summary>
    internal static CaseFacts Facts(CaseData data) => new(data.CaseId, data.ApplicantId, data.Terms.Code, data.AuthorityId, data.WindowId);

    public Task<CaseSnapshot> SubmitAsync(CaseSubmission submission, CancellationToken cancellationToken = default) =>
        GuardAsync(() => SubmitCoreAsync(submission, cancellationToken));

    private async Task<CaseSnapshot> SubmitCoreAsync(CaseSubmission submission, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(submission);
        ArgumentNullException.ThrowIfNull(submission.Application, "submission.Application");
        var actor = Actor(CaseOperation.Submit);
        submission = submission with { ApplicantId = ApplicantOf(actor, submission.ApplicantId) };
        CaseInputs.Submission(submission.IdempotencyKey, submission.ApplicantId, submission.PreferredDelivery);
        CaseInputs.Identifier(submission.Application.ProcedureCode, "submission.Application.ProcedureCode");
        await gate.DemandAsync(actor, CaseOperation.Submit, new CaseFacts("", submission.ApplicantId!, submission.Application.ProcedureCode, "", submission.Application.WindowId)).ConfigureAwait(false);

        var result = precheck.Check(submission.Application);
        var now = time.GetUtcNow();
        var data = CaseFactory.Create(NewCaseId(), submission, result, now);
        var fingerprint = CaseFactory.Fingerprint(submission);
        await engine.EnsureDefinitionAsync(data.Terms, cancellationToken).ConfigureAwait(false);

        var row = new CaseRow(data.CaseId, null, submission.IdempotencyKey, fingerprint, data.Terms.Code, data.Terms.Version, data.ApplicantId, data.Stage.ToString(), null, data.AuthorityId, now, null)
        {
            Application = CaseApplication.Store(precheck.Catalog.Facts, submission.Application.Facts, submission.Application.Documents),
        };
        var channel = data.WindowId is { } window ? $"at the window {window}" : "online";
        var prechecked = $"{Rules.Catalog.CatalogWords.Of(result.Verdict)}; {data.Gaps.Count} gap(s), {data.Evidence.Count} document(s) to fetch, {result.Visits.Count} visit(s) predicted; competent: {data.AuthorityId}";
        CaseSnapshot? snapshot = null;
        var started = await starter.StartOnceAsync(row, (caseId, submittedAt) =>
        {
            data.CaseId = caseId;
            data.SubmittedAt = submittedAt;

            // Written with the workflow's creation, in its transaction: a case is audited exactly when it exists.
            data.Writes.AppendAudit($"{data.CaseId}:submitted", new AuditEntry(0, data.CaseId, data.ApplicantId, data.SubmittedAt, actor.AuditName, AuditActions.Submitted, $"{data.Terms.Code} v{data.Terms.Version} {channel}"));
            data.Writes.AppendAudit($"{data.CaseId}:prechecked", new AuditEntry(0, data.CaseId, data.ApplicantId, data.SubmittedAt, "system", AuditActions.Prechecked, prechecked));

            // Taken before the engine starts working on the data, so it shows the case as submitted.
            snapshot = CaseSnapshots.From(data, calendar, 0, now);
            return engine.StartCaseAsync(data, cancellationToken);
        }, cancellationToken).ConfigureAwait(false);
        if (started.AlreadyRunning)
        {
            return await GetCoreAsync(started.CaseId, actor, cancellationToken).ConfigureAwait(false);
        }

        metrics.Submitted(data.Terms.Code);
        Log.CaseSubmitted(logger, data.CaseId, data.Terms.Code, data.Terms.Version);
        return snapshot!;
    }

    /// <summary>
    /// Whom a submission is about: the applicant acting for themselves, or an agent's principal, when the submission
    /// names no one; an intake officer names the applicant whose identity they checked at the window.
    /// </summary>
    internal static string? ApplicantOf(CaseActor actor, string? given) => given ?? actor.ActsFor
        ?? throw new InvalidCaseInputException("", "submission.ApplicantId", "submission.ApplicantId is required when an officer submits: name the applicant whose identity was checked at the window.");

    private static string NewCaseId() => "C" + Guid.CreateVersion7().ToString("N")[..20].ToUpperInvariant();

    public Task<CaseSnapshot> GetAsync(string caseId, CancellationToken cancellationToken = default) =>
        GuardAsync(() => GetCoreAsync(caseId, Actor(CaseOperation.Read, caseId), cancellationToken));

    private async Task<CaseSnapshot> GetCoreAsync(string caseId, CaseActor actor, CancellationToken cancellationToken)
    {
        var (_, data) = await LoadAsync(caseId, actor, CaseOperation.Read, cancellationToken).ConfigureAwait(false);
        var snapshot = await SnapshotAsync(data, cancellationToken).ConfigureAwait(false);
        await TrackReadAsync(actor, data, "GetAsync", cancellationToken).ConfigureAwait(false);
        return snapshot;
    }

    /// <summary>The data tracker's line for a read of the whole case by someone other than its applicant.</summary>
    private Task TrackReadAsync(CaseActor actor, CaseData data, string operation, CancellationToken cancellationToken) =>
        gate.ReadAsync(actor, Facts(data), "the case: application facts, documents, evidence answers and decision", operation, cancellationToken);

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

            var actor = Actor(CaseOperation.List);
            var (applicantId, authorities) = await ListScopeAsync(actor, query.ApplicantId).ConfigureAwait(false);
            var rows = await store.ListCasesAsync(applicantId, authorities, query.OpenOnly, Math.Clamp(query.Limit, 1, 10_000), cancellationToken).ConfigureAwait(false);
            if (actor.Mandate is { } mandate)
            {
                var now = time.GetUtcNow();
                rows = rows.FindAll(r => mandate.Covers(r.ProcedureCode, now));
            }

            // One tracker line per case listed, each on its own case's chain: appended together, so the store's writer
            // commits them as one group instead of one transaction after another.
            await Task.WhenAll(rows.Select(row => gate.ReadAsync(
                actor,
                CaseFacts.Of(row),
                "the case's summary: procedure, stage, authority and applicant id",
                "ListAsync",
                cancellationToken))).ConfigureAwait(false);

            return [.. rows.Select(r => new CaseSummary(r.CaseId, r.ProcedureCode, r.ApplicantId, Enum.Parse<CaseStage>(r.Stage), r.Outcome is null ? null : Enum.Parse<CaseOutcome>(r.Outcome), r.AuthorityId, r.SubmittedAt, r.ClosedAt) { IsBundle = r.IsBundle, BundleCaseId = r.BundleCaseId, PurgedAt = r.PurgedAt })];
        });

    /// <summary>
    /// What a list may show the actor: an applicant their own cases, an agent their principal's, an officer the cases of
    /// the authorities they hold, the host's processing every case; a department lists nothing.
    /// </summary>
    private async Task<(string? ApplicantId, IReadOnlyCollection<string>? Authorities)> ListScopeAsync(CaseActor actor, string? applicantId)
    {
        var own = actor.ActsFor;
        if (own is not null && applicantId is not null && applicantId != own)
        {
            throw await gate.DeniedAsync(new AccessDeniedException("", CaseOperation.List, actor, "to be that applicant, or their agent under a mandate"), actor, applicantId).ConfigureAwait(false);
        }

        return actor.Kind switch
        {
            CaseActorKind.Officer => (applicantId, [.. actor.Posts.Where(p => p.Role != OfficerRole.Analyst).Select(p => p.AuthorityId).Distinct(StringComparer.Ordinal)]),
            CaseActorKind.System => (applicantId, null),
            CaseActorKind.Department => throw await gate.DeniedAsync(new AccessDeniedException("", CaseOperation.List, actor, "to be an applicant, an agent, an officer or the host's processing; a department answers the requests addressed to it"), actor, applicantId ?? "").ConfigureAwait(false),
            _ => (own, null),
        };
    }

    public Task RecordVisitAsync(string caseId, VisitMade visit, CancellationToken cancellationToken = default) =>
        GuardAsync(async () =>
        {
            VisitBook.Check(visit, caseId);
            var actor = Actor(CaseOperation.RecordVisit, caseId);
            var (_, data) = await LoadOpenAsync(caseId, actor, CaseOperation.RecordVisit, cancellationToken).ConfigureAwait(false);
            await VisitBook.RecordAsync(ledgers, caseId, data.ApplicantId, data.WindowId, visit, time.GetUtcNow(), "", actor, cancellationToken).ConfigureAwait(false);
            return true;
        });

    private static void CheckCaseId(string caseId) => CaseInputs.Identifier(caseId, "caseId");

    /// <summary>The case, once the actor is authorized for <paramref name="operation"/> on it (denials are audited).</summary>
    private async Task<(CaseRow Row, CaseData Data)> LoadAsync(string caseId, CaseActor actor, CaseOperation operation, CancellationToken cancellationToken, Func<CaseData, string?>? departmentOf = null)
    {
        var (row, workflowId) = await WorkflowAsync(caseId, actor, operation, cancellationToken).ConfigureAwait(false);
        var data = await engine.LoadAsync(workflowId, cancellationToken).ConfigureAwait(false) ?? throw new CaseNotFoundException(caseId);
        await gate.DemandAsync(actor, operation, Facts(data), departmentOf?.Invoke(data)).ConfigureAwait(false);
        return (row, data);
    }

    /// <summary>
    /// The case's row and workflow, before its data is read: a bundle's id, a member not started, an unknown or a purged
    /// case is refused here (each telling only an actor who may know). The caller authorizes on the data it reads.
    /// </summary>
    private async Task<(CaseRow Row, string WorkflowId)> WorkflowAsync(string caseId, CaseActor actor, CaseOperation operation, CancellationToken cancellationToken)
    {
        CheckCaseId(caseId);
        var row = await store.FindCaseAsync(caseId, cancellationToken).ConfigureAwait(false);
        if (row is null || row.IsBundle)
        {
            throw await NotACaseAsync(caseId, row, actor, cancellationToken).ConfigureAwait(false);
        }

        if (row.PurgedAt is not null)
        {
            // Only what the index row keeps is left to authorize by; the error quotes the row, so it is for those who may read it.
            await gate.DemandAsync(actor, operation, CaseFacts.Of(row)).ConfigureAwait(false);
            throw CaseRetention.Purged(row);
        }

        var workflowId = row.WorkflowId ?? await starter.WorkflowOfAsync(row, cancellationToken).ConfigureAwait(false) ?? throw new CaseNotFoundException(caseId);
        return (row, workflowId);
    }

    /// <summary>The case the actor may act on, unless it is closed: then the attempt is audited and refused.</summary>
    private async Task<(CaseRow Row, CaseData Data)> LoadOpenAsync(string caseId, CaseActor actor, CaseOperation operation, CancellationToken cancellationToken, Func<CaseData, string?>? departmentOf = null)
    {
        var loaded = await LoadAsync(caseId, actor, operation, cancellationToken, departmentOf).ConfigureAwait(false);
        if (loaded.Data.Stage == CaseStage.Closed)
        {
            var closed = new CaseClosedException(caseId, loaded.Data.Outcome);
            await RefusedAsync(loaded.Data, actor, closed).ConfigureAwait(false);
            throw closed;
        }

        return loaded;
    }

    private Task RefusedAsync(CaseData data, CaseActor actor, CaseException refusal) => AuditRefusedAsync(data.CaseId, data.ApplicantId, actor, refusal);

    /// <summary>Audits a refused call on a case or a bundle case as an attempt, with who and why; the case itself is unchanged.</summary>
    internal Task AuditRefusedAsync(string caseId, string subjectId, CaseActor actor, CaseException refusal)
    {
        Log.AttemptRefused(logger, caseId, actor.LogName, refusal.GetType().Name);
        return gate.AttemptAsync(caseId, subjectId, actor, refusal);
    }

    private Task<T> GuardAsync<T>(Func<Task<T>> call) => errors.GuardAsync(call);

    private Task GuardAsync(Func<Task> call) => GuardAsync(async () =>
    {
        await call().ConfigureAwait(false);
        return true;
    });
}
