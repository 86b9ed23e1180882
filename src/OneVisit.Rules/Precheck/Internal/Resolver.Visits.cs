using OneVisit.Rules.Catalog;
using OneVisit.Rules.Expressions;

namespace OneVisit.Rules.Precheck.Internal;

internal sealed partial class Resolver
{
    private const string ImpliedPickupId = "result_pickup";

    // Visits are computed, never declared: every presence step that applies and that no remote alternative (or,
    // for originals, data sharing) removes needs the applicant. Everything but a pickup happens on the visit to
    // hand in; a pickup is a second trip unless the procedure decides on the spot (a time limit of 0 days).
    private static VisitPrediction Visits(ProcedureRules rules, PrecheckApplication app, IReadOnlyList<MaterialResult> materials, QuestionCollector questions)
    {
        var procedure = rules.Procedure;
        var handIn = new List<(PresenceStep Step, Truth Needed, Reason Why)>();
        var pickup = new List<(PresenceStep Step, Truth Needed, Reason Why)>();
        var avoided = new List<AvoidedVisit>();
        for (var i = 0; i < procedure.Presence.Count; i++)
        {
            var step = procedure.Presence[i];
            var needed = app.TruthOf(rules.Presence[i]);
            if (needed == Truth.False)
            {
                continue;
            }

            var remote = app.TruthOf(rules.Remote[i]);
            if (remote == Truth.True)
            {
                var alternative = step.RemoteAlternative!;
                avoided.Add(new AvoidedVisit(step.Id, step.Reason, new Reason(RuleNames.RemoteAlternative(procedure.Code, step.Id), alternative.Description, alternative.When?.Text, alternative.Location, procedure.LegalBasis)));
                continue;
            }

            if (step.Reason == PresenceReason.Originals && !materials.Any(NeedsPaperOriginal))
            {
                avoided.Add(new AvoidedVisit(step.Id, step.Reason, new Reason(
                    RuleNames.OriginalsShared(procedure.Code, step.Id),
                    new("所需原件均经数据共享或电子证照核验", "Every original needed is verified through data sharing or an e-licence"),
                    null,
                    step.Location,
                    procedure.LegalBasis)));
                continue;
            }

            if (remote == Truth.Unknown)
            {
                questions.Undecided(rules, rules.Remote[i], QuestionCollector.PresenceWeight);
            }

            if (needed == Truth.Unknown)
            {
                questions.Undecided(rules, rules.Presence[i], QuestionCollector.PresenceWeight);
            }

            var why = new Reason(RuleNames.Presence(procedure.Code, step.Id), step.Why ?? new(CatalogWords.Of(step.Reason)), step.When?.Text, step.Location, procedure.LegalBasis);
            var needs = needed == Truth.True && remote == Truth.False ? Truth.True : Truth.Unknown;
            (step.Reason == PresenceReason.Pickup ? pickup : handIn).Add((step, needs, why));
        }

        // A result that can only be collected is a pickup even when no presence step says so.
        if (procedure.ResultDelivery.All(d => d == ResultDelivery.Pickup) && !procedure.Presence.Any(s => s.Reason == PresenceReason.Pickup))
        {
            var step = new PresenceStep(ImpliedPickupId, PresenceReason.Pickup, null, null, null, procedure.Location);
            pickup.Add((step, Truth.True, new Reason(
                RuleNames.ResultDelivery(procedure.Code),
                new("结果只能现场领取", "The result can only be collected in person"),
                null,
                procedure.Location,
                procedure.LegalBasis)));
        }

        var limit = procedure.TimeLimits.Promised ?? procedure.TimeLimits.Statutory;
        var onTheSpot = limit is { Days: 0 };
        var pickupVisit = handIn.Count > 0 && !onTheSpot ? 2 : 1;
        var reasons = handIn.Select(s => new VisitReason(s.Step.Id, s.Step.Reason, 1, s.Needed, s.Why))
            .Concat(pickup.Select(s => new VisitReason(s.Step.Id, s.Step.Reason, pickupVisit, s.Needed, s.Why)))
            .ToList();
        var count = reasons.Count == 0 ? 0 : reasons.Max(r => r.Visit);
        return new VisitPrediction(count, reasons, avoided);
    }

    // An original the applicant still has to show on paper: held on paper, or not yet obtained.
    private static bool NeedsPaperOriginal(MaterialResult material) =>
        material.Material.Form == MaterialForm.Original
        && material.Status switch
        {
            MaterialStatus.Held or MaterialStatus.Converted => material.Held is { Electronic: false },
            MaterialStatus.Missing or MaterialStatus.Outdated or MaterialStatus.Undecided => true,
            _ => false,
        };
}
