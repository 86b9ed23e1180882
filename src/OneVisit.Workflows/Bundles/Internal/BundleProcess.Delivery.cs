using OneVisit.Rules.Catalog;
using OneVisit.Workflows.Audit;
using OneVisit.Workflows.Cases;
using OneVisit.Workflows.Cases.Internal;
using OneVisit.Workflows.Visits;

namespace OneVisit.Workflows.Bundles.Internal;

internal sealed partial class BundleProcess
{
    /// <summary>Once every member has ended: one delivery of every result (a pickup at the window is one visit), and close.</summary>
    public Task<StepOutcome> DeliverAsync(BundleData data, object? received, CancellationToken cancellationToken)
    {
        if (data.Stage == CaseStage.Closed)
        {
            return Task.FromResult(StepOutcome.Next);
        }

        var going = data.Members.Where(m => m.State != BundleMemberState.NotIncluded).ToList();
        var done = going.Count(m => m.State == BundleMemberState.Done);
        if (done == 0)
        {
            Close(data, CaseOutcome.Refused, "no member was approved: " + string.Join("; ", going.Select(m => $"{m.ProcedureCode} {m.Why}")));
            return Task.FromResult(StepOutcome.Next);
        }

        var approved = going.Where(m => m.State == BundleMemberState.Done).ToList();
        var outcome = done == going.Count ? CaseOutcome.Approved : CaseOutcome.PartlyApproved;
        var results = $"{done} of {going.Count} member(s) approved";
        if (!data.DeliversOnce)
        {
            Close(data, outcome, $"{results}; each member delivered its own result");
            return Task.FromResult(StepOutcome.Next);
        }

        // As the precheck counts it: each result goes its member's own way, all released together, and only those
        // that must be collected bring the applicant back, once, to the bundle's window.
        var sent = string.Join(", ", approved.Where(m => m.Delivery != ResultDelivery.Pickup).Select(m => $"{m.ProcedureCode} {DeliveryWords(m.Delivery)}"));
        if (approved.TrueForAll(m => m.Delivery != ResultDelivery.Pickup))
        {
            Audit(data, "delivered", AuditActions.Delivered, $"Results of {done} member(s) released together: {sent}");
            Close(data, outcome, $"{results}; delivered together without a trip");
            return Task.FromResult(StepOutcome.Next);
        }

        switch (received)
        {
            case PickedUp pickup:
                data.Writes.RecordVisit($"{data.BundleCaseId}:pickup", new VisitRecord(data.BundleCaseId, data.ApplicantId, pickup.At, "pickup", data.WindowId));
                Audit(data, "picked-up", AuditActions.Delivered, $"Results picked up at once at {data.WindowId ?? "the window"}: {string.Join(", ", approved.Where(m => m.Delivery == ResultDelivery.Pickup).Select(m => m.ProcedureCode))}" + (sent.Length > 0 ? $"; sent the same day: {sent}" : ""), actor: pickup.By ?? "applicant");
                Close(data, outcome, $"{results}; picked up at once");
                return Task.FromResult(StepOutcome.Next);
            case CaseTimeout:
                var kept = $"{results}; not collected by the end of {calendar.LastDay(data.PickupDue!.Value):yyyy-MM-dd}, kept at the window";
                Audit(data, "pickup-missed", AuditActions.DeadlineMissed, kept);
                Close(data, outcome, kept);
                return Task.FromResult(StepOutcome.Next);
        }

        if (data.Stage != CaseStage.AwaitingPickup)
        {
            data.Stage = CaseStage.AwaitingPickup;
            data.PickupDue = calendar.WorkingDaysAfter(time.GetUtcNow(), Options.PickupWorkingDays);
            ArmDeadline(data, "pickup", data.PickupDue.Value, BundleEventNames.Pickup, BundleEventNames.PickupKey(data.BundleCaseId));
            Audit(data, "ready", AuditActions.Delivered, $"Results ready to collect together at {data.WindowId ?? "the window"}, by the end of {calendar.LastDay(data.PickupDue.Value):yyyy-MM-dd}");
            SaveStage(data);
        }

        return Task.FromResult(StepOutcome.WaitFor(BundleEventNames.Pickup, BundleEventNames.PickupKey(data.BundleCaseId)));
    }

    private static string DeliveryWords(ResultDelivery? delivery) => delivery switch
    {
        ResultDelivery.Mail => "by mail",
        ResultDelivery.ELicence => "as an e-licence",
        ResultDelivery.Online => "online",
        _ => "at the window",
    };
}
