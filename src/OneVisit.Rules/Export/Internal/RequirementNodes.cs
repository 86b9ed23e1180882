using OneVisit.Rules.Catalog;

namespace OneVisit.Rules.Export.Internal;

/// <summary>
/// A procedure's materials as <c>cv:Requirement</c>s, each supported by its document as <c>cv:Evidence</c>, and the
/// departments the office fetches documents from as <c>cv:Participation</c>s.
/// </summary>
internal static class RequirementNodes
{
    public static void Add(ExportSession s, Procedure procedure, LdNode service)
    {
        foreach (var material in procedure.Materials)
        {
            var iri = s.Iris.Requirement(procedure.Code, material.Id);
            s.Graph.Add(iri, GraphSection.Services, Cv.Requirement)
                .Add(Dct.Identifier, LdValue.String($"{procedure.Code}/{material.Id}"))
                .Add(Dct.Title, s.Texts.Of(s.Catalog.Documents[material.DocumentId].Name))
                .Add(Cv.HasSupportingEvidence, SharedNodes.Evidence(s, material.DocumentId))
                .Add(Ov.Party, material.Party is { } party ? LdValue.String(party) : null)
                .Add(Ov.Form, LdValue.String(CatalogWords.Of(material.Form)))
                .Add(Ov.Copies, LdValue.Integer(material.Copies))
                .Add(Ov.RequiredWhen, material.RequiredWhen is { } when ? LdValue.String(when.Text) : null)
                .Add(Ov.Exemption, material.Exemptions.Select(e => LdValue.String(CatalogWords.Of(e.Kind))));
            service.Add(Cv.HoldsRequirement, LdValue.Ref(iri));
        }

        AddParticipations(s, procedure, service);
    }

    // A department takes part when the office may fetch one of the materials from it: a data_sharing exemption, and a
    // source that covers a competent authority's region (the precheck asks the source covering the deciding office's).
    private static void AddParticipations(ExportSession s, Procedure procedure, LdNode service)
    {
        var regions = s.CompetentAuthorities(procedure).Select(id => s.Catalog.Authorities[id].Region).ToList();
        var provided = procedure.Materials
            .Where(m => m.Exemptions.Any(e => e.Kind == ExemptionKind.DataSharing))
            .Select(m => s.Catalog.Documents[m.DocumentId])
            .SelectMany(d => d.Evidence.Where(source => regions.Any(source.Covers)).Select(source => (source.AuthorityId, Document: d)))
            .GroupBy(p => p.AuthorityId, StringComparer.Ordinal);
        foreach (var provider in provided)
        {
            var name = s.Catalog.Authorities[provider.Key].Name;
            var documents = provider.Select(p => p.Document.Name).Distinct().ToList();
            var iri = s.Iris.Participation(procedure.Code, provider.Key);
            s.Graph.Add(iri, GraphSection.Services, Cv.Participation)
                .Add(Dct.Identifier, LdValue.String($"{procedure.Code}/{provider.Key}"))
                .Add(Dct.Description, s.Texts.Composed(
                    $"{name.Text}应请求共享提供：{string.Join("、", documents.Select(d => d.Text))}",
                    $"{name.EnglishOrText} provides on request: {string.Join(", ", documents.Select(d => d.EnglishOrText))}"))
                .Add(Cv.Role, SharedNodes.EvidenceProviderRole(s))
                .Add(Cv.HasParticipant, SharedNodes.Organisation(s, provider.Key));
            service.Add(Cv.HasParticipation, LdValue.Ref(iri));
        }
    }
}
