using Microsoft.Extensions.Logging;
using OneVisit.Rules.Precheck;
using OneVisit.Workflows.Audit;
using OneVisit.Workflows.Deadlines;
using OneVisit.Workflows.Evidence;
using OneVisit.Workflows.Storage;
using OneVisit.Workflows.Visits;

namespace OneVisit.Workflows.Cases;

/// <summary>
/// The case service: validates every call against the case as stored, then starts a workflow or publishes
/// the event its wait has the key of. Validation happens before anything is written, so a refused call
/// changes nothing.
/// </summary>
internal sealed class CaseService(
    PrecheckEngine precheck,
    ICaseEngine engine,
    CaseStore store,
    CaseCalendar calendar,
    Engine.CaseWatcher watcher,
    TimeProvider time,
    CaseMetrics metrics,
    ILogger<CaseService> logger) : ICaseService
{
    public async Task<CaseSnapshot> SubmitAsync(CaseSubmission submission, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(submission);
        ArgumentException.ThrowIfNullOrWhiteSpace(submission.IdempotencyKey, "submission.IdempotencyKey");
        ArgumentException.ThrowIfNullOrWhiteSpace(submission.ApplicantId, "submission.ApplicantId");

        var result = precheck.Check(submission.Application);
        var now = time.GetUtcNow();
        var data = CaseFactory.Create(NewCaseId(), submission, result, now);
        var fingerprint = CaseFactory.Fingerprint(submission);
        await engine.EnsureDefinitionAsync(data.Terms, cancellationToken).ConfigureAwait(false);

        var row = new CaseRow(data.CaseId, null, submission.IdempotencyKey, fingerprint, data.Terms.Code, data.Terms.Version, data.ApplicantId, data.Stage.ToString(), null, data.AuthorityId, now, null);
        if (await store.TryInsertCaseAsync(row, cancellationToken).ConfigureAwait(false) is { } existing)
        {
            if (existing.RequestHash != fingerprint)
            {
                throw new DuplicateSubmissionException(existing.CaseId, submission.IdempotencyKey);
            }

            if (await WorkflowOfAsync(existing, cancellationToken).ConfigureAwait(false) is not null)
            {
                return await GetAsync(existing.CaseId, cancellationToken).ConfigureAwait(false);
            }

            // The first attempt stopped between recording the case and starting it: finish it now.
            data.CaseId = existing.CaseId;
            data.SubmittedAt = existing.SubmittedAt;
        }

        await store.AppendAuditAsync($"{data.CaseId}:submitted", new AuditEntry(0, data.CaseId, data.ApplicantId, now, "applicant", AuditActions.Submitted, $"{data.Terms.Code} v{data.Terms.Version} {(data.WindowId is { } window ? $"at the window {window}" : "online")}"), cancellationToken).ConfigureAwait(false);
        await store.AppendAuditAsync($"{data.CaseId}:prechecked", new AuditEntry(0, data.CaseId, data.ApplicantId, now, "system", AuditActions.Prechecked, $"{Rules.Catalog.CatalogWords.Of(result.Verdict)}; {data.Gaps.Count} gap(s), {data.Evidence.Count} document(s) to fetch, {result.Visits.Count} visit(s) predicted; competent: {data.AuthorityId}"), cancellationToken).ConfigureAwait(false);
        // Taken before the engine starts working on the data, so it shows the case as submitted.
        var snapshot = CaseSnapshots.From(data, calendar, 0);
        var workflowId = await engine.StartAsync(data, cancellationToken).ConfigureAwait(false);
        await store.SetWorkflowAsync(data.CaseId, workflowId, cancellationToken).ConfigureAwait(false);
        metrics.Submitted(data.Terms.Code);
        Log.CaseSubmitted(logger, data.CaseId, data.Terms.Code, data.Terms.Version);
        return snapshot;
    }

    private static string NewCaseId() => "C" + Guid.CreateVersion7().ToString("N")[..20].ToUpperInvariant();

    public async Task<CaseSnapshot> GetAsync(string caseId, CancellationToken cancellationToken = default)
    {
        var (_, data) = await LoadAsync(caseId, cancellationToken).ConfigureAwait(false);
        return await SnapshotAsync(data, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The public view of the case's data, with the visits made so far.</summary>
    private async Task<CaseSnapshot> SnapshotAsync(CaseData data, CancellationToken cancellationToken)
    {
        var visits = await store.VisitsAsync("case_id", data.CaseId, cancellationToken).ConfigureAwait(false);
        return CaseSnapshots.From(data, calendar, CountVisits(visits));
    }

    /// <summary>Trips on different days; several purposes on one day are one visit.</summary>
    internal int CountVisits(IEnumerable<VisitRecord> visits) => visits.Select(v => calendar.LocalDate(v.At)).Distinct().Count();

    public async Task<IReadOnlyList<CaseSummary>> ListAsync(CaseQuery? query = null, CancellationToken cancellationToken = default)
    {
        query ??= new CaseQuery();
        var rows = await store.ListCasesAsync(query.ApplicantId, query.OpenOnly, Math.Clamp(query.Limit, 1, 10_000), cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(r => new CaseSummary(r.CaseId, r.ProcedureCode, r.ApplicantId, Enum.Parse<CaseStage>(r.Stage), r.Outcome is null ? null : Enum.Parse<CaseOutcome>(r.Outcome), r.AuthorityId, r.SubmittedAt, r.ClosedAt))];
    }

    public async Task SupplyDocumentsAsync(string caseId, SuppliedDocuments documents, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var (_, data) = await LoadOpenAsync(caseId, cancellationToken).ConfigureAwait(false);
        if (documents.Documents.Count == 0)
        {
            throw new UnexpectedCaseEventException(caseId, "No documents were supplied.");
        }

        if (data.Stage == CaseStage.AwaitingSupplement)
        {
            var unknown = documents.Documents.Where(d => !data.Gaps.Any(g => g.DocumentId == d.DocumentId)).Select(d => d.DocumentId).ToList();
            if (unknown.Count > 0)
            {
                throw new UnexpectedCaseEventException(caseId, $"Case '{caseId}' does not need {string.Join(", ", unknown)}; the notice asks for: {string.Join(", ", data.Gaps.Select(g => $"{g.MaterialId} ({g.DocumentId})"))}.");
            }

            var outdated = documents.Documents
                .Select(d => (Document: d, Gap: data.Gaps.First(g => g.DocumentId == d.DocumentId)))
                .Where(x => x.Gap.CurrentEdition is { } edition && x.Document.FormVersion is { } given && given != edition)
                .Select(x => $"{x.Document.DocumentId} must be on edition {x.Gap.CurrentEdition}, not {x.Document.FormVersion}")
                .ToList();
            if (outdated.Count > 0)
            {
                throw new UnexpectedCaseEventException(caseId, string.Join("; ", outdated) + ".");
            }

            await engine.PublishAsync(CaseEventNames.Supplement, CaseEventNames.SupplementKey(caseId, data.NoticeRound), documents, cancellationToken).ConfigureAwait(false);
            return;
        }

        var asked = data.Evidence.Where(e => e.State == EvidenceStates.AwaitingApplicant && documents.Documents.Any(d => d.DocumentId == e.DocumentId)).ToList();
        if (asked.Count == 0)
        {
            throw new UnexpectedCaseEventException(caseId, $"Case '{caseId}' is not waiting for documents from the applicant (it is {data.Stage}).");
        }

        foreach (var evidence in asked)
        {
            await engine.PublishAsync(CaseEventNames.Applicant, CaseEventNames.MaterialKey(caseId, evidence.MaterialId), documents, cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task SignCommitmentAsync(string caseId, SignedCommitment commitment, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(commitment);
        var (_, data) = await LoadOpenAsync(caseId, cancellationToken).ConfigureAwait(false);
        var evidence = data.FindEvidence(commitment.MaterialId);
        if (evidence?.State != EvidenceStates.AwaitingApplicant)
        {
            throw new UnexpectedCaseEventException(caseId, $"Case '{caseId}' is not asking the applicant about '{commitment.MaterialId}'.");
        }

        if (!data.Terms.CommitmentAllowed.ContainsKey(commitment.MaterialId))
        {
            throw new UnexpectedCaseEventException(caseId, $"Procedure {data.Terms.Code} does not allow a commitment for '{commitment.MaterialId}'; the document itself is needed.");
        }

        await engine.PublishAsync(CaseEventNames.Applicant, CaseEventNames.MaterialKey(caseId, commitment.MaterialId), commitment, cancellationToken).ConfigureAwait(false);
    }

    public async Task AnswerEvidenceAsync(string caseId, string materialId, EvidenceResponse answer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var (_, data) = await LoadOpenAsync(caseId, cancellationToken).ConfigureAwait(false);
        var evidence = data.FindEvidence(materialId)
            ?? throw new UnexpectedCaseEventException(caseId, $"Case '{caseId}' asked no department for '{materialId}'.");
        if (evidence.State is not (EvidenceStates.Waiting or EvidenceStates.Pending))
        {
            throw new UnexpectedCaseEventException(caseId, $"Case '{caseId}' no longer waits for '{materialId}' from {evidence.DepartmentId} (it is {evidence.State}).");
        }

        if (answer.Outcome == EvidenceOutcome.Later)
        {
            throw new UnexpectedCaseEventException(caseId, "An answer to a waiting request must be final: issued, not found or refused.");
        }

        await engine.PublishAsync(CaseEventNames.Evidence, CaseEventNames.MaterialKey(caseId, materialId), answer, cancellationToken).ConfigureAwait(false);
    }

    public async Task DecideAsync(string caseId, OfficerDecision decision, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var (_, data) = await LoadOpenAsync(caseId, cancellationToken).ConfigureAwait(false);
        if (!string.Equals(decision.AuthorityId, data.AuthorityId, StringComparison.Ordinal))
        {
            throw new WrongAuthorityException(caseId, decision.AuthorityId, data.AuthorityId);
        }

        if (!decision.Approved && string.IsNullOrWhiteSpace(decision.Reason))
        {
            throw new UnexpectedCaseEventException(caseId, "A refusal needs a reason the applicant is told (行政许可法 第三十八条).");
        }

        if (data.Stage != CaseStage.UnderReview)
        {
            throw new UnexpectedCaseEventException(caseId, $"Case '{caseId}' is not under review yet (it is {data.Stage}); decide once it reaches review.");
        }

        await engine.PublishAsync(CaseEventNames.Decision, caseId, decision, cancellationToken).ConfigureAwait(false);
    }

    public async Task RecordVisitAsync(string caseId, VisitMade visit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(visit);
        var (_, data) = await LoadOpenAsync(caseId, cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        await store.RecordVisitAsync($"{caseId}:{visit.Purpose}:{now.UtcTicks}", new VisitRecord(caseId, data.ApplicantId, now, visit.Purpose, visit.WindowId ?? data.WindowId), cancellationToken).ConfigureAwait(false);
        await store.AppendAuditAsync($"{caseId}:visit:{visit.Purpose}:{now.UtcTicks}", new AuditEntry(0, caseId, data.ApplicantId, now, "applicant", AuditActions.Visit, $"Came to {visit.WindowId ?? data.WindowId ?? "the office"} for {visit.Purpose}"), cancellationToken).ConfigureAwait(false);
    }

    public async Task ConfirmPickupAsync(string caseId, CancellationToken cancellationToken = default)
    {
        var (_, data) = await LoadOpenAsync(caseId, cancellationToken).ConfigureAwait(false);
        if (data.Stage != CaseStage.AwaitingPickup)
        {
            throw new UnexpectedCaseEventException(caseId, $"Case '{caseId}' has no result waiting for pickup (it is {data.Stage}).");
        }

        await engine.PublishAsync(CaseEventNames.Pickup, caseId, new PickedUp(time.GetUtcNow()), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<CaseSnapshot> WaitUntilAsync(string caseId, Func<CaseSnapshot, bool> condition, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(condition);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero);
        var row = await store.FindCaseAsync(caseId, cancellationToken).ConfigureAwait(false) ?? throw new CaseNotFoundException(caseId);
        var workflowId = await WorkflowOfAsync(row, cancellationToken).ConfigureAwait(false) ?? throw new CaseNotFoundException(caseId);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        while (true)
        {
            var saved = watcher.NextSave(workflowId);
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

    /// <summary>
    /// The case's workflow. A host that stopped between starting the workflow and recording it left the row
    /// without it: the workflow is found by its reference and the row repaired.
    /// </summary>
    internal async Task<string?> WorkflowOfAsync(CaseRow row, CancellationToken cancellationToken)
    {
        if (row.WorkflowId is { } known)
        {
            return known;
        }

        if (await engine.FindWorkflowAsync(row.CaseId, cancellationToken).ConfigureAwait(false) is not { } found)
        {
            return null;
        }

        await store.SetWorkflowAsync(row.CaseId, found, cancellationToken).ConfigureAwait(false);
        Log.SubmissionRepaired(logger, row.CaseId, found);
        return found;
    }

    private async Task<(CaseRow Row, CaseData Data)> LoadAsync(string caseId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(caseId);
        var row = await store.FindCaseAsync(caseId, cancellationToken).ConfigureAwait(false) ?? throw new CaseNotFoundException(caseId);
        var workflowId = await WorkflowOfAsync(row, cancellationToken).ConfigureAwait(false) ?? throw new CaseNotFoundException(caseId);
        var data = await engine.LoadAsync(workflowId, cancellationToken).ConfigureAwait(false) ?? throw new CaseNotFoundException(caseId);
        return (row, data);
    }

    private async Task<(CaseRow Row, CaseData Data)> LoadOpenAsync(string caseId, CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(caseId, cancellationToken).ConfigureAwait(false);
        if (loaded.Data.Stage == CaseStage.Closed)
        {
            throw new CaseClosedException(caseId, loaded.Data.Outcome);
        }

        return loaded;
    }
}
