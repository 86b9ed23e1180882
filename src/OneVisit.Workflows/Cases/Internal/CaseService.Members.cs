using OneVisit.Workflows.Audit;
using OneVisit.Workflows.Bundles.Internal;
using OneVisit.Workflows.Storage;

namespace OneVisit.Workflows.Cases.Internal;

internal sealed partial class CaseService
{
    /// <summary>
    /// Starts a member case of a bundle, once: under its own id as idempotency key, so the bundle's step that
    /// calls this again after a crash finds it running and starts nothing. The bundle accepted the application
    /// for every member, so the member starts accepted-ready: its gaps were closed at the bundle's window.
    /// </summary>
    internal async Task StartMemberAsync(BundleData bundle, BundleMemberData member, CaseData data, CancellationToken cancellationToken)
    {
        await engine.EnsureDefinitionAsync(data.Terms, cancellationToken).ConfigureAwait(false);
        var row = new CaseRow(data.CaseId, null, data.CaseId, "member-of:" + bundle.BundleCaseId, data.Terms.Code, data.Terms.Version, data.ApplicantId, data.Stage.ToString(), null, data.AuthorityId, data.SubmittedAt, null)
        {
            BundleCaseId = bundle.BundleCaseId,
        };
        var started = await starter.StartOnceAsync(row, (caseId, submittedAt) =>
        {
            data.SubmittedAt = submittedAt;
            var at = bundle.WindowId is { } window ? $"at the window {window}" : "online";
            Audit(data, "submitted", AuditActions.Submitted, "system",
                $"{data.Terms.Code} v{data.Terms.Version} as member {member.Index + 1} of bundle case {bundle.BundleCaseId} ({bundle.BundleCode} {bundle.Name}), accepted once for the bundle {at}");
            foreach (var passed in data.PassedOn)
            {
                Audit(data, $"passed_on:{passed.MaterialId}", AuditActions.PassedOn, "system",
                    $"{data.DocumentName(passed.MaterialId)} ({passed.DocumentId}) passed on by {passed.FromAuthorityId} from case {passed.FromCaseId} by {passed.Via}: held evidence, not asked of the applicant");
            }

            return engine.StartCaseAsync(data, cancellationToken);
        }, cancellationToken).ConfigureAwait(false);
        if (!started.AlreadyRunning)
        {
            metrics.Submitted(data.Terms.Code);
            Log.CaseSubmitted(logger, data.CaseId, data.Terms.Code, data.Terms.Version);
        }
    }

    /// <summary>A member case as it stands with the trips made for it, or null when it does not exist (yet).</summary>
    internal async Task<MemberCase?> TryGetMemberAsync(string caseId, CancellationToken cancellationToken) =>
        await MemberWorkflowAsync(caseId, cancellationToken).ConfigureAwait(false) is { } workflowId
            ? await MemberSnapshotAsync(workflowId, cancellationToken).ConfigureAwait(false)
            : null;

    /// <summary>A member case's workflow, or null when the member has not started.</summary>
    internal async Task<string?> MemberWorkflowAsync(string caseId, CancellationToken cancellationToken) =>
        await store.FindCaseAsync(caseId, cancellationToken).ConfigureAwait(false) is { IsBundle: false } row
            ? await starter.WorkflowOfAsync(row, cancellationToken).ConfigureAwait(false)
            : null;

    /// <summary>
    /// The member case that <paramref name="workflowId"/> runs, as it stands, with the trips made for it: the bundle
    /// counts its visits over all its members' trips, so they are read once, here, for both.
    /// </summary>
    internal async Task<MemberCase?> MemberSnapshotAsync(string workflowId, CancellationToken cancellationToken)
    {
        if (await engine.LoadAsync(workflowId, cancellationToken).ConfigureAwait(false) is not { } data)
        {
            return null;
        }

        var visits = await ledgers.VisitsOfCaseAsync(data.CaseId, cancellationToken).ConfigureAwait(false);
        return new MemberCase(CaseSnapshots.From(data, calendar, CountVisits(visits), time.GetUtcNow()), visits);
    }

    /// <summary>
    /// Why <paramref name="caseId"/> takes no case call: it is a bundle case (whose members take them), a member that
    /// has not started (it cannot start yet, was stopped, or is not part of the application), or unknown.
    /// </summary>
    /// <remarks>The details name the bundle's members: they are given only to an actor who may read the bundle.</remarks>
    private async Task<CaseException> NotACaseAsync(string caseId, CaseRow? row, Actors.CaseActor actor, CancellationToken cancellationToken)
    {
        if (row is { IsBundle: true })
        {
            var bundle = await LoadBundleAsync(row, cancellationToken).ConfigureAwait(false);
            if (bundle is not null && await MayNotReadAsync(actor, bundle).ConfigureAwait(false) is { } denied)
            {
                return denied;
            }

            var members = bundle is null ? "" : ": " + string.Join(", ", bundle.Members.Where(m => m.State != Bundles.BundleMemberState.NotIncluded).Select(m => $"{m.CaseId} ({m.ProcedureCode}, {m.AuthorityId})"));
            return new WrongBundleMemberException(caseId, caseId,
                $"'{caseId}' is a bundle case: officers decide and departments answer on its member cases{members}. Read or supply the bundle itself through IBundleCaseService.");
        }

        var dash = caseId.LastIndexOf('-');
        if (dash > 0 && int.TryParse(caseId.AsSpan(dash + 1), out var number) && number >= 1
            && await store.FindCaseAsync(caseId[..dash], cancellationToken).ConfigureAwait(false) is { IsBundle: true } bundleRow
            && await LoadBundleAsync(bundleRow, cancellationToken).ConfigureAwait(false) is { } owner
            && number <= owner.Members.Count)
        {
            if (await MayNotReadAsync(actor, owner).ConfigureAwait(false) is { } denied)
            {
                return denied;
            }

            var member = owner.Members[number - 1];
            var why = member.State switch
            {
                Bundles.BundleMemberState.Pending => "it starts once the bundle case is accepted (its notice is still open)",
                Bundles.BundleMemberState.CannotStartYet => "it cannot start yet: it waits for " + string.Join(", ", BundleProcess.WaitsFor(owner, member)),
                Bundles.BundleMemberState.Stopped => "it was stopped: " + member.Why,
                Bundles.BundleMemberState.NotIncluded => "it is not part of this application: " + member.Why,
                _ => $"it has not started ({member.Why})",
            };
            return new WrongBundleMemberException(caseId, owner.BundleCaseId,
                $"Case '{caseId}' is member {number} ({member.ProcedureCode} {member.Name}) of bundle case {owner.BundleCaseId}, and has no case yet: {why}. Nothing was recorded.");
        }

        return new CaseNotFoundException(caseId);
    }

    /// <summary>The audited denial when <paramref name="actor"/> may not read the bundle case; null when they may.</summary>
    private async Task<CaseException?> MayNotReadAsync(Actors.CaseActor actor, BundleData bundle)
    {
        var facts = BundleService.Facts(bundle);
        return gate.Access.Why(actor, Actors.CaseOperation.Read, facts) is { } needed
            ? await gate.DeniedAsync(new Actors.AccessDeniedException(facts.CaseId, Actors.CaseOperation.Read, actor, needed), actor, facts.SubjectId).ConfigureAwait(false)
            : null;
    }

    /// <summary>
    /// What authorization needs of a case or bundle case: read from its workflow, which knows the window that took it
    /// (and a bundle's members and parties); from its index row alone when there is no workflow (never started, or
    /// purged); for an unknown id, facts that name no one, which only the host's processing and auditors get past.
    /// </summary>
    internal async Task<Actors.Internal.CaseFacts> FactsAsync(string caseId, CancellationToken cancellationToken)
    {
        if (await store.FindCaseAsync(caseId, cancellationToken).ConfigureAwait(false) is not { } row)
        {
            return new Actors.Internal.CaseFacts(caseId, "", "", "", null);
        }

        if (row.PurgedAt is null && await starter.WorkflowOfAsync(row, cancellationToken).ConfigureAwait(false) is { } workflowId)
        {
            if (row.IsBundle && await engine.LoadBundleAsync(workflowId, cancellationToken).ConfigureAwait(false) is { } bundle)
            {
                return BundleService.Facts(bundle);
            }

            if (!row.IsBundle && await engine.LoadAsync(workflowId, cancellationToken).ConfigureAwait(false) is { } data)
            {
                return Facts(data);
            }
        }

        return Actors.Internal.CaseFacts.Of(row);
    }

    private async Task<BundleData?> LoadBundleAsync(CaseRow row, CancellationToken cancellationToken) =>
        await starter.WorkflowOfAsync(row, cancellationToken).ConfigureAwait(false) is { } workflowId
            ? await engine.LoadBundleAsync(workflowId, cancellationToken).ConfigureAwait(false)
            : null;

    private static void Audit(CaseData data, string key, string action, string actor, string detail) =>
        data.Writes.AppendAudit($"{data.CaseId}:{key}", new AuditEntry(0, data.CaseId, data.ApplicantId, data.SubmittedAt, actor, action, detail));
}

/// <summary>A member case as it stands, and the trips made for it.</summary>
/// <param name="Snapshot">The case.</param>
/// <param name="Visits">Its visit ledger.</param>
internal sealed record MemberCase(CaseSnapshot Snapshot, IReadOnlyList<Visits.VisitRecord> Visits);
