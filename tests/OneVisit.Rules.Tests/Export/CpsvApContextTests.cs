using System.Text.Json;
using OneVisit.Rules.Tests.Export.Rdf;

namespace OneVisit.Rules.Tests.Export;

/// <summary>The export reads as JSON-LD with its own context, and speaks CPSV-AP's terms as the official context defines them.</summary>
public sealed class CpsvApContextTests
{
    // Namespaces whose terms the official context defines: an IRI of these that the export uses must be one of them.
    private static readonly string[] CpsvApNamespaces =
    [
        "http://purl.org/vocab/cpsv#", "http://data.europa.eu/m8g/", "http://purl.org/dc/terms/", "http://www.w3.org/ns/dcat#",
        "http://data.europa.eu/eli/ontology#", "http://www.w3.org/2004/02/skos/core#", "http://xmlns.com/foaf/0.1/", "http://www.w3.org/ns/org#",
    ];

    // The one borrowed term CPSV-AP's context does not define: ORG's link from an organisation to the one above it.
    private static readonly string[] Borrowed = ["http://www.w3.org/ns/org#subOrganizationOf"];

    [Fact]
    public void Export_Sample_ReadsAsJsonLdWithEveryPrefixDefinedAndUsed()
    {
        var graph = ExportedGraph.Sample;

        Assert.Equal(SampleCatalogue.Catalog.Procedures.Count, graph.OfType(ExportedGraph.Cpsv + "PublicService").Count());
        Assert.Equal(SampleCatalogue.Catalog.Bundles.Count, graph.OfType(ExportedGraph.Cv + "Event").Count());
        Assert.Equal(graph.Reader.Prefixes.Keys.Order(), graph.Reader.Used.Order());
        Assert.Equal(graph.Nodes.Count, graph.Nodes.Select(n => n.Id).Distinct().Count());
    }

    [Fact]
    public void Read_PrefixNotInTheContext_FailsNamingIt()
    {
        var json = ExportedGraph.Sample.Json.Replace("\"cv\": \"http://data.europa.eu/m8g/\",", "", StringComparison.Ordinal);

        var error = Assert.Throws<UnsupportedRdfException>(() => ExportedGraph.Read(json));

        Assert.Contains("uses the prefix 'cv', which the @context does not define", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Export_Sample_EveryLinkLeadsToADescribedNode()
    {
        var graph = ExportedGraph.Sample;
        var ids = graph.Nodes.Select(n => n.Id).ToHashSet();

        var dangling = graph.Nodes.SelectMany(n => n.Properties.Values.SelectMany(v => v).OfType<Iri>()).Select(i => i.Value).Where(i => !ids.Contains(i)).Distinct();

        Assert.Empty(dangling);
    }

    [OfficialCpsvApFact]
    public void Export_CpsvApTerms_AreTheOfficialContextsTermIris()
    {
        var official = OfficialTerms();
        var graph = ExportedGraph.Sample;
        var used = graph.Nodes.SelectMany(n => n.Types.Concat(n.Properties.Keys)).Distinct();

        var unknown = used.Where(iri => CpsvApNamespaces.Any(ns => iri.StartsWith(ns, StringComparison.Ordinal)) && !official.ContainsKey(iri));

        Assert.Equal(Borrowed, unknown.Order());
    }

    [OfficialCpsvApFact]
    public void Export_CpsvApProperties_HaveTheValuesTheOfficialContextTypesThemWith()
    {
        var official = OfficialTerms();
        var mismatches = new List<string>();
        foreach (var node in ExportedGraph.Sample.Nodes)
        {
            foreach (var (property, values) in node.Properties)
            {
                // A property the context types one way everywhere (@id, xsd:double, rdf:langString …) must be written that way.
                if (official.TryGetValue(property, out var types) && types.Distinct().ToList() is [{ } type])
                {
                    mismatches.AddRange(values.Where(v => !Fits(v, type)).Select(v => $"{node.Id} {property} {v}: the context types it {type}"));
                }
            }
        }

        Assert.Empty(mismatches);
    }

    private static bool Fits(Term value, string type) => type switch
    {
        "@id" => value is Iri,
        "" => true,
        _ => value is Literal literal && literal.Datatype == type,
    };

    // Each IRI the official context names, with the @type each of its terms gives it ("" for none).
    private static Dictionary<string, List<string>> OfficialTerms()
    {
        using var context = JsonDocument.Parse(OfficialCpsvAp.ContextText);
        var terms = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var term in context.RootElement.GetProperty("@context").EnumerateObject())
        {
            var (iri, type) = term.Value.ValueKind == JsonValueKind.String
                ? (term.Value.GetString()!, "")
                : (term.Value.GetProperty("@id").GetString()!, term.Value.TryGetProperty("@type", out var t) ? t.GetString()! : "");
            if (!terms.TryGetValue(iri, out var types))
            {
                terms[iri] = types = [];
            }

            types.Add(type);
        }

        return terms;
    }
}
