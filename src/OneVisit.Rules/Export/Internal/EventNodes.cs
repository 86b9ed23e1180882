using System.Globalization;
using OneVisit.Rules.Catalog;

namespace OneVisit.Rules.Export.Internal;

/// <summary>
/// A bundle (一件事) as the event it serves: a person's as <c>cv:LifeEvent</c>, a company's as <c>cv:BusinessEvent</c>
/// (the bundle's <c>event.kind</c>), grouping its member services; each flow of a result between members makes the
/// consumer <c>dct:requires</c> the producer, and is described in the extension vocabulary.
/// </summary>
internal static class EventNodes
{
    public static void Add(ExportSession s, Bundle bundle)
    {
        var iri = s.Iris.Event(bundle.Code);
        var kind = bundle.Event.Kind == LifeEventKind.Business ? Cv.BusinessEvent : Cv.LifeEvent;

        // cv:Event as well, so that cv:isGroupedBy's class holds for a validator that does not infer subclasses.
        var matter = s.Graph.Add(iri, GraphSection.Events, kind, Cv.Event)
            .Add(Dct.Identifier, LdValue.String(bundle.Code))
            .Add(Other.VersionInfo, LdValue.String(bundle.Version.ToString(CultureInfo.InvariantCulture)))
            .Add(Dct.Title, s.Texts.Of(bundle.Name))
            .Add(Dct.Description, s.Texts.Of(bundle.Event.Name))
            .Add(Cv.HasRelatedService, bundle.Members.Select(m => LdValue.Ref(s.Iris.Service(m.ProcedureCode))))
            .Add(Ov.OptionalService, bundle.Members.Where(m => m.Optional).Select(m => LdValue.Ref(s.Iris.Service(m.ProcedureCode))))
            .Add(Ov.LeadAuthority, SharedNodes.Organisation(s, bundle.LeadAuthorityId))
            .Add(Ov.Delivery, LdValue.String(CatalogWords.Of(bundle.Delivery)))
            .Add(Ov.EffectiveFrom, LdValue.Date(bundle.EffectiveFrom))
            .Add(Ov.EffectiveUntil, bundle.EffectiveUntil is { } until ? LdValue.Date(until) : null);
        if (bundle.TimeLimit is { } limit)
        {
            matter.Add(Ov.PromisedTimeLimit, LdValue.Days(limit.Days)).Add(Ov.PromisedTimeLimitInWorkingDays, LdValue.Boolean(limit.WorkingDays));
        }

        foreach (var member in bundle.Members)
        {
            s.Graph.Get(s.Iris.Service(member.ProcedureCode)).Add(Cv.IsGroupedBy, LdValue.Ref(iri));
        }

        AddFlows(s, bundle, matter);
        VisitNodes.AddToEvent(s, bundle, matter);
    }

    private static void AddFlows(ExportSession s, Bundle bundle, LdNode matter)
    {
        for (var i = 0; i < bundle.Flows.Count; i++)
        {
            var flow = bundle.Flows[i];
            var from = s.Iris.Service(flow.FromProcedure);
            var to = s.Iris.Service(flow.ToProcedure);
            var iri = s.Iris.Flow(bundle.Code, i + 1);
            s.Graph.Add(iri, GraphSection.Events, Ov.Flow)
                .Add(Ov.FromService, LdValue.Ref(from))
                .Add(Ov.ToService, LdValue.Ref(to))
                .Add(Ov.OutputOf, SharedNodes.Output(s, flow.DocumentId))
                .Add(Ov.EvidenceOf, SharedNodes.Evidence(s, flow.DocumentId))
                .Add(Ov.ToRequirement, LdValue.Ref(s.Iris.Requirement(flow.ToProcedure, flow.ToMaterial)))
                .Add(Ov.Via, LdValue.String(CatalogWords.Of(flow.Via)));
            s.Graph.Get(to).Add(Dct.Requires, LdValue.Ref(from));
            matter.Add(Ov.FlowOf, LdValue.Ref(iri));
        }
    }
}
