using OneVisit.Rules.Catalog;
using OneVisit.Rules.Export;
using OneVisit.Rules.Json;
using OneVisit.Rules.Tests.Export.Rdf;

namespace OneVisit.Rules.Tests.Export;

/// <summary>A catalogue's export as text, read back by the tests' JSON-LD reader.</summary>
internal sealed record ExportedGraph(string Json, IReadOnlyList<GraphNode> Nodes, JsonLdReader Reader)
{
    public const string Cpsv = "http://purl.org/vocab/cpsv#";
    public const string Cv = "http://data.europa.eu/m8g/";
    public const string Dct = "http://purl.org/dc/terms/";
    public const string Ov = CpsvApExport.ExtensionNamespace;

    private static readonly Lazy<ExportedGraph> SampleExport = new(() => Of(SampleCatalogue.Catalog));

    /// <summary>The sample catalogue's export with the default options, made once.</summary>
    public static ExportedGraph Sample => SampleExport.Value;

    public static ExportedGraph Of(ProcedureCatalog catalog, CpsvApOptions? options = null) => Read(ToJson(catalog, options));

    public static string ToJson(ProcedureCatalog catalog, CpsvApOptions? options = null) =>
        OneVisitJson.ToJson(json => CpsvApExport.Write(catalog, json, options ?? new CpsvApOptions()));

    public static ExportedGraph Read(string json)
    {
        var reader = new JsonLdReader();
        return new ExportedGraph(json, reader.Read(json), reader);
    }

    public GraphNode Node(string id) => Nodes.Single(n => n.Id == id);

    public IEnumerable<GraphNode> OfType(string type) => Nodes.Where(n => n.Types.Contains(type));

    public GraphNode Service(string code) => Node(CpsvApOptions.DefaultBaseIri + "service/" + code);

    public GraphNode Event(string code) => Node(CpsvApOptions.DefaultBaseIri + "event/" + code);

    /// <summary>The nodes a property of <paramref name="node"/> links to.</summary>
    public IEnumerable<GraphNode> Linked(GraphNode node, string property) => node.Values(property).Cast<Iri>().Select(i => Node(i.Value));

    public static IEnumerable<string> Texts(GraphNode node, string property) => node.Values(property).Cast<Literal>().Select(l => l.Value);

    public static long Number(GraphNode node, string property) => long.Parse(((Literal)Assert.Single(node.Values(property))).Value, System.Globalization.CultureInfo.InvariantCulture);
}
