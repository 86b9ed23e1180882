using OneVisit.Workflows.Audit;
using OneVisit.Workflows.Actors;
using OneVisit.Workflows.Cases;
using OneVisit.Workflows.Cases.Internal;

namespace OneVisit.Workflows.Bundles.Internal;

internal sealed partial class BundleService
{
    public Task SupplyDocumentsAsync(string bundleCaseId, SuppliedDocuments documents, CancellationToken cancellationToken = default) =>
        SendAsync(bundleCaseId, CaseOperation.SupplyDocuments, (data, actor) =>
        {
            CaseInputs.Documents(documents, bundleCaseId);

            if (data.Stage != CaseStage.AwaitingSupplement)
            {
                var asking = data.Members.Where(m => m.Started).Select(m => m.CaseId).ToList();
                throw new WrongBundleMemberException(bundleCaseId, bundleCaseId, data.Stage == CaseStage.Closed || asking.Count == 0
                    ? $"Bundle case '{bundleCaseId}' is not waiting for documents (it is {data.Stage})."
                    : $"Bundle case '{bundleCaseId}' was accepted and its notice is closed; a document asked for since then goes to the member case that asks for it ({string.Join(", ", asking)}).");
            }

            var unknown = documents.Documents.Where(d => !data.Gaps.Exists(g => BundleProcess.Covers(d, g))).Select(d => d.Party is null ? d.DocumentId : $"{d.DocumentId}@{d.Party}").ToList();
            if (unknown.Count > 0)
            {
                throw new UnexpectedCaseEventException(bundleCaseId, $"Bundle case '{bundleCaseId}' does not need {string.Join(", ", unknown)}; its notice asks for: {string.Join(", ", data.Gaps.Select(g => $"{g.Name} ({g.DocumentId}{(g.Party is null ? "" : "@" + g.Party)})"))}.");
            }

            var outdated = documents.Documents
                .SelectMany(d => data.Gaps.Where(g => BundleProcess.Covers(d, g) && g.CurrentEdition is { } edition && d.FormVersion is { } given && given != edition)
                    .Select(g => $"{d.DocumentId} must be on edition {g.CurrentEdition}, not {d.FormVersion}"))
                .ToList();
            if (outdated.Count > 0)
            {
                throw new UnexpectedCaseEventException(bundleCaseId, string.Join("; ", outdated) + ".");
            }

            return (BundleEventNames.Supplement, BundleEventNames.SupplementKey(bundleCaseId, data.NoticeRound), documents with { By = actor.AuditName }, "the supplement to the notice");
        }, cancellationToken);

    public Task ConsentAsync(string bundleCaseId, CancellationToken cancellationToken = default) =>
        errors.GuardAsync(async () =>
        {
            CaseInputs.Identifier(bundleCaseId, "bundleCaseId");
            var actor = Actor(CaseOperation.Consent, bundleCaseId);
            var data = await LoadOpenAsync(bundleCaseId, actor, CaseOperation.Consent, cancellationToken).ConfigureAwait(false);

            // Keyed by party: a second consent adds nothing. The line is under the party's own subject id.
            await audit.AppendAuditAsync(
                $"{bundleCaseId}:consent:{actor.Id}",
                new AuditEntry(0, bundleCaseId, actor.Id, time.GetUtcNow(), actor.AuditName, AuditActions.Consented, $"Consent as a party to the joint application for {data.BundleCode}"),
                cancellationToken).ConfigureAwait(false);
            return true;
        });

    public Task ConfirmPickupAsync(string bundleCaseId, CancellationToken cancellationToken = default) =>
        SendAsync(bundleCaseId, CaseOperation.ConfirmPickup, (data, actor) => data.Stage == CaseStage.AwaitingPickup
            ? (BundleEventNames.Pickup, BundleEventNames.PickupKey(bundleCaseId), new PickedUp(time.GetUtcNow()) { By = actor.AuditName }, "the pickup")
            : throw new UnexpectedCaseEventException(bundleCaseId, !data.DeliversOnce
                ? $"Bundle case '{bundleCaseId}' has nothing to pick up at its window: each member delivers its own result (pick it up on the member's case)."
                : data.Members.Exists(m => m.Delivery == Rules.Catalog.ResultDelivery.Pickup && m.State is not (BundleMemberState.NotIncluded or BundleMemberState.Refused or BundleMemberState.Stopped))
                    ? $"Bundle case '{bundleCaseId}' has no results waiting for pickup yet (it is {data.Stage}); they are handed out together once every member has ended."
                    : $"Bundle case '{bundleCaseId}' has nothing to pick up: every result goes out without a trip."),
            cancellationToken);

    public Task RecordVisitAsync(string bundleCaseId, VisitMade visit, CancellationToken cancellationToken = default) =>
        errors.GuardAsync(async () =>
        {
            VisitBook.Check(visit, bundleCaseId);
            var actor = Actor(CaseOperation.RecordVisit, bundleCaseId);
            var data = await LoadOpenAsync(bundleCaseId, actor, CaseOperation.RecordVisit, cancellationToken).ConfigureAwait(false);
            await VisitBook.RecordAsync(ledgers, bundleCaseId, data.ApplicantId, data.WindowId, visit, time.GetUtcNow(), " (the whole bundle)", actor, cancellationToken).ConfigureAwait(false);
            return true;
        });

    /// <inheritdoc />
    public Task<BundleCaseSnapshot> WaitUntilAsync(string bundleCaseId, Func<BundleCaseSnapshot, bool> condition, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        errors.GuardAsync(async () =>
        {
            ArgumentNullException.ThrowIfNull(condition);
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero);
            var actor = Actor(CaseOperation.Read, bundleCaseId);
            var (_, bundleWorkflow) = await WorkflowAsync(bundleCaseId, actor, CaseOperation.Read, cancellationToken).ConfigureAwait(false);
            var authorized = false;
            var members = new MemberReads(cases, engine, ledgers);
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(timeout);
            Task bundleSaved = Task.CompletedTask;
            BundleData? data = null;
            while (true)
            {
                // A member's save changes what the bundle shows (a member waiting, a member decided) as much as the
                // bundle's own: either wakes the wait. Each is taken before its state is read, so no save falls between;
                // the bundle, or a member, not saved since it was last read is not read again.
                if (bundleSaved.IsCompleted)
                {
                    bundleSaved = engine.NextSave(bundleWorkflow);
                    data = await engine.LoadBundleAsync(bundleWorkflow, cancellationToken).ConfigureAwait(false) ?? throw new CaseNotFoundException(bundleCaseId);
                    if (!authorized)
                    {
                        // The first read is the one authorized: a wait costs no extra load of the bundle.
                        await gate.DemandAsync(actor, CaseOperation.Read, Facts(data)).ConfigureAwait(false);
                        authorized = true;
                    }
                }

                var saves = new List<Task> { bundleSaved };
                var snapshot = await SnapshotAsync(data!, member => members.ReadAsync(member, saves, cancellationToken), cancellationToken).ConfigureAwait(false);
                if (condition(snapshot))
                {
                    await TrackReadAsync(actor, data!, "WaitUntilAsync", cancellationToken).ConfigureAwait(false);
                    return snapshot;
                }

                try
                {
                    await Task.WhenAny(saves).WaitAsync(deadline.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    throw new TimeoutException($"Bundle case {bundleCaseId} did not reach the expected state within {timeout}; it is {snapshot.Stage}, members: {string.Join(", ", snapshot.Members.Select(m => $"{m.ProcedureCode} {m.State}"))}.");
                }
            }
        });

    /// <summary>The open bundle case, unless it is closed: then the attempt is audited and refused.</summary>
    private async Task<BundleData> LoadOpenAsync(string bundleCaseId, CaseActor actor, CaseOperation operation, CancellationToken cancellationToken)
    {
        var (_, data) = await LoadAsync(bundleCaseId, actor, operation, cancellationToken).ConfigureAwait(false);
        if (data.Stage == CaseStage.Closed)
        {
            var closed = new CaseClosedException(bundleCaseId, data.Outcome);
            await RefusedAsync(data, actor, closed).ConfigureAwait(false);
            throw closed;
        }

        return data;
    }

    /// <summary>Validates a call against the open bundle case and claims the one wait it answers; a refusal or a lost race is audited and thrown.</summary>
    private Task SendAsync(string bundleCaseId, CaseOperation operation, Func<BundleData, CaseActor, (string EventName, string EventKey, object Payload, string What)> waitFor, CancellationToken cancellationToken) =>
        errors.GuardAsync(async () =>
        {
            var actor = Actor(operation, bundleCaseId);
            var data = await LoadOpenAsync(bundleCaseId, actor, operation, cancellationToken).ConfigureAwait(false);
            (string EventName, string EventKey, object Payload, string What) wait;
            try
            {
                wait = waitFor(data, actor);
            }
            catch (CaseException refused)
            {
                await RefusedAsync(data, actor, refused).ConfigureAwait(false);
                throw;
            }

            if (!await events.PublishOnceAsync(bundleCaseId, wait.EventName, wait.EventKey, wait.Payload, actor.AuditName, cancellationToken).ConfigureAwait(false))
            {
                var conflict = new CaseConflictException(bundleCaseId,
                    $"Bundle case '{bundleCaseId}' no longer waits for {wait.What}: another call answered it first, its deadline passed, or the bundle closed. Nothing was applied; read the bundle case again to see where it stands.");
                await RefusedAsync(data, actor, conflict).ConfigureAwait(false);
                throw conflict;
            }

            return true;
        });

    private Task RefusedAsync(BundleData data, CaseActor actor, CaseException refusal) => cases.AuditRefusedAsync(data.BundleCaseId, data.ApplicantId, actor, refusal);
}
