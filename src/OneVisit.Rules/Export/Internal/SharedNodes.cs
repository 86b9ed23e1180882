using OneVisit.Rules.Catalog;

namespace OneVisit.Rules.Export.Internal;

/// <summary>
/// The nodes many services link to (organisations, places, evidence, datasets, outputs, channels, legal resources,
/// concepts), each made once, the first time it is linked.
/// </summary>
internal static class SharedNodes
{
    // A validator without RDFS inference checks sh:class against the types written, so each organisation also states
    // the classes CPSV-AP puts above PublicOrganisation (org:Organization, then foaf:Agent), as datasets' publishers
    // and participations' participants must be agents.
    private static readonly string[] OrganisationTypes = [Cv.PublicOrganisation, Other.Organization, Other.Agent];

    public static LdValue Organisation(ExportSession s, string authorityId) =>
        s.Graph.Ensure(s.Iris.Organisation(authorityId), GraphSection.Organisations, OrganisationTypes, node =>
        {
            var authority = s.Catalog.Authorities[authorityId];
            node.Add(Dct.Identifier, LdValue.String(authority.Id))
                .Add(Other.PrefLabel, s.Texts.Of(authority.Name))
                .Add(Dct.Title, s.Texts.Of(authority.Name))
                .Add(Dct.Spatial, Place(s, authority.Region))
                .Add(Ov.AdministrativeLevel, LdValue.String(CatalogWords.Of(authority.Level)))
                .Add(Ov.Department, authority.Department is { } department ? LdValue.String(department) : null)
                .Add(Other.SubOrganizationOf, authority.ParentId is { } parent ? Organisation(s, parent) : null);
        });

    public static LdValue Place(ExportSession s, string region) =>
        s.Graph.Ensure(s.Iris.Place(region), GraphSection.Places, [Dct.Location], node => node.Add(Dct.Identifier, LdValue.String(region)));

    /// <summary>
    /// A document type as evidence. When departments can issue it on request (its <c>evidence</c> sources), it is part
    /// of each one's shared dataset: CPSV-AP 3.2.0's way of saying the government fetches it (Once Only).
    /// </summary>
    public static LdValue Evidence(ExportSession s, string documentId) =>
        s.Graph.Ensure(s.Iris.Evidence(documentId), GraphSection.Evidence, [Cv.Evidence], node =>
        {
            var document = s.Catalog.Documents[documentId];
            node.Add(Dct.Identifier, LdValue.String(document.Id))
                .Add(Dct.Title, s.Texts.Of(document.Name))
                .Add(Dct.IsPartOf, document.Evidence.Select(source => Dataset(s, source.AuthorityId)))
                .Add(Ov.IssuedBy, document.IssuedBy is { } issuer ? Organisation(s, issuer) : null);
        });

    public static LdValue Output(ExportSession s, string documentId) =>
        s.Graph.Ensure(s.Iris.Output(documentId), GraphSection.Outputs, [Cv.Output], node =>
        {
            var document = s.Catalog.Documents[documentId];
            node.Add(Dct.Identifier, LdValue.String(document.Id)).Add(Dct.Title, s.Texts.Of(document.Name));
        });

    public static LdValue Dataset(ExportSession s, string authorityId) =>
        s.Graph.Ensure(s.Iris.Dataset(authorityId), GraphSection.Datasets, [Other.Dataset], node =>
        {
            var name = s.Catalog.Authorities[authorityId].Name;
            node.Add(Dct.Identifier, LdValue.String(authorityId))
                .Add(Dct.Title, s.Texts.Composed($"{name.Text}共享数据", $"Data shared by {name.EnglishOrText}"))
                .Add(Dct.Description, s.Texts.Composed(
                    $"{name.Text}应其他部门请求提供的证照和证明（数据共享，申请人无需提交）",
                    $"Documents {name.EnglishOrText} provides to other departments on request (data sharing: the applicant brings none of them)"))
                .Add(Dct.Publisher, Organisation(s, authorityId));
        });

    public static LdValue Channel(ExportSession s, Channel channel) =>
        s.Graph.Ensure(s.Iris.Channel(channel), GraphSection.Channels, [Cv.Channel], node => node.Add(Dct.Identifier, LdValue.String(CatalogWords.Of(channel))));

    public static LdValue LegalResource(ExportSession s, LegalBasis basis) =>
        s.Graph.Ensure(s.Iris.LegalResource(basis), GraphSection.LegalResources, [Other.LegalResource], node => node.Add(Dct.Title, s.Texts.Own(basis.ToString())));

    /// <summary>The fees' currency, typed as the concept it is so that cv:currency's class holds without fetching the table.</summary>
    public static LdValue Renminbi(ExportSession s) =>
        s.Graph.Ensure(Iris.Renminbi, GraphSection.Concepts, [Other.Concept], node => node.Add(Other.PrefLabel, LdValue.Text("Renminbi", "en")));

    /// <summary>The role of a department that answers another's evidence requests, in the extension's own small code list.</summary>
    public static LdValue EvidenceProviderRole(ExportSession s) =>
        s.Graph.Ensure(CpsvApExport.ExtensionNamespace + "EvidenceProvider", GraphSection.Concepts, [Other.Concept], node =>
            node.Add(Other.PrefLabel, s.Texts.Composed("证照共享部门", "evidence provider")));
}
