using OneVisit.Rules.Catalog;

namespace OneVisit.Rules.Precheck.Internal;

/// <summary>
/// Counts the trips of a whole matter from its members' own touchpoints (research §1.4): touchpoints before
/// acceptance merge at the bundle's acceptance point; results delivered together merge into one collection; a new
/// trip is needed only when a touchpoint needs a paper result the citizen must carry (a later wave), or happens at a
/// different place. Each member's own count is kept beside it, and their sum is the naive count.
/// </summary>
internal static class BundleTrips
{
    private const string AcceptanceKey = "accept";

    public static BundleVisits Count(Bundle bundle, IReadOnlyList<BundleMemberResult> goingAhead, ProcedureCatalog catalog, Window? acceptance) =>
        Count(bundle, [.. goingAhead.Select(m => new MemberVisits(m.Procedure, m.Result!.Visits, OwnPlace(m.Result.Routing)))], catalog, acceptance);

    /// <summary>
    /// The most trips any applicant of <paramref name="bundle"/> can need, as its guide states them: every member
    /// included, each with its own worst case (a result passed on by a member that is always there needs no original),
    /// each member at a place of its own unless the bundle has an acceptance point, and the joint application handed
    /// in in person. The naive sum is what each member's own guide states.
    /// </summary>
    public static BundleVisits WorstCase(Bundle bundle, ProcedureCatalog catalog)
    {
        var acceptance = bundle.Acceptance?.WindowId is { } windowId ? catalog.Windows[windowId] : null;
        var always = bundle.Members.Where(m => m.When is null && !m.Optional).Select(m => m.ProcedureCode).ToHashSet(StringComparer.Ordinal);
        var members = bundle.InDependencyOrder().Select(m =>
        {
            var procedure = catalog.Procedures[m.ProcedureCode];
            var passedOn = bundle.FlowsInto(procedure.Code).Where(f => f.PassedOn && always.Contains(f.FromProcedure)).Select(f => f.ToMaterial).ToHashSet(StringComparer.Ordinal);
            var authority = catalog.Authorities[procedure.Jurisdiction.DefaultAuthorityId];
            return new MemberVisits(procedure, VisitPlanner.WorstCase(procedure, catalog.Documents, passedOn), ($"member:{procedure.Code}", authority.Name));
        }).ToList();
        var own = members.ToDictionary(m => m.Procedure.Code, m => VisitPlanner.WorstCase(m.Procedure, catalog.Documents).Count, StringComparer.Ordinal);
        return Count(bundle, members, catalog, acceptance) with { NaiveSum = own.Values.Sum(), PerMember = own };
    }

    private static BundleVisits Count(Bundle bundle, IReadOnlyList<MemberVisits> goingAhead, ProcedureCatalog catalog, Window? acceptance)
    {
        var byCode = goingAhead.ToDictionary(m => m.Procedure.Code, StringComparer.Ordinal);
        var waves = Waves(bundle, goingAhead, byCode);
        var trips = new Dictionary<(int Wave, string Place), Trip>();
        var unified = new List<(int Wave, BundleTouchpoint Touch)>();
        foreach (var member in goingAhead)
        {
            var wave = waves[member.Procedure.Code];
            foreach (var reason in member.Visits.Reasons)
            {
                var touch = new BundleTouchpoint(member.Procedure.Code, reason);
                if (reason.Reason == PresenceReason.Pickup)
                {
                    var ready = wave + (OnTheSpot(member.Procedure) ? 0 : 1);
                    if (bundle.Delivery == BundleDelivery.Unified)
                    {
                        unified.Add((ready, touch));
                    }
                    else
                    {
                        Add(trips, ready, member.OwnPlace, () => Collect(member), touch);
                    }

                    continue;
                }

                // With one acceptance the member is applied for with the others; only showing the carried paper
                // original has to wait for it. Without one, the member cannot be applied for before the paper exists.
                var at = bundle.Acceptance is null || reason.Reason == PresenceReason.Originals ? wave : 1;
                var place = HandInPlace(bundle, member, acceptance);
                Add(trips, at, place, () => at == 1 ? HandIn(bundle, member, place.Name) : Carried(bundle, member, byCode, catalog), touch);
            }
        }

        if (unified.Count > 0)
        {
            // 统一出件: one collection of every result, once the last one is ready, where the matter was accepted.
            var last = unified.Max(u => u.Wave);
            var place = acceptance is not null || bundle.Acceptance is not null
                ? (AcceptanceKey, AcceptancePlace(bundle, acceptance))
                : ($"authority:{bundle.LeadAuthorityId}", catalog.Authorities[bundle.LeadAuthorityId].Name);
            foreach (var (_, touch) in unified)
            {
                Add(trips, last, place, static () => new("统一出件：一次领取全部结果", "Unified delivery: every result is collected at once"), touch);
            }
        }

        var numbered = trips.OrderBy(t => t.Key.Wave).ThenBy(t => t.Value.Order)
            .Select((t, i) => new BundleTrip(i + 1, t.Value.Place, t.Value.Why, t.Value.Touchpoints) { Wave = t.Key.Wave })
            .ToList();
        var perMember = goingAhead.ToDictionary(m => m.Procedure.Code, m => m.Visits.Count, StringComparer.Ordinal);
        return new BundleVisits(numbered.Count, numbered, perMember.Values.Sum(), perMember);
    }

    // A member starts in the first wave unless the citizen must carry another member's paper result to it: then it
    // waits for the wave in which that result is ready (the same wave when the issuer decides on the spot).
    private static Dictionary<string, int> Waves(Bundle bundle, IReadOnlyList<MemberVisits> goingAhead, Dictionary<string, MemberVisits> byCode)
    {
        var waves = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var member in goingAhead)
        {
            // goingAhead is in dependency order, so every producer already has its wave.
            var wave = 1;
            foreach (var flow in bundle.FlowsInto(member.Procedure.Code).Where(f => !f.PassedOn && byCode.ContainsKey(f.FromProcedure)))
            {
                var producer = byCode[flow.FromProcedure];
                wave = Math.Max(wave, waves[flow.FromProcedure] + (OnTheSpot(producer.Procedure) ? 0 : 1));
            }

            waves[member.Procedure.Code] = wave;
        }

        return waves;
    }

    private static bool OnTheSpot(Procedure procedure) => (procedure.TimeLimits.Promised ?? procedure.TimeLimits.Statutory) is { Days: 0 };

    private static (string Key, LocalizedText Name) HandInPlace(Bundle bundle, MemberVisits member, Window? acceptance) =>
        bundle.Acceptance is not null ? (AcceptanceKey, AcceptancePlace(bundle, acceptance)) : member.OwnPlace;

    private static LocalizedText AcceptancePlace(Bundle bundle, Window? acceptance) =>
        acceptance?.Name ?? new LocalizedText($"{bundle.Name.Text}联办受理点", $"the joint acceptance point of {bundle.Name.EnglishOrText}");

    private static (string Key, LocalizedText Name) OwnPlace(RoutingResult routing) =>
        routing.Window is { } window ? ($"window:{window.Id}", window.Name) : ($"authority:{routing.Authority.Id}", routing.Authority.Name);

    private static LocalizedText HandIn(Bundle bundle, MemberVisits member, LocalizedText place) =>
        bundle.Acceptance is not null
            ? new($"一窗受理：在{place.Text}一次提交全部事项", $"One acceptance: the whole matter is handed in at once at {place.EnglishOrText}")
            : new($"{member.Procedure.Name.Text}在{place.Text}办理，没有联办受理点", $"{member.Procedure.Name.EnglishOrText} is applied for at {place.EnglishOrText}: the bundle has no joint acceptance point");

    private static LocalizedText Carried(Bundle bundle, MemberVisits member, Dictionary<string, MemberVisits> byCode, ProcedureCatalog catalog)
    {
        var flow = bundle.FlowsInto(member.Procedure.Code).First(f => !f.PassedOn && byCode.ContainsKey(f.FromProcedure));
        var producer = byCode[flow.FromProcedure].Procedure;
        var document = catalog.Documents[flow.DocumentId].Name;
        return new(
            $"须先取得{producer.Name.Text}的纸质结果（{document.Text}）并由申请人携带，部门之间未电子传递",
            $"Needs the paper {document.EnglishOrText} from {producer.Name.EnglishOrText} first, carried by the applicant: it is not passed on electronically");
    }

    private static LocalizedText Collect(MemberVisits member) =>
        new($"领取{member.Procedure.Name.Text}的结果", $"Collect the result of {member.Procedure.Name.EnglishOrText}");

    // The reason is worded once per trip, when its first touchpoint opens it, not for every touchpoint.
    private static void Add(Dictionary<(int, string), Trip> trips, int wave, (string Key, LocalizedText Name) place, Func<LocalizedText> why, BundleTouchpoint touch)
    {
        if (!trips.TryGetValue((wave, place.Key), out var trip))
        {
            trip = new Trip(place.Name, why(), trips.Count);
            trips[(wave, place.Key)] = trip;
        }

        trip.Touchpoints.Add(touch);
    }

    // What the trip count needs of a member: its touchpoints, and where it is applied for on its own.
    private sealed record MemberVisits(Procedure Procedure, VisitPrediction Visits, (string Key, LocalizedText Name) OwnPlace);

    private sealed class Trip(LocalizedText place, LocalizedText why, int order)
    {
        public LocalizedText Place { get; } = place;

        public LocalizedText Why { get; } = why;

        public int Order { get; } = order;

        public List<BundleTouchpoint> Touchpoints { get; } = [];
    }
}
