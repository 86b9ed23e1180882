using OneVisit.Workflows.Actors;
using OneVisit.Workflows.Evidence;

namespace OneVisit.Workflows.Cases.Internal;

internal sealed partial class CaseService
{
    public Task SupplyDocumentsAsync(string caseId, SuppliedDocuments documents, CancellationToken cancellationToken = default) =>
        SendAsync(caseId, CaseOperation.SupplyDocuments, (data, actor) =>
        {
            documents = documents with { By = actor.AuditName };
            return data.Stage == CaseStage.AwaitingSupplement ? [Supplement(data, documents)] : Asked(data, documents);
        }, cancellationToken, check: () =>
        {
            // Refusals quote the document ids and editions given: they must not carry a line into the audit log.
            CaseInputs.Documents(documents, caseId);
        });

    private static Wait Supplement(CaseData data, SuppliedDocuments documents)
    {
        var unknown = documents.Documents.Where(d => !data.Gaps.Any(g => g.DocumentId == d.DocumentId)).Select(d => d.DocumentId).ToList();
        if (unknown.Count > 0)
        {
            throw new UnexpectedCaseEventException(data.CaseId, $"Case '{data.CaseId}' does not need {string.Join(", ", unknown)}; the notice asks for: {string.Join(", ", data.Gaps.Select(g => $"{data.DocumentName(g.MaterialId)} ({g.DocumentId})"))}.");
        }

        var outdated = documents.Documents
            .Select(d => (Document: d, Gap: data.Gaps.First(g => g.DocumentId == d.DocumentId)))
            .Where(x => x.Gap.CurrentEdition is { } edition && x.Document.FormVersion is { } given && given != edition)
            .Select(x => $"{x.Document.DocumentId} must be on edition {x.Gap.CurrentEdition}, not {x.Document.FormVersion}")
            .ToList();
        if (outdated.Count > 0)
        {
            throw new UnexpectedCaseEventException(data.CaseId, string.Join("; ", outdated) + ".");
        }

        return new Wait(CaseEventNames.Supplement, CaseEventNames.SupplementKey(data.CaseId, data.NoticeRound), documents, "the supplement to the notice");
    }

    /// <summary>Documents for materials asked of the applicant after acceptance: a department could not provide them, or they were accepted with a gap.</summary>
    private static List<Wait> Asked(CaseData data, SuppliedDocuments documents)
    {
        var waits = new List<Wait>();
        foreach (var evidence in data.Evidence.Where(e => e.State == EvidenceStates.AwaitingApplicant && documents.Documents.Any(d => d.DocumentId == e.DocumentId)))
        {
            waits.Add(new Wait(CaseEventNames.Applicant, CaseEventNames.MaterialKey(data.CaseId, evidence.MaterialId), documents, data.DocumentName(evidence.MaterialId)));
        }

        foreach (var owed in data.Owed.Where(o => o.State == OwedStates.Owed && documents.Documents.Any(d => d.DocumentId == o.DocumentId)))
        {
            waits.Add(new Wait(CaseEventNames.Applicant, CaseEventNames.GapKey(data.CaseId, owed.MaterialId), documents, data.DocumentName(owed.MaterialId)));
        }

        if (waits.Count == 0)
        {
            var owedNow = data.Evidence.Where(e => e.State == EvidenceStates.AwaitingApplicant).Select(e => $"{data.DocumentName(e.MaterialId)} ({e.DocumentId})")
                .Concat(data.Owed.Where(o => o.State == OwedStates.Owed).Select(o => $"{data.DocumentName(o.MaterialId)} ({o.DocumentId})"))
                .ToList();
            throw new UnexpectedCaseEventException(data.CaseId, owedNow.Count == 0
                ? $"Case '{data.CaseId}' is not waiting for documents from the applicant (it is {data.Stage})."
                : $"Case '{data.CaseId}' does not need {string.Join(", ", documents.Documents.Select(d => d.DocumentId))}; it waits for: {string.Join(", ", owedNow)}.");
        }

        return waits;
    }

    public Task SignCommitmentAsync(string caseId, SignedCommitment commitment, CancellationToken cancellationToken = default) =>
        SendAsync(caseId, CaseOperation.SignCommitment, (data, actor) =>
        {
            if (data.FindEvidence(commitment.MaterialId)?.State != EvidenceStates.AwaitingApplicant)
            {
                throw new UnexpectedCaseEventException(caseId, $"Case '{caseId}' is not asking the applicant about '{commitment.MaterialId}'.");
            }

            if (!data.Terms.CommitmentAllowed.ContainsKey(commitment.MaterialId))
            {
                throw new UnexpectedCaseEventException(caseId, $"Procedure {data.Terms.Code} does not allow a commitment for {data.DocumentName(commitment.MaterialId)} ('{commitment.MaterialId}'); the document itself is needed.");
            }

            return [new Wait(CaseEventNames.Applicant, CaseEventNames.MaterialKey(caseId, commitment.MaterialId), commitment with { By = actor.AuditName }, data.DocumentName(commitment.MaterialId))];
        }, cancellationToken, check: () =>
        {
            ArgumentNullException.ThrowIfNull(commitment);
            CaseInputs.Identifier(commitment.MaterialId, "commitment.MaterialId", caseId);
        });

    public Task AnswerEvidenceAsync(string caseId, string materialId, EvidenceResponse answer, CancellationToken cancellationToken = default) =>
        SendAsync(caseId, CaseOperation.AnswerEvidence, (data, _) =>
        {
            var evidence = data.FindEvidence(materialId)
                ?? throw new UnexpectedCaseEventException(caseId, $"Case '{caseId}' asked no department for '{materialId}'.");
            if (evidence.State != EvidenceStates.Waiting)
            {
                throw new UnexpectedCaseEventException(caseId, evidence.State == EvidenceStates.Requested
                    ? $"Case '{caseId}' has not had {evidence.DepartmentId}'s first answer about '{materialId}' yet; it comes through the department's evidence provider."
                    : $"Case '{caseId}' no longer waits for '{materialId}' from {evidence.DepartmentId} (it is {evidence.State}).");
            }

            if (answer.Outcome == EvidenceOutcome.Later)
            {
                throw new UnexpectedCaseEventException(caseId, "An answer to a waiting request must be final: issued, not found or refused.");
            }

            return [new Wait(CaseEventNames.Evidence, CaseEventNames.MaterialKey(caseId, materialId), answer, $"{data.DocumentName(materialId)} from {evidence.DepartmentId}")];
        }, cancellationToken, departmentOf: data => data.FindEvidence(materialId)?.DepartmentId ?? "", check: () =>
        {
            ArgumentNullException.ThrowIfNull(answer);
            CaseInputs.Identifier(materialId, nameof(materialId), caseId);
            CaseInputs.Defined(answer.Outcome, "answer.Outcome", caseId);
            CaseInputs.Text(answer.Reason, "answer.Reason", caseId);
            CaseInputs.Text(answer.DocumentReference, "answer.DocumentReference", caseId);
        });

    public Task DecideAsync(string caseId, OfficerDecision decision, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(decision);
        return SendAsync(caseId, CaseOperation.Decide, (data, actor) =>
        {
            if (!decision.Approved && string.IsNullOrWhiteSpace(decision.Reason))
            {
                throw new UnexpectedCaseEventException(caseId, "A refusal needs a reason the applicant is told (行政许可法 第三十八条).");
            }

            if (data.Decision is { } made)
            {
                // Another decision won the wait; whether the case has moved on yet is only timing.
                throw new CaseConflictException(caseId, $"Case '{caseId}' was already decided by {made.OfficerId} ({(made.Approved ? "approved" : "refused")}); a case takes one decision. Read the case again to see where it stands.");
            }

            if (data.Stage != CaseStage.UnderReview)
            {
                throw new UnexpectedCaseEventException(caseId, $"Case '{caseId}' is not under review yet (it is {data.Stage}); decide once it reaches review.");
            }

            // Who decided is the signed-in officer, never a field of the request.
            return [new Wait(CaseEventNames.Decision, caseId, new CaseDecision(actor.Id, data.AuthorityId, decision.Approved, decision.Reason), "the decision")];
        }, cancellationToken, check: () => CaseInputs.Text(decision.Reason, "decision.Reason", caseId));
    }

    public Task ConfirmPickupAsync(string caseId, CancellationToken cancellationToken = default) =>
        SendAsync(caseId, CaseOperation.ConfirmPickup, (data, actor) => data.Stage == CaseStage.AwaitingPickup
            ? [new Wait(CaseEventNames.Pickup, caseId, new PickedUp(time.GetUtcNow()) { By = actor.AuditName }, "the pickup")]
            : throw new UnexpectedCaseEventException(caseId, $"Case '{caseId}' has no result waiting for pickup (it is {data.Stage})."),
            cancellationToken);

    /// <summary>The wait an event answers, and what it carries.</summary>
    private sealed record Wait(string EventName, string EventKey, object Payload, string What);

    /// <summary>
    /// Authorizes the actor, loads the open case, validates the call against it (<paramref name="waitsFor"/> throws a
    /// <see cref="CaseException"/> when the case cannot take it), and claims each wait the call answers. A denial, a
    /// refusal or a lost race is audited as an attempt and thrown.
    /// </summary>
    /// <remarks><paramref name="check"/> checks what the caller gave before anything is read, so nothing it sent can forge a line in a message or the audit log.</remarks>
    private Task SendAsync(string caseId, CaseOperation operation, Func<CaseData, CaseActor, List<Wait>> waitsFor, CancellationToken cancellationToken, Func<CaseData, string?>? departmentOf = null, Action? check = null) =>
        GuardAsync(async () =>
        {
            CheckCaseId(caseId);
            check?.Invoke();
            var actor = Actor(operation, caseId);
            var (_, data) = await LoadOpenAsync(caseId, actor, operation, cancellationToken, departmentOf).ConfigureAwait(false);
            List<Wait> waits;
            try
            {
                waits = waitsFor(data, actor);
            }
            catch (CaseException refused)
            {
                await RefusedAsync(data, actor, refused).ConfigureAwait(false);
                throw;
            }

            var lost = new List<Wait>();
            foreach (var wait in waits)
            {
                if (!await events.PublishOnceAsync(caseId, wait.EventName, wait.EventKey, wait.Payload, actor.AuditName, cancellationToken).ConfigureAwait(false))
                {
                    lost.Add(wait);
                }
            }

            if (lost.Count > 0)
            {
                var applied = waits.Except(lost).Select(w => w.What).ToList();
                var conflict = new CaseConflictException(caseId,
                    $"Case '{caseId}' no longer waits for {string.Join(", ", lost.Select(w => w.What))}: another call answered it first, its deadline passed, or the case closed. Nothing of it was applied"
                    + (applied.Count > 0 ? $" (applied: {string.Join(", ", applied)})" : "") + "; read the case again to see where it stands.");
                await RefusedAsync(data, actor, conflict).ConfigureAwait(false);
                throw conflict;
            }
        });
}
