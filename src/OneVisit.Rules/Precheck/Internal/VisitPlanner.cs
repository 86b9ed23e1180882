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
    /// <param name="procedure">The procedure.</param>
    /// <param name="steps">How each of its presence steps came out, by index.</param>
    /// <param name="originalsOnPaper">Whether some original still has to be shown on paper (see <see cref="MaterialClasses.NeedsPaperOriginal"/>).</param>
    /// <param name="atWindow">Whether the application is handed in at a window: <paramref name="window"/> when known.</param>
    /// <param name="window">The window, when the application names one.</param>
    /// <param name="counted">Called with the index of each step that needs a trip, so the caller can ask what decides it.</param>
    /// <param name="parties">The catalogue's parties, to name who must come for a party's step.</param>
    public static VisitPrediction Plan(Procedure procedure, IReadOnlyList<StepTruth> steps, bool originalsOnPaper, bool atWindow, Window? window = null, Action<int, StepTruth>? counted = null, IReadOnlyDictionary<string, Party>? parties = null)
    {
        var (handIn, pickup, avoided) = Sort(procedure, steps, originalsOnPaper, counted);
        if (HandIn(procedure, atWindow, window) is { } implied && !handIn.Any(t => t.Step.Reason == PresenceReason.HandIn && t.Needed == Truth.True))
        {
            handIn.Insert(0, implied);
        }

        if (ImpliedPickup(procedure) is { } collect)
        {
            pickup.Add(collect);
        }

        var limit = procedure.TimeLimits.Promised ?? procedure.TimeLimits.Statutory;
        var onTheSpot = limit is { Days: 0 };
        var pickupVisit = handIn.Count > 0 && !onTheSpot ? 2 : 1;
        var reasons = handIn.Select(t => Reason(t, 1))
            .Concat(pickup.Select(t => Reason(t, pickupVisit)))
            .ToList();
        var count = reasons.Count == 0 ? 0 : reasons.Max(r => r.Visit);
        return new VisitPrediction(count, reasons, avoided);

        VisitReason Reason(Trip trip, int visit) => new(trip.Step.Id, trip.Step.Reason, visit, trip.Needed, trip.Why)
        {
            Party = trip.Step.Party is { } party ? parties?.GetValueOrDefault(party) : null,
        };
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
        return Plan(procedure, steps, onPaper, atWindow: true);
    }

    // The steps that apply, split into those done on the visit to hand in and pickups, and those a remote
    // alternative or shared originals remove.
    private static (List<Trip> HandIn, List<Trip> Pickup, List<AvoidedVisit> Avoided) Sort(Procedure procedure, IReadOnlyList<StepTruth> steps, bool originalsOnPaper, Action<int, StepTruth>? counted)
    {
        var (handIn, pickup, avoided) = (new List<Trip>(), new List<Trip>(), new List<AvoidedVisit>());
        for (var i = 0; i < procedure.Presence.Count; i++)
        {
            var step = procedure.Presence[i];
            var (needed, remote) = steps[i];
            if (needed == Truth.False)
            {
                continue;
            }

            if (remote == Truth.True)
            {
                var alternative = step.RemoteAlternative!;
                avoided.Add(new AvoidedVisit(step.Id, step.Reason, new Reason(RuleNames.RemoteAlternative(procedure.Code, step.Id), alternative.Description, alternative.When?.Text, alternative.Location, procedure.LegalBasis)));
                continue;
            }

            if (step.Reason == PresenceReason.Originals && !originalsOnPaper)
            {
                avoided.Add(new AvoidedVisit(step.Id, step.Reason, new Reason(
                    RuleNames.OriginalsShared(procedure.Code, step.Id),
                    new("所需原件均经数据共享或电子证照核验", "Every original needed is verified through data sharing or an e-licence"),
                    null,
                    step.Location,
                    procedure.LegalBasis)));
                continue;
            }

            counted?.Invoke(i, steps[i]);
            var why = new Reason(RuleNames.Presence(procedure.Code, step.Id), step.Why ?? new(CatalogWords.Of(step.Reason)), step.When?.Text, step.Location, procedure.LegalBasis);
            var needs = needed == Truth.True && remote == Truth.False ? Truth.True : Truth.Unknown;
            (step.Reason == PresenceReason.Pickup ? pickup : handIn).Add(new Trip(step, needs, why));
        }

        return (handIn, pickup, avoided);
    }

    // A result that can only be collected is a pickup even when no presence step says so.
    private static Trip? ImpliedPickup(Procedure procedure)
    {
        if (!procedure.ResultDelivery.All(d => d == ResultDelivery.Pickup) || procedure.Presence.Any(s => s.Reason == PresenceReason.Pickup))
        {
            return null;
        }

        var step = new PresenceStep(Presence.ImpliedPickupId, PresenceReason.Pickup, null, null, null, procedure.Location);
        return new Trip(step, Truth.True, new Reason(
            RuleNames.ResultDelivery(procedure.Code),
            new("结果只能现场领取", "The result can only be collected in person"),
            null,
            procedure.Location,
            procedure.LegalBasis));
    }

    // Handing in is itself a trip when the procedure cannot be applied for remotely, or the applicant is at a window.
    private static Trip? HandIn(Procedure procedure, bool atWindow, Window? window)
    {
        LocalizedText text;
        if (!procedure.Channels.Any(Presence.IsRemote))
        {
            var channels = string.Join(", ", procedure.Channels.Select(CatalogWords.Of));
            text = new(
                "本事项不提供网上、掌上或邮寄申请，须本人到窗口或自助终端提交申请",
                $"The procedure offers no online, mobile or postal channel (channels: {(channels.Length == 0 ? "none" : channels)}): the application is handed in in person");
        }
        else if (atWindow)
        {
            text = window is null
                ? new("到窗口提交申请", "The application is handed in at a window")
                : new($"在{window.Name.Text}提交申请", $"The application is handed in at {window.Name.EnglishOrText}");
        }
        else
        {
            return null;
        }

        var step = new PresenceStep(Presence.HandInId, PresenceReason.HandIn, null, null, null, procedure.Location);
        return new Trip(step, Truth.True, new Reason(RuleNames.HandIn(procedure.Code), text, null, procedure.Location, procedure.LegalBasis));
    }

    /// <summary>A step that needs the applicant in person: whether surely, and why.</summary>
    private sealed record Trip(PresenceStep Step, Truth Needed, Reason Why);
}
