using OneVisit.Rules.Catalog;
using OneVisit.Rules.Catalog.Internal;
using OneVisit.Rules.Expressions;

namespace OneVisit.Rules.Precheck.Internal;

/// <summary>How one presence step came out: whether it applies, and whether its remote alternative is available.</summary>
/// <param name="Needed">Whether the step's <c>when</c> holds (true when it has none).</param>
/// <param name="Remote">Whether its remote alternative's <c>when</c> holds (false when it has none).</param>
internal readonly record struct StepTruth(Truth Needed, Truth Remote);

/// <summary>
/// The one place that turns a procedure's presence steps, channels and result delivery into visits. The precheck
/// calls it with what the rules decided for one applicant; the service guide, through
/// <see cref="VisitPrediction.WorstCase"/>, with the worst case. So the guide's
/// "at most N visits" and the precheck's count cannot drift apart.
/// </summary>
internal static class VisitPlanner
{
    /// <summary>
    /// Visits are computed, never declared: every presence step that applies and that no remote alternative (or, for
    /// originals, data sharing) removes needs the applicant, and so does handing the application in when it is
    /// handed in at a window or the procedure offers no remote channel. Everything but a pickup happens on the visit
    /// to hand in; a pickup is a second trip unless the procedure decides on the spot (a time limit of 0 days).
    /// </summary>
    /// <param name="plan">The procedure's steps, prepared (<see cref="VisitTemplate.For"/>).</param>
    /// <param name="steps">How each of its presence steps came out, by index.</param>
    /// <param name="originalsOnPaper">Whether some original still has to be shown on paper (see <see cref="MaterialClasses.NeedsPaperOriginal"/>).</param>
    /// <param name="window">The window, when the application names one.</param>
    /// <param name="atWindow">Whether the application is handed in at a window: <paramref name="window"/> when known.</param>
    /// <param name="counted">Called with the index of each step that needs a trip, so the caller can ask what decides it.</param>
    public static VisitPrediction Plan(VisitTemplate plan, IReadOnlyList<StepTruth> steps, bool originalsOnPaper, bool atWindow, Window? window = null, Action<int, StepTruth>? counted = null)
    {
        var (handIn, pickup, avoided) = Sort(plan, steps, originalsOnPaper, counted);
        if (plan.HandIn(atWindow, window) is { } implied && !handIn.Exists(t => t.Step.Reason == PresenceReason.HandIn && t.Needed == Truth.True))
        {
            handIn.Insert(0, implied);
        }

        if (plan.ImpliedPickup is { } collect)
        {
            pickup.Add(collect);
        }

        var pickupVisit = handIn.Count > 0 && !plan.OnTheSpot ? 2 : 1;
        var reasons = new List<VisitReason>(handIn.Count + pickup.Count);
        foreach (var trip in handIn)
        {
            reasons.Add(trip.OnVisit(1));
        }

        foreach (var trip in pickup)
        {
            reasons.Add(trip.OnVisit(pickupVisit));
        }

        var count = pickup.Count > 0 ? pickupVisit : handIn.Count > 0 ? 1 : 0;
        return new VisitPrediction(count, reasons, avoided);
    }

    /// <summary>
    /// The most visits any applicant can need, as the general service guide states it: every step that may apply
    /// counts unless a remote alternative is always available, every original may be on paper unless the office
    /// prepares it or another member of a bundle passes it on (<paramref name="passedOn"/>, material ids), and the
    /// application is handed in at a window.
    /// </summary>
    public static VisitPrediction WorstCase(Procedure procedure, IReadOnlyDictionary<string, DocumentType> documents, IReadOnlySet<string>? passedOn = null)
    {
        var steps = procedure.Presence
            .Select(s => new StepTruth(
                s.When is null ? Truth.True : Truth.Unknown,
                s.RemoteAlternative is null ? Truth.False : s.RemoteAlternative.When is null ? Truth.True : Truth.Unknown))
            .ToList();
        var onPaper = procedure.Materials.Any(m => passedOn?.Contains(m.Id) != true &&
            documents.TryGetValue(m.DocumentId, out var document) && MaterialClasses.NeedsPaperOriginal(m, MaterialClasses.WorstCase(document), held: null));
        return Plan(VisitTemplate.For(procedure, parties: null), steps, onPaper, atWindow: true);
    }

    // The steps that apply, split into those done on the visit to hand in and pickups, and those a remote
    // alternative or shared originals remove.
    private static (List<VisitTemplate.Trip> HandIn, List<VisitTemplate.Trip> Pickup, List<AvoidedVisit> Avoided) Sort(VisitTemplate plan, IReadOnlyList<StepTruth> steps, bool originalsOnPaper, Action<int, StepTruth>? counted)
    {
        var (handIn, pickup, avoided) = (new List<VisitTemplate.Trip>(), new List<VisitTemplate.Trip>(), new List<AvoidedVisit>());
        for (var i = 0; i < plan.Steps.Length; i++)
        {
            var step = plan.Steps[i];
            var (needed, remote) = steps[i];
            if (needed == Truth.False)
            {
                continue;
            }

            if (remote == Truth.True)
            {
                avoided.Add(step.ByRemote!);
                continue;
            }

            if (step.Step.Reason == PresenceReason.Originals && !originalsOnPaper)
            {
                avoided.Add(step.ByOriginalsShared);
                continue;
            }

            counted?.Invoke(i, steps[i]);
            var trip = needed == Truth.True && remote == Truth.False ? step.Sure : step.Maybe;
            (step.Step.Reason == PresenceReason.Pickup ? pickup : handIn).Add(trip);
        }

        return (handIn, pickup, avoided);
    }
}
