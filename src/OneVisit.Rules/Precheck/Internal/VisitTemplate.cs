using OneVisit.Rules.Catalog;
using OneVisit.Rules.Catalog.Internal;
using OneVisit.Rules.Expressions;

namespace OneVisit.Rules.Precheck.Internal;

/// <summary>
/// What <see cref="VisitPlanner"/> says about a procedure's steps whatever the applicant's answers: each step's trip
/// with its reason, why a remote alternative or shared originals avoid it, and the trips to hand in and to collect
/// that no step declares. A compiled procedure keeps one, so a precheck only chooses among them; reasons carry rule
/// names and texts that would otherwise be built again for every check.
/// </summary>
internal sealed class VisitTemplate
{
    private readonly Procedure _procedure;
    private readonly Trip? _noRemoteChannel;
    private readonly Trip _atWindow;

    private VisitTemplate(Procedure procedure, IReadOnlyDictionary<string, Party>? parties)
    {
        _procedure = procedure;
        Steps = [.. procedure.Presence.Select(step => new PlannedStep(procedure, step, parties))];
        _noRemoteChannel = procedure.Channels.Any(Presence.IsRemote) ? null : HandInTrip(procedure, NoRemoteChannelText(procedure));
        _atWindow = HandInTrip(procedure, new("到窗口提交申请", "The application is handed in at a window"));
        ImpliedPickup = ImpliedPickupTrip(procedure);
        var limit = procedure.TimeLimits.Promised ?? procedure.TimeLimits.Statutory;
        OnTheSpot = limit is { Days: 0 };
    }

    /// <summary>The procedure's presence steps, in its order.</summary>
    public PlannedStep[] Steps { get; }

    /// <summary>A result that can only be collected is a pickup even when no presence step says so; null otherwise.</summary>
    public Trip? ImpliedPickup { get; }

    /// <summary>Whether the procedure decides on the spot (a time limit of 0 days), so collecting shares the visit to hand in.</summary>
    public bool OnTheSpot { get; }

    /// <summary>The plan of <paramref name="procedure"/>; <paramref name="parties"/> name who must come for a party's step.</summary>
    public static VisitTemplate For(Procedure procedure, IReadOnlyDictionary<string, Party>? parties) => new(procedure, parties);

    /// <summary>
    /// Handing in is itself a trip when the procedure cannot be applied for remotely, or the applicant is at a window
    /// (named in the reason when known); null when it can be done from home.
    /// </summary>
    public Trip? HandIn(bool atWindow, Window? window) =>
        _noRemoteChannel
        ?? (!atWindow ? null
            : window is null ? _atWindow
            : HandInTrip(_procedure, new($"在{window.Name.Text}提交申请", $"The application is handed in at {window.Name.EnglishOrText}")));

    private static LocalizedText NoRemoteChannelText(Procedure procedure)
    {
        var channels = string.Join(", ", procedure.Channels.Select(CatalogWords.Of));
        return new(
            "本事项不提供网上、掌上或邮寄申请，须本人到窗口或自助终端提交申请",
            $"The procedure offers no online, mobile or postal channel (channels: {(channels.Length == 0 ? "none" : channels)}): the application is handed in in person");
    }

    private static Trip HandInTrip(Procedure procedure, LocalizedText text)
    {
        var step = new PresenceStep(Presence.HandInId, PresenceReason.HandIn, null, null, null, procedure.Location);
        return new Trip(step, Truth.True, new Reason(RuleNames.HandIn(procedure.Code), text, null, procedure.Location, procedure.LegalBasis), party: null);
    }

    private static Trip? ImpliedPickupTrip(Procedure procedure)
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
            procedure.LegalBasis), party: null);
    }

    /// <summary>A presence step: its trip when surely or possibly needed, and why it is avoided when it is.</summary>
    internal sealed class PlannedStep
    {
        public PlannedStep(Procedure procedure, PresenceStep step, IReadOnlyDictionary<string, Party>? parties)
        {
            Step = step;
            var why = new Reason(RuleNames.Presence(procedure.Code, step.Id), step.Why ?? new(CatalogWords.Of(step.Reason)), step.When?.Text, step.Location, procedure.LegalBasis);
            var party = step.Party is { } p ? parties?.GetValueOrDefault(p) : null;
            Sure = new Trip(step, Truth.True, why, party);
            Maybe = new Trip(step, Truth.Unknown, why, party);
            ByRemote = step.RemoteAlternative is { } alternative
                ? new AvoidedVisit(step.Id, step.Reason, new Reason(RuleNames.RemoteAlternative(procedure.Code, step.Id), alternative.Description, alternative.When?.Text, alternative.Location, procedure.LegalBasis))
                : null;
            ByOriginalsShared = new AvoidedVisit(step.Id, step.Reason, new Reason(
                RuleNames.OriginalsShared(procedure.Code, step.Id),
                new("所需原件均经数据共享或电子证照核验", "Every original needed is verified through data sharing or an e-licence"),
                null,
                step.Location,
                procedure.LegalBasis));
        }

        public PresenceStep Step { get; }

        /// <summary>The trip when the step surely applies and no remote alternative may hold.</summary>
        public Trip Sure { get; }

        /// <summary>The trip counted only to be safe: the step or its alternative depends on open questions.</summary>
        public Trip Maybe { get; }

        /// <summary>Why the step is avoided when its remote alternative holds; null when it has none.</summary>
        public AvoidedVisit? ByRemote { get; }

        /// <summary>Why an originals step is avoided when no original has to be shown on paper.</summary>
        public AvoidedVisit ByOriginalsShared { get; }
    }

    /// <summary>A step that needs the applicant in person: whether surely, why, and who must come.</summary>
    internal sealed class Trip(PresenceStep step, Truth needed, Reason why, Party? party)
    {
        private readonly VisitReason?[] _onVisit = new VisitReason?[2];

        public PresenceStep Step => step;

        public Truth Needed => needed;

        /// <summary>The trip as the reason for visit 1 or 2; made once for each.</summary>
        public VisitReason OnVisit(int visit) =>
            _onVisit[visit - 1] ??= new VisitReason(step.Id, step.Reason, visit, needed, why) { Party = party };
    }
}
