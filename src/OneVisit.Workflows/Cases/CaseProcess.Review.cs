using OneVisit.Rules.Catalog;
using OneVisit.Workflows.Audit;
using OneVisit.Workflows.Visits;

namespace OneVisit.Workflows.Cases;

internal sealed partial class CaseProcess
{
    /// <summary>Route (or forward) to the competent authority and wait for an officer's decision.</summary>
    public async Task<StepOutcome> ReviewAsync(CaseData data, object? received, CancellationToken cancellationToken)
    {
        if (data.Stage == CaseStage.Closed || data.Decision is not null)
        {
            return StepOutcome.Next;
        }

        if (received is OfficerDecision decision)
        {
            data.Decision = decision;
            data.Clock.StoppedAt ??= time.GetUtcNow();
            var verdict = decision.Approved ? "approved" : $"refused: {decision.Reason}";
            await AuditAsync(data, "decided", AuditActions.Decided, verdict, cancellationToken, actor: decision.OfficerId).ConfigureAwait(false);
            if (!decision.Approved)
            {
                data.Outcome = CaseOutcome.Refused;
                data.OutcomeReason = decision.Reason;
            }

            return StepOutcome.Next;
        }

        data.Stage = CaseStage.UnderReview;
        if (data.ForwardedFromWindowId is { } window)
        {
            await AuditAsync(data, "forwarded", AuditActions.Forwarded, $"Handed in at {window}, forwarded to {data.AuthorityId}: the applicant is not sent elsewhere", cancellationToken, actor: window).ConfigureAwait(false);
        }

        await AuditAsync(data, "routed", AuditActions.Routed, $"With {data.AuthorityId} for decision", cancellationToken).ConfigureAwait(false);
        await SaveStageAsync(data, cancellationToken).ConfigureAwait(false);
        return StepOutcome.WaitFor(CaseEventNames.Decision, data.CaseId);
    }

    /// <summary>Deliver the result (a pickup is a visit) and close the case.</summary>
    public async Task<StepOutcome> DeliverAsync(CaseData data, object? received, CancellationToken cancellationToken)
    {
        if (data.Stage == CaseStage.Closed)
        {
            return StepOutcome.Next;
        }

        if (data.Outcome is { } outcome)
        {
            await CloseAsync(data, outcome, data.OutcomeReason ?? outcome.ToString(), cancellationToken).ConfigureAwait(false);
            return StepOutcome.Next;
        }

        if (data.Delivery != ResultDelivery.Pickup)
        {
            await AuditAsync(data, "delivered", AuditActions.Delivered, $"Result {DeliveryWords(data.Delivery)}", cancellationToken).ConfigureAwait(false);
            await CloseAsync(data, CaseOutcome.Approved, DeliveryWords(data.Delivery), cancellationToken).ConfigureAwait(false);
            return StepOutcome.Next;
        }

        if (received is PickedUp pickup)
        {
            await store.RecordVisitAsync($"{data.CaseId}:pickup", new VisitRecord(data.CaseId, data.ApplicantId, pickup.At, "pickup", data.WindowId), cancellationToken).ConfigureAwait(false);
            await AuditAsync(data, "picked-up", AuditActions.Delivered, "Result picked up at the office", cancellationToken, actor: "applicant").ConfigureAwait(false);
            await CloseAsync(data, CaseOutcome.Approved, "picked up", cancellationToken).ConfigureAwait(false);
            return StepOutcome.Next;
        }

        data.Stage = CaseStage.AwaitingPickup;
        await AuditAsync(data, "ready", AuditActions.Delivered, "Result ready for pickup", cancellationToken).ConfigureAwait(false);
        await SaveStageAsync(data, cancellationToken).ConfigureAwait(false);
        return StepOutcome.WaitFor(CaseEventNames.Pickup, data.CaseId);
    }

    private static string DeliveryWords(ResultDelivery delivery) => delivery switch
    {
        ResultDelivery.Mail => "sent by mail",
        ResultDelivery.ELicence => "issued as an e-licence",
        ResultDelivery.Online => "delivered online",
        _ => "ready for pickup",
    };
}
