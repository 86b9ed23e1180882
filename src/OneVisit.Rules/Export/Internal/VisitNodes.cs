using OneVisit.Rules.Catalog;
using OneVisit.Rules.Precheck;
using OneVisit.Rules.WhatIf;

namespace OneVisit.Rules.Export.Internal;

/// <summary>
/// Visits in the extension vocabulary, counted by the precheck's own planner (<see cref="VisitPrediction.WorstCase"/>,
/// <see cref="BundleVisits.WorstCase"/>), as <c>onevisit visits</c> and the service guides count them: never again here.
/// </summary>
internal static class VisitNodes
{
    public static void AddToService(ExportSession s, Procedure procedure, LdNode service)
    {
        var worst = VisitPrediction.WorstCase(s.Catalog, procedure);
        service.Add(Ov.MaxVisits, LdValue.Integer(worst.Count));
        for (var i = 0; i < worst.Reasons.Count; i++)
        {
            var iri = s.Iris.VisitReason(procedure.Code, i + 1);
            Reason(s.Graph.Add(iri, GraphSection.Services, Ov.VisitReason), s, worst.Reasons[i])
                .Add(Ov.VisitNumber, LdValue.Integer(worst.Reasons[i].Visit));
            service.Add(Ov.VisitReasonOf, LdValue.Ref(iri));
        }

        AddPopulation(s, service, s.Visits?.Procedures.FirstOrDefault(p => p.Code == procedure.Code)?.Population);
    }

    /// <summary>The matter's trips beside the naive sum, and each trip with its wave, place and touchpoints.</summary>
    public static void AddToEvent(ExportSession s, Bundle bundle, LdNode matter)
    {
        var worst = BundleVisits.WorstCase(s.Catalog, bundle);
        matter.Add(Ov.MaxVisits, LdValue.Integer(worst.Count)).Add(Ov.NaiveVisits, LdValue.Integer(worst.NaiveSum));
        foreach (var trip in worst.Trips)
        {
            var iri = s.Iris.Trip(bundle.Code, trip.Number);
            var node = s.Graph.Add(iri, GraphSection.Events, Ov.Trip)
                .Add(Ov.TripNumber, LdValue.Integer(trip.Number))
                .Add(Ov.Wave, LdValue.Integer(trip.Wave))
                .Add(Ov.Place, s.Texts.Of(trip.Place))
                .Add(Dct.Description, s.Texts.Of(trip.Why));
            for (var i = 0; i < trip.Touchpoints.Count; i++)
            {
                var touch = trip.Touchpoints[i];
                var touchIri = s.Iris.Touchpoint(bundle.Code, trip.Number, i + 1);
                Reason(s.Graph.Add(touchIri, GraphSection.Events, Ov.Touchpoint), s, touch.Reason)
                    .Add(Ov.Service, LdValue.Ref(s.Iris.Service(touch.ProcedureCode)));
                node.Add(Ov.TouchpointOf, LdValue.Ref(touchIri));
            }

            matter.Add(Ov.TripOf, LdValue.Ref(iri));
        }

        AddPopulation(s, matter, s.Visits?.Bundles.FirstOrDefault(b => b.Code == bundle.Code)?.Population);
    }

    private static LdNode Reason(LdNode node, ExportSession s, VisitReason reason) => node
        .Add(Ov.Step, LdValue.String(reason.StepId))
        .Add(Ov.PresenceReason, LdValue.String(CatalogWords.Of(reason.Reason)))
        .Add(Ov.Party, reason.Party is { } party ? LdValue.String(party.Id) : null)
        .Add(Dct.Description, s.Texts.Of(reason.Why.Text));

    // A withheld figure (too few situations) is left out rather than written as a number nobody may read.
    private static void AddPopulation(ExportSession s, LdNode node, PopulationVisits? visits)
    {
        if (s.Visits is not { } report || visits is not { Suppressed: false, Typical: { } typical })
        {
            return;
        }

        node.Add(Ov.TypicalVisits, LdValue.Integer(typical))
            .Add(Ov.FewestVisits, visits.Best is { } best ? LdValue.Integer(best) : null)
            .Add(Ov.VisitsOver, Population(s, report));
    }

    private static LdValue Population(ExportSession s, VisitsReport report) =>
        s.Graph.Ensure(s.Iris.Population(), GraphSection.Concepts, [Ov.VisitsPopulation], node => node
            .Add(Dct.Description, LdValue.Text(report.Population.Description, "en"))
            .Add(Ov.PopulationKind, LdValue.String(CatalogWords.Of(report.Population.Kind)))
            .Add(Ov.Situations, LdValue.Integer(report.Population.Situations))
            .Add(Ov.AsOf, LdValue.Date(report.AsOf)));
}
