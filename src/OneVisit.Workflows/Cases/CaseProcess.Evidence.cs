using System.Text.Json;
using OneVisit.Workflows.Audit;
using OneVisit.Workflows.Commitments;
using OneVisit.Workflows.Evidence;

namespace OneVisit.Workflows.Cases;

internal sealed partial class CaseProcess
{
    /// <summary>
    /// One document from another department: ask (once per idempotency key), wait for a "later" answer up to
    /// the timeout, and when the department cannot help, ask the applicant for it or for a commitment.
    /// </summary>
    public async Task<StepOutcome> EvidenceAsync(CaseData data, string materialId, object? received, CancellationToken cancellationToken)
    {
        var evidence = data.FindEvidence(materialId);
        if (evidence is null || data.Stage == CaseStage.Closed)
        {
            return StepOutcome.Next;
        }

        var key = CaseEventNames.MaterialKey(data.CaseId, materialId);
        switch (evidence.State)
        {
            case EvidenceStates.Pending:
                return await HandleAsync(data, evidence, await RequestAsync(data, evidence, key, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
            case EvidenceStates.Waiting when received is EvidenceResponse answer:
                await AuditAsync(data, $"evidence:{materialId}:answer", AuditActions.EvidenceAnswered, $"{evidence.DocumentId} from {evidence.DepartmentId}: {answer.Summary}", cancellationToken, actor: evidence.DepartmentId).ConfigureAwait(false);
                return await HandleAsync(data, evidence, answer, cancellationToken).ConfigureAwait(false);
            case EvidenceStates.Waiting when received is CaseTimeout:
                await AuditAsync(data, $"evidence:{materialId}:timeout", AuditActions.EvidenceTimedOut, $"{evidence.DocumentId} from {evidence.DepartmentId}: no answer by {evidence.WaitUntil:yyyy-MM-dd HH:mm}", cancellationToken).ConfigureAwait(false);
                return await AskApplicantAsync(data, evidence, cancellationToken).ConfigureAwait(false);
            case EvidenceStates.Waiting:
                return StepOutcome.WaitFor(CaseEventNames.Evidence, key);
            case EvidenceStates.AwaitingApplicant when received is SignedCommitment:
                var verifyDays = data.Terms.CommitmentAllowed.GetValueOrDefault(materialId);
                var today = calendar.LocalDate(time.GetUtcNow());
                var due = verifyDays is { } days ? today.AddDays(days) : today;
                await store.AddCommitmentAsync(new CommitmentEntry(data.CaseId, materialId, CommitmentKind.Verify, due, time.GetUtcNow()), cancellationToken).ConfigureAwait(false);
                await AuditAsync(data, $"evidence:{materialId}:commitment", AuditActions.CommitmentSigned, $"Commitment for {evidence.DocumentId}, to be verified by {due:yyyy-MM-dd}", cancellationToken, actor: "applicant").ConfigureAwait(false);
                return await ApplicantAnsweredAsync(data, evidence, EvidenceStates.Committed, cancellationToken).ConfigureAwait(false);
            case EvidenceStates.AwaitingApplicant when received is SuppliedDocuments:
                await AuditAsync(data, $"evidence:{materialId}:supplied", AuditActions.Supplemented, $"{evidence.DocumentId} supplied by the applicant", cancellationToken, actor: "applicant").ConfigureAwait(false);
                return await ApplicantAnsweredAsync(data, evidence, EvidenceStates.Supplied, cancellationToken).ConfigureAwait(false);
            case EvidenceStates.AwaitingApplicant:
                return StepOutcome.WaitFor(CaseEventNames.Applicant, key);
            default:
                return StepOutcome.Next;
        }
    }

    private async Task<EvidenceResponse> RequestAsync(CaseData data, CaseEvidence evidence, string key, CancellationToken cancellationToken)
    {
        var request = new EvidenceRequest(key, data.CaseId, evidence.DepartmentId, evidence.DocumentId, data.ApplicantId, data.Terms.Purpose, data.AuthorityId);

        // Recorded before sending: after a crash the stored answer is reused; if the crash fell between
        // sending and storing, the request goes again with the same key and the department answers it once.
        var (alreadySent, stored) = await store.BeginEvidenceRequestAsync(key, data.CaseId, evidence.MaterialId, evidence.DepartmentId, evidence.DocumentId, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        await AuditAsync(data, $"evidence:{evidence.MaterialId}", AuditActions.EvidenceRequested, $"Asked {evidence.DepartmentId} for {evidence.DocumentId}", cancellationToken, dataRequested: $"{evidence.DocumentId} about {data.ApplicantId} from {evidence.DepartmentId}", purpose: data.Terms.Purpose).ConfigureAwait(false);
        if (stored is not null)
        {
            return JsonSerializer.Deserialize(stored, CaseJson.Default.EvidenceResponse)!;
        }

        if (alreadySent)
        {
            Log.EvidenceResent(logger, data.CaseId, key);
        }

        var response = await providers.For(evidence.DepartmentId).RequestAsync(request, cancellationToken).ConfigureAwait(false);
        metrics.EvidenceRequested(evidence.DepartmentId, response.Outcome);
        await store.SaveEvidenceResponseAsync(key, response.Outcome.ToString(), JsonSerializer.Serialize(response, CaseJson.Default.EvidenceResponse), time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        await AuditAsync(data, $"evidence:{evidence.MaterialId}:first-answer", AuditActions.EvidenceAnswered, $"{evidence.DocumentId} from {evidence.DepartmentId}: {response.Summary}", cancellationToken, actor: evidence.DepartmentId).ConfigureAwait(false);
        return response;
    }

    private async Task<StepOutcome> HandleAsync(CaseData data, CaseEvidence evidence, EvidenceResponse response, CancellationToken cancellationToken)
    {
        switch (response.Outcome)
        {
            case EvidenceOutcome.Issued:
                evidence.State = EvidenceStates.Received;
                evidence.Note = response.DocumentReference;
                return StepOutcome.Next;
            case EvidenceOutcome.Later when evidence.State == EvidenceStates.Pending:
                var key = CaseEventNames.MaterialKey(data.CaseId, evidence.MaterialId);
                evidence.State = EvidenceStates.Waiting;
                evidence.Note = response.Summary;
                evidence.WaitUntil = time.GetUtcNow() + Options.EvidenceTimeout;
                await timers.ScheduleTimeoutAsync(data.CaseId, $"evidence:{evidence.MaterialId}", evidence.WaitUntil.Value, CaseEventNames.Evidence, key, cancellationToken).ConfigureAwait(false);
                return StepOutcome.WaitFor(CaseEventNames.Evidence, key);
            default:
                evidence.Note = response.Summary;
                return await AskApplicantAsync(data, evidence, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<StepOutcome> AskApplicantAsync(CaseData data, CaseEvidence evidence, CancellationToken cancellationToken)
    {
        evidence.State = EvidenceStates.AwaitingApplicant;
        var offer = data.Terms.CommitmentAllowed.ContainsKey(evidence.MaterialId)
            ? "supply it or sign a commitment (告知承诺)"
            : "supply it";
        await AuditAsync(data, $"evidence:{evidence.MaterialId}:ask", AuditActions.ApplicantAsked, $"{evidence.DepartmentId} could not provide {evidence.DocumentId}; the applicant is asked to {offer}", cancellationToken).ConfigureAwait(false);

        // The law does not count time spent waiting for the applicant.
        calendar.Pause(data.Clock, evidence.MaterialId, time.GetUtcNow());
        return StepOutcome.WaitFor(CaseEventNames.Applicant, CaseEventNames.MaterialKey(data.CaseId, evidence.MaterialId));
    }

    private async Task<StepOutcome> ApplicantAnsweredAsync(CaseData data, CaseEvidence evidence, string state, CancellationToken cancellationToken)
    {
        evidence.State = state;
        calendar.Resume(data.Clock, evidence.MaterialId, time.GetUtcNow());
        await ScheduleClockChecksAsync(data, cancellationToken).ConfigureAwait(false);
        return StepOutcome.Next;
    }
}
