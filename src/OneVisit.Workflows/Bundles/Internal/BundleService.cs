using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OneVisit.Rules.Catalog;
using OneVisit.Rules.Precheck;
using OneVisit.Workflows.Actors;
using OneVisit.Workflows.Actors.Internal;
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
    CaseGate gate,
    IAuditStore audit,
    ILogger<BundleService> logger) : IBundleCaseService
{
    /// <summary>The actor every call of this instance acts as; null for the host's signed-in actor.</summary>
    private CaseActor? Fixed { get; init; }

    public IBundleCaseService As(CaseActor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return new BundleService(precheck, engine, events, store, ledgers, starter, cases, errors, calendar, options, time, metrics, gate, audit, logger) { Fixed = actor };
    }

    private CaseActor Actor(CaseOperation operation, string bundleCaseId = "") => gate.Actor(Fixed, operation, bundleCaseId);

    /// <summary>What authorization needs of a bundle case: its officers are those of its lead authority, its window's and its members'.</summary>
    internal static CaseFacts Facts(BundleData data) => new(data.BundleCaseId, data.ApplicantId, data.BundleCode, data.LeadAuthorityId, data.WindowId)
    {
        MemberAuthorities = [.. data.Members.Select(m => m.AuthorityId).OfType<string>().Distinct(StringComparer.Ordinal)],
        Parties = data.Parties,
    };

    public Task<BundleCaseSnapshot> SubmitAsync(BundleSubmission submission, CancellationToken cancellationToken = default) =>
        errors.GuardAsync(() => SubmitCoreAsync(submission, cancellationToken));

    private async Task<BundleCaseSnapshot> SubmitCoreAsync(BundleSubmission submission, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(submission);
        ArgumentNullException.ThrowIfNull(submission.Application, "submission.Application");
        var actor = Actor(CaseOperation.Submit);
        submission = submission with { ApplicantId = CaseService.ApplicantOf(actor, submission.ApplicantId) };
        CaseInputs.Submission(submission.IdempotencyKey, submission.ApplicantId, submission.PreferredDelivery);
        CaseInputs.Identifier(submission.Application.BundleCode, "submission.Application.BundleCode");
        CheckParties(submission);
        await gate.DemandAsync(actor, CaseOperation.Submit, new CaseFacts("", submission.ApplicantId!, submission.Application.BundleCode, "", submission.Application.WindowId)).ConfigureAwait(false);

        var result = precheck.CheckBundle(submission.Application);
        var now = time.GetUtcNow();
        var supplyDays = options.Value.SupplementWorkingDays;
        var data = BundleFactory.Create(NewBundleCaseId(), submission, result, supplyDays, now);
        var app = submission.Application;
        // The parties are part of what was applied for: the same key with other parties is another application.
        var fingerprint = CaseFactory.Fingerprint(submission.ApplicantId + string.Concat(submission.Parties.Select(p => "|" + p)), app.BundleCode, app.WindowId, app.AsOf, submission.PreferredDelivery, app.Facts, app.Documents, app.LeftOut.Order(StringComparer.Ordinal));
        var row = new CaseRow(data.BundleCaseId, null, submission.IdempotencyKey, fingerprint, data.BundleCode, data.BundleVersion, data.ApplicantId, data.Stage.ToString(), null, data.LeadAuthorityId, now, null)
        {
            IsBundle = true,
            Application = CaseApplication.Store(precheck.Catalog.Facts, app.Facts, app.Documents),
        };

        BundleCaseSnapshot? snapshot = null;
        var started = await starter.StartOnceAsync(row, (bundleCaseId, submittedAt) =>
        {
            if (bundleCaseId != data.BundleCaseId)
            {
                // A retry of a submission that stopped before its workflow started: the recorded id and time stand.
                data = BundleFactory.Create(bundleCaseId, submission, result, supplyDays, submittedAt);
            }

            AuditSubmission(data, result, actor);
            snapshot = BundleSnapshots.From(data, new Dictionary<int, CaseSnapshot>(), calendar, 0, now) with
            {
                Consents = [new PartyConsent(data.ApplicantId, data.SubmittedAt, actor.AuditName), .. data.Parties.Select(p => new PartyConsent(p, null, null))],
            };
            return engine.StartBundleAsync(data, cancellationToken);
        }, cancellationToken).ConfigureAwait(false);
        if (started.AlreadyRunning)
        {
            return await GetCoreAsync(started.CaseId, actor, cancellationToken).ConfigureAwait(false);
        }

        metrics.BundleSubmitted(data.BundleCode);
        Log.BundleSubmitted(logger, data.BundleCaseId, data.BundleCode, data.BundleVersion, data.Members.Count(m => m.State != BundleMemberState.NotIncluded));
        return snapshot!;
    }

    /// <summary>The other parties are ids like any other, at most eight, distinct, and not the applicant.</summary>
    private static void CheckParties(BundleSubmission submission)
    {
        ArgumentNullException.ThrowIfNull(submission.Parties, "submission.Parties");
        if (submission.Parties.Count > 8)
        {
            throw new InvalidCaseInputException("", "submission.Parties", $"submission.Parties names {submission.Parties.Count} parties; at most 8 are allowed.");
        }

        for (var i = 0; i < submission.Parties.Count; i++)
        {
            CaseInputs.Identifier(submission.Parties[i], $"submission.Parties[{i}]");
        }

        if (submission.Parties.Contains(submission.ApplicantId, StringComparer.Ordinal) || submission.Parties.Distinct(StringComparer.Ordinal).Count() != submission.Parties.Count)
        {
            throw new InvalidCaseInputException("", "submission.Parties", "submission.Parties must name each other party once, and not the applicant, whose consent goes with the submission.");
        }
    }

    private static string NewBundleCaseId() => "B" + Guid.CreateVersion7().ToString("N")[..20].ToUpperInvariant();

    /// <summary>Written with the workflow's creation, in its transaction: a bundle case is audited exactly when it exists.</summary>
    private static void AuditSubmission(BundleData data, BundlePrecheckResult result, CaseActor actor)
    {
        var channel = data.WindowId is { } window ? $"at the window {window}" : "online";
        var members = string.Join(", ", data.Members.Select(m => $"{m.ProcedureCode} {CatalogWordsOf(m.State)}"));
        data.Writes.AppendAudit($"{data.BundleCaseId}:submitted", new AuditEntry(0, data.BundleCaseId, data.ApplicantId, data.SubmittedAt, actor.AuditName, AuditActions.Submitted,
            $"{data.BundleCode} v{data.BundleVersion} joint application {channel}; members: {members}"));
        data.Writes.AppendAudit($"{data.BundleCaseId}:prechecked", new AuditEntry(0, data.BundleCaseId, data.ApplicantId, data.SubmittedAt, "system", AuditActions.Prechecked,
            $"{CatalogWords.Of(result.Verdict)}; {data.Gaps.Count} gap(s) in one notice; {data.PredictedVisits} visit(s) predicted for the whole matter, {data.NaiveVisits} member by member"));

        // The applicant's consent goes with the joint application, under their own subject id like every party's.
        data.Writes.AppendAudit($"{data.BundleCaseId}:consent:{data.ApplicantId}", new AuditEntry(0, data.BundleCaseId, data.ApplicantId, data.SubmittedAt, actor.AuditName, AuditActions.Consented,
            $"Consent to the joint application for {data.BundleCode} with the submission" + (data.Parties.Count > 0 ? $"; {data.Parties.Count} other part(y/ies) to consent" : "")));
    }

    private static string CatalogWordsOf(BundleMemberState state) => state switch
    {
        BundleMemberState.Pending => "included",
        BundleMemberState.NotIncluded => "not included",
        _ => state.ToString().ToLowerInvariant(),
    };

    public Task<BundleCaseSnapshot> GetAsync(string bundleCaseId, CancellationToken cancellationToken = default) =>
        errors.GuardAsync(() => GetCoreAsync(bundleCaseId, Actor(CaseOperation.Read, bundleCaseId), cancellationToken));

    private async Task<BundleCaseSnapshot> GetCoreAsync(string bundleCaseId, CaseActor actor, CancellationToken cancellationToken)
    {
        var (_, data) = await LoadAsync(bundleCaseId, actor, CaseOperation.Read, cancellationToken).ConfigureAwait(false);
        var snapshot = await SnapshotAsync(data, cancellationToken).ConfigureAwait(false);
        await TrackReadAsync(actor, data, "GetAsync", cancellationToken).ConfigureAwait(false);
        return snapshot;
    }

    /// <summary>The data tracker's line for a read of the bundle (with its members' states) by someone other than its applicant.</summary>
    private Task TrackReadAsync(CaseActor actor, BundleData data, string operation, CancellationToken cancellationToken) =>
        gate.ReadAsync(actor, Facts(data), "the bundle case: the joint application's facts and documents, and each member's state and result", operation, cancellationToken);

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

        var snapshot = BundleSnapshots.From(data, memberCases, calendar, cases.CountVisits(visits), time.GetUtcNow());
        return snapshot with { Consents = await ConsentsAsync(data, cancellationToken).ConfigureAwait(false) };
    }

    /// <summary>Each party's consent, from the bundle's audit lines (read only when the application names other parties).</summary>
    private async Task<IReadOnlyList<PartyConsent>> ConsentsAsync(BundleData data, CancellationToken cancellationToken)
    {
        if (data.Parties.Count == 0)
        {
            return [new PartyConsent(data.ApplicantId, data.SubmittedAt, null)];
        }

        var given = (await audit.AuditOfCaseAsync(data.BundleCaseId, cancellationToken).ConfigureAwait(false))
            .Where(l => l.Action == AuditActions.Consented)
            .ToDictionary(l => l.SubjectId, StringComparer.Ordinal);
        return [.. new[] { data.ApplicantId }.Concat(data.Parties)
            .Select(p => given.TryGetValue(p, out var line) ? new PartyConsent(p, line.At, line.Actor) : new PartyConsent(p, p == data.ApplicantId ? data.SubmittedAt : null, null))];
    }

    /// <summary>The bundle case, once the actor is authorized for <paramref name="operation"/> on it (denials are audited).</summary>
    private async Task<(CaseRow Row, BundleData Data)> LoadAsync(string bundleCaseId, CaseActor actor, CaseOperation operation, CancellationToken cancellationToken)
    {
        var (row, workflowId) = await WorkflowAsync(bundleCaseId, actor, operation, cancellationToken).ConfigureAwait(false);
        var data = await engine.LoadBundleAsync(workflowId, cancellationToken).ConfigureAwait(false) ?? throw new CaseNotFoundException(bundleCaseId);
        await gate.DemandAsync(actor, operation, Facts(data)).ConfigureAwait(false);
        return (row, data);
    }

    /// <summary>The bundle case's row and workflow, before its data is read (which the caller authorizes on).</summary>
    private async Task<(CaseRow Row, string WorkflowId)> WorkflowAsync(string bundleCaseId, CaseActor actor, CaseOperation operation, CancellationToken cancellationToken)
    {
        CaseInputs.Identifier(bundleCaseId, "bundleCaseId");
        var row = await store.FindCaseAsync(bundleCaseId, cancellationToken).ConfigureAwait(false) ?? throw new CaseNotFoundException(bundleCaseId);
        if (!row.IsBundle)
        {
            // Which bundle a case belongs to is the case's business: told only to an actor who may read the case.
            var facts = await cases.FactsAsync(bundleCaseId, cancellationToken).ConfigureAwait(false);
            await gate.DemandAsync(actor, CaseOperation.Read, facts).ConfigureAwait(false);
            throw new WrongBundleMemberException(bundleCaseId, row.BundleCaseId ?? "", row.BundleCaseId is { } owner
                ? $"Case '{bundleCaseId}' is a member case of bundle case {owner}: read the bundle as {owner}, or this member through ICaseService."
                : $"Case '{bundleCaseId}' is a case on its own, not a bundle case: read it through ICaseService.");
        }

        if (row.PurgedAt is not null)
        {
            // Only what the index row keeps is left to authorize by (not the members' authorities).
            await gate.DemandAsync(actor, operation, CaseFacts.Of(row)).ConfigureAwait(false);
            throw CaseRetention.Purged(row);
        }

        var workflowId = row.WorkflowId ?? await starter.WorkflowOfAsync(row, cancellationToken).ConfigureAwait(false) ?? throw new CaseNotFoundException(bundleCaseId);
        return (row, workflowId);
    }
}
