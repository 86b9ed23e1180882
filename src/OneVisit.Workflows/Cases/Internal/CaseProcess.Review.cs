using OneVisit.Rules.Catalog;
using OneVisit.Workflows.Audit;
using OneVisit.Workflows.Storage;
using OneVisit.Workflows.Visits;

namespace OneVisit.Workflows.Cases.Internal;

internal sealed partial class CaseProcess
{
    /// <summary>Route (or forward) to the competent authority and wait for an officer's decision.</summary>
    public Task<StepOutcome> ReviewAsync(CaseData data, object? received, CancellationToken cancellationToken)
    {
        if (data.Stage == CaseStage.Closed || data.Decision is not null)
        {
            return Task.FromResult(StepOutcome.Next);
        }

        if (received is CaseDecision decision)
        {
            data.Decision = decision;
            data.Clock.StoppedAt ??= time.GetUtcNow();
            var verdict = decision.Approved ? "approved" : $"refused: {decision.Reason}";
            Audit(data, "decided", AuditActions.Decided, $"{verdict} (for {decision.AuthorityId})", actor: "officer:" + decision.OfficerId);
            if (!decision.Approved)
            {
                data.Outcome = CaseOutcome.Refused;
                data.OutcomeReason = decision.Reason;
            }

            return Task.FromResult(StepOutcome.Next);
        }

        data.Stage = CaseStage.UnderReview;
        if (data.ForwardedFromWindowId is { } window)
        {
            Audit(data, "forwarded", AuditActions.Forwarded, $"Handed in at {window}, forwarded to {data.AuthorityId}: the applicant is not sent elsewhere", actor: window);
        }

        Audit(data, "routed", AuditActions.Routed, $"With {data.AuthorityId} for decision" + (data.ForOfficer.Count > 0 ? "; to weigh: " + string.Join("; ", data.ForOfficer) : ""));
        SaveStage(data);
        return Task.FromResult(StepOutcome.WaitFor(CaseEventNames.Decision, data.CaseId));
    }

    /// <summary>Deliver the result (a pickup is a visit) and close the case.</summary>
    public Task<StepOutcome> DeliverAsync(CaseData data, object? received, CancellationToken cancellationToken)
    {
        if (data.Stage == CaseStage.Closed)
        {
            return Task.FromResult(StepOutcome.Next);
        }

        if (data.Outcome is { } outcome)
        {
            Close(data, outcome, data.OutcomeReason ?? outcome.ToString());
            return Task.FromResult(StepOutcome.Next);
        }

        if (data.DeliveredByBundle)
        {
            Audit(data, "delivered", AuditActions.Delivered, $"Result held for the one delivery of bundle case {data.BundleCaseId}");
            Close(data, CaseOutcome.Approved, $"delivered with bundle case {data.BundleCaseId}");
            return Task.FromResult(StepOutcome.Next);
        }

        if (data.Delivery != ResultDelivery.Pickup)
        {
            Audit(data, "delivered", AuditActions.Delivered, $"Result {DeliveryWords(data.Delivery)}");
            Close(data, CaseOutcome.Approved, DeliveryWords(data.Delivery));
            return Task.FromResult(StepOutcome.Next);
        }

        switch (received)
        {
            case PickedUp pickup:
                data.Writes.RecordVisit($"{data.CaseId}:pickup", new VisitRecord(data.CaseId, data.ApplicantId, pickup.At, "pickup", data.WindowId));
                Audit(data, "picked-up", AuditActions.Delivered, "Result picked up at the office", actor: pickup.By ?? "applicant");
                Close(data, CaseOutcome.Approved, "picked up");
                return Task.FromResult(StepOutcome.Next);
            case CaseTimeout:
                // The decision stands; the office keeps the result (or mails it, by its own rules) and the case ends.
                var what = $"not collected by the end of {calendar.LastDay(data.PickupDue!.Value):yyyy-MM-dd}; the result is kept at the office";
                Audit(data, "pickup-missed", AuditActions.DeadlineMissed, what);
                Close(data, CaseOutcome.Approved, what);
                return Task.FromResult(StepOutcome.Next);
        }

        if (data.Stage != CaseStage.AwaitingPickup)
        {
            data.Stage = CaseStage.AwaitingPickup;
            data.PickupDue = calendar.WorkingDaysAfter(time.GetUtcNow(), Options.PickupWorkingDays);
            ArmDeadline(data, "pickup", data.PickupDue.Value, CaseEventNames.Pickup, data.CaseId);
            Audit(data, "ready", AuditActions.Delivered, $"Result ready for pickup, by the end of {calendar.LastDay(data.PickupDue.Value):yyyy-MM-dd}");
            SaveStage(data);
        }

        return Task.FromResult(StepOutcome.WaitFor(CaseEventNames.Pickup, data.CaseId));
    }

    private static string DeliveryWords(ResultDelivery delivery) => delivery switch
    {
        ResultDelivery.Mail => "sent by mail",
        ResultDelivery.ELicence => "issued as an e-licence",
        ResultDelivery.Online => "delivered online",
        _ => "ready for pickup",
    };
}
