using System.Text.Json.Nodes;
using OneVisit.Benchmarks.Synthetic;
using OneVisit.Rules.Catalog;
using OneVisit.Rules.Tests.Export.Rdf;

namespace OneVisit.Rules.Tests.Export;

/// <summary>
/// Every exported node against CPSV-AP 3.2.0's shapes: the mandatory properties (restated in
/// cpsv-ap-3.2.0-mandatory.ttl) everywhere, and the official shapes in full where the official file is present.
/// </summary>
public sealed class CpsvApShapeTests
{
    private static readonly Lazy<IReadOnlyList<NodeShape>> Mandatory = new(() =>
        Shapes.Read(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "tests", "OneVisit.Rules.Tests", "Export", "cpsv-ap-3.2.0-mandatory.ttl"))));

    // Classes CPSV-AP's shapes require nothing of: a node of only these is not a node the check missed.
    private static readonly string[] Unconstrained = ["http://purl.org/dc/terms/Location", "http://data.europa.eu/eli/ontology#LegalResource", "http://www.w3.org/2004/02/skos/core#Concept"];

    public static TheoryData<string> Catalogues => ["sample", "edge", "generated"];

    [Theory]
    [MemberData(nameof(Catalogues))]
    public void Export_Catalogue_EveryNodeHasEveryMandatoryProperty(string catalogue)
    {
        var graph = ExportedGraph.Of(Catalogue(catalogue));

        Assert.Empty(ShapeCheck.Run(graph.Nodes, Mandatory.Value));
        var targets = Mandatory.Value.Select(s => s.TargetClass).ToHashSet();
        Assert.All(graph.Nodes, n => Assert.True(
            n.Types.Any(t => targets.Contains(t) || Unconstrained.Contains(t) || t.StartsWith(ExportedGraph.Ov, StringComparison.Ordinal)),
            $"{n.Id} ({string.Join(", ", n.Types)}) is of no class the shapes target"));
    }

    [OfficialCpsvApFact]
    public void Export_Catalogues_ConformToTheOfficialShapes()
    {
        var official = Shapes.Read(OfficialCpsvAp.ShaclText);

        foreach (var catalogue in Catalogues)
        {
            Assert.Empty(ShapeCheck.Run(ExportedGraph.Of(Catalogue(catalogue)).Nodes, official));
        }
    }

    [OfficialCpsvApFact]
    public void Mandatory_RestatesEveryMinCountOfTheOfficialShapes()
    {
        static IEnumerable<string> Required(IReadOnlyList<NodeShape> shapes) =>
            shapes.SelectMany(s => s.Properties.Where(p => p.MinCount >= 1).Select(p => $"{s.TargetClass} {p.Path} {p.MinCount}")).Distinct().Order();

        Assert.Equal(Required(Shapes.Read(OfficialCpsvAp.ShaclText)), Required(Mandatory.Value));
    }

    [Fact]
    public void Check_MandatoryPropertyDropped_ReportsTheNodeAndTheProperty()
    {
        var document = JsonNode.Parse(ExportedGraph.Sample.Json)!;
        var requirement = document["@graph"]!.AsArray().Single(n => (string?)n!["@id"] == CatalogueIri("service/330100-SC-0004/requirement/no_housing_certificate"))!.AsObject();
        requirement.Remove("dct:title");

        var violation = Assert.Single(ShapeCheck.Run(ExportedGraph.Read(document.ToJsonString()).Nodes, Mandatory.Value));

        Assert.Equal(CatalogueIri("service/330100-SC-0004/requirement/no_housing_certificate"), violation.Node);
        Assert.Equal(ExportedGraph.Cv + "Requirement", violation.Class);
        Assert.Equal(ExportedGraph.Dct + "title", violation.Property);
        Assert.Contains("needs at least 1", violation.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_LinkToAnUndescribedNode_FailsTheClassConstraint()
    {
        var shapes = Shapes.Read("""
            @prefix sh: <http://www.w3.org/ns/shacl#> .
            @prefix cv: <http://data.europa.eu/m8g/> .
            @prefix cpsv: <http://purl.org/vocab/cpsv#> .
            cv:S a sh:NodeShape ; sh:targetClass cpsv:PublicService ; sh:property [ sh:path cv:hasCompetentAuthority ; sh:class cv:PublicOrganisation ] .
            """);
        var document = JsonNode.Parse(ExportedGraph.Sample.Json)!;
        var service = document["@graph"]!.AsArray().Single(n => (string?)n!["@id"] == CatalogueIri("service/330100-SC-0004"))!.AsObject();
        service["cv:hasCompetentAuthority"] = new JsonObject { ["@id"] = "https://example.org/nowhere" };

        var violation = Assert.Single(ShapeCheck.Run(ExportedGraph.Read(document.ToJsonString()).Nodes, shapes));

        Assert.Equal(CatalogueIri("service/330100-SC-0004"), violation.Node);
        Assert.Contains("is not described in the document as a http://data.europa.eu/m8g/PublicOrganisation", violation.Problem, StringComparison.Ordinal);
    }

    private static string CatalogueIri(string path) => OneVisit.Rules.Export.CpsvApOptions.DefaultBaseIri + path;

    private static ProcedureCatalog Catalogue(string name) => name switch
    {
        "sample" => SampleCatalogue.Catalog,
        "edge" => EdgeCatalogue.Load(),
        "generated" => SyntheticCatalogue.Generate(40).Load(),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "no such test catalogue"),
    };
}
