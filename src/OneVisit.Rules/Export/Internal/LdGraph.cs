using System.Text.Json;

namespace OneVisit.Rules.Export.Internal;

/// <summary>Where a node is written: a service or event is followed by its own parts, shared nodes come after them.</summary>
internal enum GraphSection
{
    Services,
    Events,
    Organisations,
    Places,
    Evidence,
    Datasets,
    Outputs,
    Channels,
    LegalResources,
    Concepts,
}

/// <summary>
/// The export's graph, built in memory (a catalogue's export is small) so that shared nodes are written once and in a
/// stable order: by section, then in the order they were first needed, which follows the catalogue's codes.
/// </summary>
internal sealed class LdGraph
{
    private readonly Dictionary<string, LdNode> _nodes = new(StringComparer.Ordinal);

    public int Count => _nodes.Count;

    /// <summary>Adds a node that must not exist yet: two nodes with one IRI would be a bug in the IRI scheme.</summary>
    public LdNode Add(string id, GraphSection section, params string[] types)
    {
        var node = new LdNode(id, types, section, _nodes.Count);
        if (!_nodes.TryAdd(id, node))
        {
            throw new InvalidOperationException($"The export made two nodes with the IRI {id}.");
        }

        return node;
    }

    /// <summary>The node with <paramref name="id"/>, filled by <paramref name="fill"/> the first time it is asked for.</summary>
    public LdValue Ensure(string id, GraphSection section, string[] types, Action<LdNode> fill)
    {
        if (!_nodes.ContainsKey(id))
        {
            // Registered before it is filled, so a fill that links back to the node (or round a cycle) finds it.
            fill(Add(id, section, types));
        }

        return LdValue.Ref(id);
    }

    public LdNode Get(string id) => _nodes[id];

    public void Write(Utf8JsonWriter json)
    {
        json.WriteStartObject();
        json.WriteStartObject("@context");
        foreach (var (prefix, iri) in Vocabulary.Prefixes)
        {
            json.WriteString(prefix, iri);
        }

        json.WriteEndObject();
        json.WriteStartArray("@graph");
        foreach (var node in _nodes.Values.OrderBy(n => n.Section).ThenBy(n => n.Order))
        {
            node.WriteTo(json);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }
}
