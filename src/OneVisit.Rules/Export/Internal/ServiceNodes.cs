using System.Globalization;
using OneVisit.Rules.Catalog;

namespace OneVisit.Rules.Export.Internal;

/// <summary>A procedure as a <c>cpsv:PublicService</c>, followed by its own requirements, costs and visit reasons.</summary>
internal static class ServiceNodes
{
    public static void Add(ExportSession s, Procedure procedure)
    {
        var service = s.Graph.Add(s.Iris.Service(procedure.Code), GraphSection.Services, Cpsv.PublicService)
            .Add(Dct.Identifier, LdValue.String(procedure.Code))
            .Add(Other.VersionInfo, LdValue.String(procedure.Version.ToString(CultureInfo.InvariantCulture)))
            .Add(Dct.Title, s.Texts.Of(procedure.Name))
            .Add(Dct.Description, Description(s, procedure))
            .Add(Cv.HasCompetentAuthority, s.CompetentAuthorities(procedure).Select(id => SharedNodes.Organisation(s, id)))
            .Add(Ov.DefaultCompetentAuthority, SharedNodes.Organisation(s, procedure.Jurisdiction.DefaultAuthorityId))
            .Add(Cv.HasLegalResource, procedure.LegalBasis.Select(basis => SharedNodes.LegalResource(s, basis)))
            .Add(Cv.HasChannel, procedure.Channels.Select(channel => SharedNodes.Channel(s, channel)))
            .Add(Ov.ResultDelivery, procedure.ResultDelivery.Select(d => LdValue.String(CatalogWords.Of(d))))
            .Add(Cpsv.Produces, procedure.Produces.Select(document => SharedNodes.Output(s, document)))
            .Add(Ov.EffectiveFrom, LdValue.Date(procedure.EffectiveFrom))
            .Add(Ov.EffectiveUntil, procedure.EffectiveUntil is { } until ? LdValue.Date(until) : null);
        AddTimeLimits(service, procedure.TimeLimits);
        RequirementNodes.Add(s, procedure, service);
        AddCosts(s, procedure, service);
        VisitNodes.AddToService(s, procedure, service);
    }

    // CPSV-AP's description is mandatory and the catalogue has no free text for it, so it is composed from what the
    // service guide states first: the name, who decides, and the acceptance conditions in the guide's words.
    private static IEnumerable<LdValue> Description(ExportSession s, Procedure procedure)
    {
        var authority = s.Catalog.Authorities[procedure.Jurisdiction.DefaultAuthorityId].Name;
        var conditions = procedure.Conditions.Select(c => c.Text).ToList();
        var chinese = $"{procedure.Name.Text}。由{authority.Text}办理。";
        var english = $"{procedure.Name.EnglishOrText}. Decided by {authority.EnglishOrText}.";
        if (conditions.Count > 0)
        {
            chinese += $"受理条件：{string.Join("；", conditions.Select(c => c.Text))}。";
            english += $" Conditions: {string.Join("; ", conditions.Select(c => c.EnglishOrText))}.";
        }

        return s.Texts.Composed(chinese, english);
    }

    // ISO 8601 has no working days: a limit of n working days is written P{n}D and flagged, so a reader knows it is at
    // least n calendar days, not exactly n (docs/export.md, "Processing time").
    private static void AddTimeLimits(LdNode service, TimeLimits limits)
    {
        if ((limits.Promised ?? limits.Statutory) is { } limit)
        {
            service.Add(Cv.ProcessingTime, LdValue.Days(limit.Days)).Add(Ov.ProcessingTimeInWorkingDays, LdValue.Boolean(limit.WorkingDays));
        }

        if (limits.Statutory is { } statutory)
        {
            service.Add(Ov.StatutoryTimeLimit, LdValue.Days(statutory.Days)).Add(Ov.StatutoryTimeLimitInWorkingDays, LdValue.Boolean(statutory.WorkingDays));
        }
    }

    private static void AddCosts(ExportSession s, Procedure procedure, LdNode service)
    {
        for (var i = 0; i < procedure.Fees.Count; i++)
        {
            var fee = procedure.Fees[i];
            var number = i + 1;
            var iri = s.Iris.Cost(procedure.Code, number);
            s.Graph.Add(iri, GraphSection.Services, Cv.Cost)
                .Add(Dct.Identifier, LdValue.String(string.Create(CultureInfo.InvariantCulture, $"{procedure.Code}/cost/{number}")))
                .Add(Dct.Description, s.Texts.Of(fee.Name))
                .Add(Cv.HasValue, LdValue.Double(fee.Amount))
                .Add(Cv.Currency, SharedNodes.Renminbi(s))
                .Add(Ov.ChargedWhen, fee.When is { } when ? LdValue.String(when.Text) : null);
            service.Add(Cv.HasCost, LdValue.Ref(iri));
        }
    }
}
