using OneVisit.Rules.Catalog;
using OneVisit.Rules.Export;
using OneVisit.Rules.Precheck;
using OneVisit.Rules.Tests.Export.Rdf;
using OneVisit.Rules.WhatIf;
using static OneVisit.Rules.Tests.Export.ExportedGraph;

namespace OneVisit.Rules.Tests.Export;

/// <summary>What the export says of the catalogue: the mapping of docs/export.md, node by node.</summary>
public sealed class CpsvApExportTests
{
    private const string Renminbi = "http://publications.europa.eu/resource/authority/currency/CNY";

    private static readonly ExportedGraph Graph = Sample;

    [Fact]
    public void Write_SameCatalogue_SameBytesByEitherWriter()
    {
        using var stream = new MemoryStream();
        CpsvApExport.Write(SampleCatalogue.Catalog, stream, new CpsvApOptions());

        Assert.Equal(Graph.Json, ToJson(SampleCatalogue.Catalog));
        Assert.Equal(Graph.Json, System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    [Fact]
    public void Write_Procedure_ServiceWithItsCodeVersionNamesAndAuthorities()
    {
        var service = Graph.Service("330100-SC-0004");

        Assert.Equal(["330100-SC-0004"], Texts(service, Dct + "identifier"));
        Assert.Equal(["1"], Texts(service, "http://www.w3.org/2002/07/owl#versionInfo"));
        Assert.Contains(new Literal("住房公积金提取（无房职工租房）", Ns.LangString, "zh-CN"), service.Values(Dct + "title"));
        Assert.Contains(new Literal("Housing provident fund withdrawal to pay rent (employee owning no home)", Ns.LangString, "en"), service.Values(Dct + "title"));
        Assert.Contains(Texts(service, Dct + "description"), d => d.Contains("受理条件：连续足额缴存住房公积金满3个月", StringComparison.Ordinal));
        Assert.Equal(["hz_housing_fund", "hz_housing_fund_provincial"], Graph.Linked(service, Cv + "hasCompetentAuthority").SelectMany(o => Texts(o, Dct + "identifier")));
        Assert.Equal(["window", "online", "mobile"], Graph.Linked(service, Cv + "hasChannel").SelectMany(c => Texts(c, Dct + "identifier")));
        Assert.Equal(3, service.Values(Cv + "hasLegalResource").Count);
    }

    [Fact]
    public void Write_Organisation_LabelPlaceLevelAndParent()
    {
        var organisation = Graph.Node(CpsvApOptions.DefaultBaseIri + "organisation/hz_amr_shangcheng");

        Assert.Contains(new Literal("杭州市上城区市场监督管理局", Ns.LangString, "zh-CN"), organisation.Values("http://www.w3.org/2004/02/skos/core#prefLabel"));
        Assert.Equal(["zhejiang/hangzhou/shangcheng"], Graph.Linked(organisation, Dct + "spatial").SelectMany(p => Texts(p, Dct + "identifier")));
        Assert.Equal(["district"], Texts(organisation, Ov + "administrativeLevel"));
        Assert.Equal(["hz_amr"], Graph.Linked(organisation, "http://www.w3.org/ns/org#subOrganizationOf").SelectMany(p => Texts(p, Dct + "identifier")));
        Assert.Contains("http://xmlns.com/foaf/0.1/Agent", organisation.Types);
    }

    [Fact]
    public void Write_DocumentTheOfficeFetches_EvidenceIsPartOfTheIssuersDatasetAndTheIssuerParticipates()
    {
        var service = Graph.Service("330100-SC-0004");
        var requirement = Graph.Node(service.Id + "/requirement/no_housing_certificate");
        var evidence = Assert.Single(Graph.Linked(requirement, Cv + "hasSupportingEvidence"));
        var dataset = Assert.Single(Graph.Linked(evidence, Dct + "isPartOf"));

        Assert.Equal(["data_sharing", "commitment"], Texts(requirement, Ov + "exemption"));
        Assert.Equal(["no_housing_certificate"], Texts(evidence, Dct + "identifier"));
        Assert.Contains("http://www.w3.org/ns/dcat#Dataset", dataset.Types);
        Assert.Equal(CpsvApOptions.DefaultBaseIri + "organisation/hz_real_estate_registry", Assert.Single(Graph.Linked(dataset, Dct + "publisher")).Id);
        var participation = Graph.Linked(service, Cv + "hasParticipation").Single(p => p.Id.EndsWith("/hz_real_estate_registry", StringComparison.Ordinal));
        Assert.Equal(dataset.Values(Dct + "publisher"), participation.Values(Cv + "hasParticipant"));
        Assert.Contains(Texts(participation, Dct + "description"), d => d.Contains("无房证明", StringComparison.Ordinal));
    }

    [Fact]
    public void Write_ConditionalMaterial_RequirementSaysWhenAndInWhatForm()
    {
        var requirement = Graph.Node(Graph.Service("330100-SC-0004").Id + "/requirement/marriage_certificate");

        Assert.Equal(["applicant.marital_status = \"married\""], Texts(requirement, Ov + "requiredWhen"));
        Assert.Equal(["copy"], Texts(requirement, Ov + "form"));
    }

    [Fact]
    public void Write_FeeAndTimeLimits_CostInRenminbiAndDurationsInDays()
    {
        var service = Graph.Service("330100-SC-0002");
        var cost = Graph.Linked(service, Cv + "hasCost").Single(c => c.Values(Cv + "hasValue").Contains(new Literal("5", Ns.Double)));

        Assert.Equal(Renminbi, ((Iri)Assert.Single(cost.Values(Cv + "currency"))).Value);
        Assert.Contains("http://www.w3.org/2004/02/skos/core#Concept", Graph.Node(Renminbi).Types);
        var branch = Graph.Service("330100-SC-0001");
        Assert.Equal([new Literal("P1D", Ns.Xsd + "duration")], branch.Values(Cv + "processingTime"));
        Assert.Equal(["true"], Texts(branch, Ov + "processingTimeInWorkingDays"));
        Assert.Equal([new Literal("P15D", Ns.Xsd + "duration")], branch.Values(Ov + "statutoryTimeLimit"));
    }

    [Fact]
    public void Write_Bundles_LifeOrBusinessEventByWhoseEventGroupingTheirMembers()
    {
        foreach (var bundle in SampleCatalogue.Catalog.Bundles.Values)
        {
            var matter = Graph.Event(bundle.Code);

            Assert.Contains(Cv + (bundle.Event.Kind == LifeEventKind.Business ? "BusinessEvent" : "LifeEvent"), matter.Types);
            Assert.Equal(bundle.Members.Select(m => Graph.Service(m.ProcedureCode).Id), matter.Values(Cv + "hasRelatedService").Cast<Iri>().Select(i => i.Value));
            Assert.All(bundle.Members, m => Assert.Contains(new Iri(matter.Id), Graph.Service(m.ProcedureCode).Values(Cv + "isGroupedBy")));
        }

        Assert.Contains(Cv + "BusinessEvent", Graph.Event("330100-YJS-0002").Types);
        Assert.Contains(Cv + "LifeEvent", Graph.Event("330100-YJS-0001").Types);
    }

    [Fact]
    public void Write_Flow_ConsumerRequiresProducerAndThePassedDocumentIsOutputAndEvidence()
    {
        var birth = Graph.Event("330100-YJS-0001");
        var flow = Graph.Linked(birth, Ov + "flow").First();

        Assert.Contains(new Iri(Graph.Service("330100-SC-0005").Id), Graph.Service("330100-SC-0006").Values(Dct + "requires"));
        Assert.Equal(Graph.Service("330100-SC-0005").Id, Assert.Single(Graph.Linked(flow, Ov + "fromService")).Id);
        Assert.Equal(["birth_medical_certificate"], Graph.Linked(flow, Ov + "output").SelectMany(o => Texts(o, Dct + "identifier")));
        Assert.Equal(["birth_medical_certificate"], Graph.Linked(flow, Ov + "evidence").SelectMany(o => Texts(o, Dct + "identifier")));
        Assert.Equal(Graph.Service("330100-SC-0006").Id + "/requirement/birth_certificate", Assert.Single(Graph.Linked(flow, Ov + "toRequirement")).Id);
        Assert.Equal(["e_licence"], Texts(flow, Ov + "via"));
        Assert.Contains(Graph.Node(CpsvApOptions.DefaultBaseIri + "output/birth_medical_certificate").Id, Graph.Service("330100-SC-0005").Values(Cpsv + "produces").Cast<Iri>().Select(i => i.Value));
    }

    [Fact]
    public void Write_Visits_ThePrechecksOwnWorstCaseForEveryServiceAndEvent()
    {
        var catalog = SampleCatalogue.Catalog;

        foreach (var procedure in catalog.Procedures.Values)
        {
            var worst = VisitPrediction.WorstCase(catalog, procedure);
            var service = Graph.Service(procedure.Code);
            Assert.Equal(worst.Count, Number(service, Ov + "maxVisits"));
            Assert.Equal(worst.Reasons.Select(r => CatalogWords.Of(r.Reason)), Graph.Linked(service, Ov + "visitReason").SelectMany(r => Texts(r, Ov + "presenceReason")));
        }

        foreach (var bundle in catalog.Bundles.Values)
        {
            var worst = BundleVisits.WorstCase(catalog, bundle);
            var matter = Graph.Event(bundle.Code);
            Assert.Equal((worst.Count, worst.NaiveSum), (Number(matter, Ov + "maxVisits"), Number(matter, Ov + "naiveVisits")));
            Assert.Equal(worst.Trips.Sum(t => t.Touchpoints.Count), Graph.Linked(matter, Ov + "trip").Sum(t => t.Values(Ov + "touchpoint").Count));
        }

        Assert.DoesNotContain(Graph.Nodes, n => n.Properties.ContainsKey(Ov + "typicalVisits"));
    }

    [Fact]
    public void Write_EdgeCatalogue_CarriedPaperResultMakesASecondWave()
    {
        var catalog = EdgeCatalogue.Load();
        var graph = Of(catalog);
        var trips = graph.Linked(graph.Event("B-1"), Ov + "trip").ToList();

        // P-2's paper licence is collected, then carried to P-1 at its own window: both wait for P-2's decision.
        Assert.Equal([1, 2, 2], trips.Select(t => Number(t, Ov + "wave")));
        Assert.Equal(BundleVisits.WorstCase(catalog, catalog.Bundles["B-1"]).Trips.Select(t => (long)t.Wave), trips.Select(t => Number(t, Ov + "wave")));
        Assert.Equal(["citizen_carries"], graph.Linked(graph.Event("B-1"), Ov + "flow").SelectMany(f => Texts(f, Ov + "via")));
        Assert.Equal([new Iri(graph.Service("P-2").Id)], graph.Service("P-1").Values(Dct + "requires"));
        Assert.Equal(2, graph.Service("P-1").Values(Cv + "isGroupedBy").Count);
        Assert.Equal([new Iri(graph.Service("P-2").Id)], graph.Event("B-2").Values(Ov + "optionalService"));
    }

    [Fact]
    public void Write_EdgeCatalogue_WhatTheCatalogueLacksIsLeftOutNotInvented()
    {
        var graph = Of(EdgeCatalogue.Load());
        var bare = graph.Service("P-2");

        Assert.Equal([new Literal("营业执照核发", Ns.LangString, "zh-CN")], bare.Values(Dct + "title"));
        Assert.Empty(bare.Values(Cv + "hasCost"));
        Assert.Empty(bare.Values(Cv + "hasParticipation"));
        Assert.Equal([new Literal("P20D", Ns.Xsd + "duration")], bare.Values(Cv + "processingTime"));
        Assert.Equal(["false"], Texts(bare, Ov + "processingTimeInWorkingDays"));
        Assert.Equal([new Literal("2030-12-31", Ns.Xsd + "date")], bare.Values(Ov + "effectiveUntil"));
    }

    [Fact]
    public void Write_LawNamedWithReservedCharacters_OneSafeIriPerLawAndArticle()
    {
        var graph = Of(EdgeCatalogue.Load());
        var laws = graph.Nodes.Where(n => n.Types.Contains("http://data.europa.eu/eli/ontology#LegalResource") && n.Id.Contains("/legal-resource/%E6%9D%A1%E4%BE%8B", StringComparison.Ordinal)).ToList();

        Assert.Single(laws);
        var law = Assert.Single(laws);
        Assert.EndsWith("/legal-resource/%E6%9D%A1%E4%BE%8B%20A%2FB%20%233%3F", law.Id, StringComparison.Ordinal);
        Assert.Equal(["条例 A/B #3?"], Texts(law, Dct + "title"));
        Assert.All(graph.Nodes, n => Assert.True(n.Id.All(char.IsAscii), n.Id));
    }

    [Fact]
    public void Write_BaseIri_EveryCatalogueNodeUnderIt()
    {
        var graph = Of(SampleCatalogue.Catalog, new CpsvApOptions { BaseIri = new Uri("https://data.example.gov.cn/hangzhou") });

        var outside = graph.Nodes.Select(n => n.Id).Where(id => !id.StartsWith("https://data.example.gov.cn/hangzhou/", StringComparison.Ordinal));

        Assert.Equal([Renminbi, Ov + "EvidenceProvider"], outside.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("ftp://data.example.gov.cn/", "not http or https")]
    [InlineData("https://data.example.gov.cn/?page=1", "has a query or a fragment")]
    [InlineData("https://data.example.gov.cn/#services", "has a query or a fragment")]
    [InlineData("https://officer@data.example.gov.cn/", "user name")]
    [InlineData("services/", "is not absolute")]
    public void BaseIri_NotAnAbsoluteHttpIri_RefusedSayingWhatToGive(string iri, string problem)
    {
        var error = Assert.Throws<ArgumentException>(() => new CpsvApOptions { BaseIri = new Uri(iri, UriKind.RelativeOrAbsolute) });

        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        Assert.Contains("Give an absolute http(s) IRI", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_WithVisitsReport_TypicalVisitsAndThePopulationTheyComeFrom()
    {
        var report = VisitsReport.Build(SampleCatalogue.Catalog);
        var graph = Of(SampleCatalogue.Catalog, new CpsvApOptions { Visits = report });

        foreach (var counts in report.Procedures.Where(p => p.Population.Typical is not null))
        {
            Assert.Equal((long?)counts.Population.Typical, Number(graph.Service(counts.Code), Ov + "typicalVisits"));
        }

        var population = Assert.Single(graph.OfType(Ov + "VisitsPopulation"));
        Assert.Equal(["generated"], Texts(population, Ov + "populationKind"));
        Assert.Contains(Texts(population, Dct + "description"), d => d.Contains("not real volumes", StringComparison.Ordinal));
        Assert.Equal([new Iri(population.Id)], graph.Event("330100-YJS-0001").Values(Ov + "visitsPopulation"));
    }

    [Fact]
    public void Write_DefaultLanguageNotALanguageTag_SaysWhereAndWhatToWrite()
    {
        using var folder = new CatalogFolder().With("catalog.yaml", CatalogFolder.CatalogYaml.Replace("zh-CN", "Simplified Chinese", StringComparison.Ordinal));

        var error = Assert.Throws<CpsvApExportException>(() => ToJson(folder.Load().GetCatalogOrThrow()));

        Assert.EndsWith("catalog.yaml", error.Location.File, StringComparison.Ordinal);
        Assert.Contains("'Simplified Chinese' is not a language tag", error.Message, StringComparison.Ordinal);
        Assert.Contains("zh-CN", error.Message, StringComparison.Ordinal);
    }
}
