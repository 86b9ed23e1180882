using System.Text.Json;
using OneVisit.Workflows.Audit;
using OneVisit.Workflows.Commitments;
using OneVisit.Workflows.Evidence;
using OneVisit.Workflows.Storage;

namespace OneVisit.Workflows.Cases.Internal;

internal sealed partial class CaseProcess
{
    /// <summary>
    /// One document from another department: record the request and have it sent once the wait is saved (the
    /// department's answer arrives as an event, so a slow department never holds one of the engine's slots),
    /// wait for a "later" answer up to its estimate, and when the department cannot help in time, ask the
    /// applicant for it or for a commitment, by a deadline. Items starting with <see cref="CaseData.GapItem"/>
    /// are materials accepted with a gap.
    /// </summary>
    public async Task<StepOutcome> EvidenceAsync(CaseData data, string item, object? received, CancellationToken cancellationToken)
    {
        if (data.Stage == CaseStage.Closed)
        {
            return StepOutcome.Next;
        }

        if (item.StartsWith(CaseData.GapItem, StringComparison.Ordinal))
        {
            return Gap(data, item[CaseData.GapItem.Length..], received);
        }

        var evidence = data.FindEvidence(item);
        if (evidence is null)
        {
            return StepOutcome.Next;
        }

        var name = data.DocumentName(evidence.MaterialId);
        switch (evidence.State)
        {
            case EvidenceStates.Pending:
                return await RequestAsync(data, evidence, cancellationToken).ConfigureAwait(false);
            case EvidenceStates.Requested when received is EvidenceResponse answer:
                // The dispatcher stored the answer with its audit line.
                timers.Cancel(data.Writes, data.CaseId, AnswerTimer(evidence));
                return Handle(data, evidence, answer);
            case EvidenceStates.Requested when received is CaseTimeout:
                return TimedOut(data, evidence, "");
            case EvidenceStates.Requested:
                return StepOutcome.WaitFor(CaseEventNames.Evidence, CaseEventNames.AnswerKey(data.CaseId, item));
            case EvidenceStates.Waiting when received is EvidenceResponse answer:
                Audit(data, $"evidence:{item}:answer", AuditActions.EvidenceAnswered, $"{name} from {evidence.DepartmentId}: {answer.Summary}", actor: evidence.DepartmentId);
                timers.Cancel(data.Writes, data.CaseId, LaterTimer(evidence));
                return Handle(data, evidence, answer);
            case EvidenceStates.Waiting when received is CaseTimeout:
                return TimedOut(data, evidence, ", the date it gave");
            case EvidenceStates.Waiting:
                return StepOutcome.WaitFor(CaseEventNames.Evidence, CaseEventNames.MaterialKey(data.CaseId, item));
            case EvidenceStates.AwaitingApplicant when received is SignedCommitment signed:
                var verifyDays = data.Terms.CommitmentAllowed.GetValueOrDefault(item);
                var today = calendar.LocalDate(time.GetUtcNow());
                var due = verifyDays is { } days ? today.AddDays(days) : today;
                data.Writes.AddCommitment(new CommitmentEntry(data.CaseId, item, CommitmentKind.Verify, due, time.GetUtcNow()));
                Audit(data, $"evidence:{item}:commitment", AuditActions.CommitmentSigned, $"Commitment for {name}, to be verified by {due:yyyy-MM-dd}", actor: signed.By ?? "applicant");
                return ApplicantAnswered(data, evidence, EvidenceStates.Committed);
            case EvidenceStates.AwaitingApplicant when received is SuppliedDocuments supplied:
                data.RecordSupplied(supplied, _ => null);
                Audit(data, $"evidence:{item}:supplied", AuditActions.Supplemented, $"{name} supplied by the applicant", actor: supplied.By ?? "applicant");
                return ApplicantAnswered(data, evidence, EvidenceStates.Supplied);
            case EvidenceStates.AwaitingApplicant when received is CaseTimeout:
                return AskMissed(data, evidence);
            case EvidenceStates.AwaitingApplicant:
                return StepOutcome.WaitFor(CaseEventNames.Applicant, CaseEventNames.MaterialKey(data.CaseId, item));
            default:
                return StepOutcome.Next;
        }
    }

    /// <summary>An instant as people at the office read it: date and time in the offices' zone (stored instants are UTC).</summary>
    private string LocalTime(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, calendar.Zone).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The department did not answer by the due date (<paramref name="whose"/> says whose date it was): the applicant is asked.</summary>
    private StepOutcome TimedOut(CaseData data, CaseEvidence evidence, string whose)
    {
        var by = LocalTime(evidence.WaitUntil!.Value) + whose;
        Audit(data, $"evidence:{evidence.MaterialId}:timeout", AuditActions.EvidenceTimedOut, $"{data.DocumentName(evidence.MaterialId)} from {evidence.DepartmentId}: no answer by {by}");
        return AskApplicant(data, evidence, $"no answer from {evidence.DepartmentId} by {by}");
    }

    private static string AnswerTimer(CaseEvidence evidence) => $"answer:{evidence.MaterialId}";

    private static string LaterTimer(CaseEvidence evidence) => $"evidence:{evidence.MaterialId}";

    private static string AskTimer(CaseEvidence evidence) => $"ask:{evidence.MaterialId}";

    private async Task<StepOutcome> RequestAsync(CaseData data, CaseEvidence evidence, CancellationToken cancellationToken)
    {
        var key = CaseEventNames.MaterialKey(data.CaseId, evidence.MaterialId);
        var request = new EvidenceRequest(key, data.CaseId, evidence.DepartmentId, evidence.DocumentId, data.ApplicantId, data.Terms.Purpose, data.AuthorityId);

        // This node's hold on the key comes first (see EvidenceDispatcher.Reserve): a send of it already under way
        // here is joined, and one that finished has stored its answer, which the store read below then returns.
        using var slot = dispatcher.Reserve(request, evidence.MaterialId, stepWaits: true);

        // Recorded (and committed) before anything is sent; the dispatcher sends again on start whatever was
        // recorded but never answered, with the same key. A department that answers within EvidenceInlineWait is
        // handled in this step; a slower one is awaited as an event, so it never holds one of the engine's slots.
        var stored = await store.BeginEvidenceRequestAsync(request, evidence.MaterialId, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        Audit(data, $"evidence:{evidence.MaterialId}", AuditActions.EvidenceRequested, $"Asked {evidence.DepartmentId} for {data.DocumentName(evidence.MaterialId)}", dataRequested: $"{evidence.DocumentId} about {data.ApplicantId} from {evidence.DepartmentId}", purpose: data.Terms.Purpose);
        if (stored is not null)
        {
            // Answered before a crash undid this step's save: the answer is reused, never asked for again.
            return Handle(data, evidence, JsonSerializer.Deserialize(stored, CaseJson.Default.EvidenceResponse)!);
        }

        evidence.State = EvidenceStates.Requested;
        var answerKey = CaseEventNames.AnswerKey(data.CaseId, evidence.MaterialId);

        // Another live node is sending it (it took over a dead node's request before this step ran again here): its
        // answer reaches this wait as an event, so the request is not sent a second time.
        var dispatch = slot.InFlight
            ?? (await store.ClaimEvidenceRequestAsync(request.IdempotencyKey, cancellationToken).ConfigureAwait(false) ? slot.Start() : null);
        if (dispatch is not null && await dispatch.TakeInlineAsync(Options.EvidenceInlineWait, cancellationToken).ConfigureAwait(false) is { } quick)
        {
            // A quick answer is stored, audited and its wait claimed with this step's save, as the dispatcher would.
            data.Writes.SaveEvidenceAnswer(request, evidence.MaterialId, quick, time.GetUtcNow());
            events.ClaimWith(data.Writes, data.CaseId, CaseEventNames.Evidence, answerKey, evidence.DepartmentId);
            return Handle(data, evidence, quick);
        }

        evidence.WaitUntil = time.GetUtcNow() + Options.EvidenceTimeout;
        timers.ScheduleTimeout(data.Writes, data.CaseId, AnswerTimer(evidence), evidence.WaitUntil.Value, CaseEventNames.Evidence, answerKey);
        return StepOutcome.WaitFor(CaseEventNames.Evidence, answerKey);
    }

    private StepOutcome Handle(CaseData data, CaseEvidence evidence, EvidenceResponse response)
    {
        switch (response.Outcome)
        {
            case EvidenceOutcome.Issued:
                evidence.State = EvidenceStates.Received;
                evidence.Note = response.DocumentReference;
                return StepOutcome.Next;
            case EvidenceOutcome.Later when evidence.State is EvidenceStates.Pending or EvidenceStates.Requested:
                // The department's own estimate is the due date; without one (or one already past), the host's timeout.
                var now = time.GetUtcNow();
                var key = CaseEventNames.MaterialKey(data.CaseId, evidence.MaterialId);
                evidence.State = EvidenceStates.Waiting;
                evidence.Note = response.Summary;
                evidence.WaitUntil = response.ExpectedBy is { } expected && expected > now ? expected : now + Options.EvidenceTimeout;
                timers.ScheduleTimeout(data.Writes, data.CaseId, LaterTimer(evidence), evidence.WaitUntil.Value, CaseEventNames.Evidence, key);
                return StepOutcome.WaitFor(CaseEventNames.Evidence, key);
            default:
                return AskApplicant(data, evidence, response.Summary);
        }
    }

    private StepOutcome AskApplicant(CaseData data, CaseEvidence evidence, string why)
    {
        var now = time.GetUtcNow();
        evidence.State = EvidenceStates.AwaitingApplicant;
        evidence.Note = why;
        evidence.AskDue = calendar.WorkingDaysAfter(now, SupplyDays(data));
        var offer = data.Terms.CommitmentAllowed.ContainsKey(evidence.MaterialId)
            ? "supply it or sign a commitment (告知承诺)"
            : "supply it";
        ArmDeadline(data, AskTimer(evidence), evidence.AskDue.Value, CaseEventNames.Applicant, CaseEventNames.MaterialKey(data.CaseId, evidence.MaterialId));
        Audit(data, $"evidence:{evidence.MaterialId}:ask", AuditActions.ApplicantAsked, $"{evidence.DepartmentId} could not provide {data.DocumentName(evidence.MaterialId)} ({why}); the applicant is asked to {offer} by the end of {calendar.LastDay(evidence.AskDue.Value):yyyy-MM-dd}");

        // The law does not count time spent waiting for the applicant.
        calendar.Pause(data.Clock, evidence.MaterialId, now);
        return StepOutcome.WaitFor(CaseEventNames.Applicant, CaseEventNames.MaterialKey(data.CaseId, evidence.MaterialId));
    }

    private StepOutcome ApplicantAnswered(CaseData data, CaseEvidence evidence, string state)
    {
        evidence.State = state;
        timers.Cancel(data.Writes, data.CaseId, AskTimer(evidence));
        calendar.Resume(data.Clock, evidence.MaterialId, time.GetUtcNow());
        ScheduleClockChecks(data);
        return StepOutcome.Next;
    }

    /// <summary>The applicant let the ask's deadline pass: what the catalogue's <c>supplement.on_missed</c> says.</summary>
    private StepOutcome AskMissed(CaseData data, CaseEvidence evidence)
    {
        var what = $"{data.DocumentName(evidence.MaterialId)} was not supplied by the end of {calendar.LastDay(evidence.AskDue!.Value):yyyy-MM-dd}";
        evidence.State = EvidenceStates.Missed;
        Audit(data, $"evidence:{evidence.MaterialId}:missed", AuditActions.DeadlineMissed, what);
        calendar.Resume(data.Clock, evidence.MaterialId, time.GetUtcNow());
        if (data.Terms.SupplementOnMissed == MissedDeadlines.OfficerDecides)
        {
            EscalateToOfficer(data, $"ask:{evidence.MaterialId}", what, evidence.AskDue.Value);
            ScheduleClockChecks(data);
            return StepOutcome.Next;
        }

        Audit(data, "withdrawn", AuditActions.Withdrawn, what);
        Close(data, CaseOutcome.Withdrawn, what);
        return StepOutcome.Next;
    }
}
