using System.Text.Json;

namespace OneVisit.Rules.Tests.Export.Rdf;

/// <summary>A node of an expanded JSON-LD graph: its IRI, its types and its properties, every name a full IRI.</summary>
internal sealed record GraphNode(string Id, IReadOnlyList<string> Types, IReadOnlyDictionary<string, IReadOnlyList<Term>> Properties)
{
    public IReadOnlyList<Term> Values(string property) => Properties.TryGetValue(property, out var values) ? values : [];
}

/// <summary>
/// A deliberately small JSON-LD expansion, enough for the export's own form: a top-level <c>@context</c> of prefix
/// definitions and a <c>@graph</c> of flat nodes whose properties are compact IRIs, with values that are strings,
/// numbers, booleans, <c>{"@id"}</c>, or <c>{"@value"}</c> with <c>@language</c> or <c>@type</c>. Anything else (a
/// term definition, <c>@vocab</c>, a nested node, an undefined prefix, a name without a prefix) stops it, since a
/// full processor would read it differently or not at all.
/// </summary>
internal sealed class JsonLdReader
{
    private readonly Dictionary<string, string> _prefixes = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, string> Prefixes => _prefixes;

    /// <summary>The prefixes the document's names and values used, to hold each to its definition.</summary>
    public HashSet<string> Used { get; } = new(StringComparer.Ordinal);

    public IReadOnlyList<GraphNode> Read(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var keys = root.EnumerateObject().Select(p => p.Name).ToList();
        if (!keys.SequenceEqual(["@context", "@graph"]))
        {
            throw new UnsupportedRdfException($"The document's keys are [{string.Join(", ", keys)}]; this reader takes exactly @context, then @graph.");
        }

        foreach (var definition in root.GetProperty("@context").EnumerateObject())
        {
            if (definition.Name.StartsWith('@') || definition.Value.ValueKind != JsonValueKind.String || !WellFormed(definition.Value.GetString()!))
            {
                throw new UnsupportedRdfException($"The context entry '{definition.Name}' is not a prefix bound to an absolute IRI.");
            }

            _prefixes.Add(definition.Name, definition.Value.GetString()!);
        }

        return [.. root.GetProperty("@graph").EnumerateArray().Select(Node)];
    }

    private GraphNode Node(JsonElement node)
    {
        string? id = null;
        var types = new List<string>();
        var properties = new Dictionary<string, IReadOnlyList<Term>>(StringComparer.Ordinal);
        foreach (var property in node.EnumerateObject())
        {
            switch (property.Name)
            {
                case "@id":
                    id = Expand(property.Value.GetString()!);
                    break;
                case "@type":
                    types.AddRange(Many(property.Value).Select(t => Expand(t.GetString()!)));
                    break;
                case var keyword when keyword.StartsWith('@'):
                    throw new UnsupportedRdfException($"A node uses the keyword {keyword}, which this reader does not understand.");
                default:
                    properties.Add(Expand(property.Name), [.. Many(property.Value).Select(Value)]);
                    break;
            }
        }

        return new GraphNode(id ?? throw new UnsupportedRdfException("A node has no @id; every exported node must be named."), types, properties);
    }

    private Term Value(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => new Literal(value.GetString()!, Ns.String),
        JsonValueKind.Number => value.TryGetInt64(out _) ? new Literal(value.GetRawText(), Ns.Integer) : new Literal(value.GetRawText(), Ns.Double),
        JsonValueKind.True or JsonValueKind.False => new Literal(value.GetRawText(), Ns.Boolean),
        JsonValueKind.Object => ObjectValue(value),
        _ => throw new UnsupportedRdfException($"The value {value.GetRawText()} is neither a literal nor an object."),
    };

    private Term ObjectValue(JsonElement value)
    {
        var keys = value.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToList();
        return keys switch
        {
            ["@id"] => new Iri(Expand(value.GetProperty("@id").GetString()!)),
            ["@language", "@value"] => new Literal(value.GetProperty("@value").GetString()!, Ns.LangString, value.GetProperty("@language").GetString()),
            ["@type", "@value"] => new Literal(value.GetProperty("@value").GetString()!, Expand(value.GetProperty("@type").GetString()!)),
            _ => throw new UnsupportedRdfException($"The value {value.GetRawText()} is not {{\"@id\"}} or {{\"@value\"}} with @language or @type (a nested node?)."),
        };
    }

    // prefix:suffix expands when the prefix is defined; "//" after the colon marks an absolute IRI, as in JSON-LD.
    private string Expand(string name)
    {
        var colon = name.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            throw new UnsupportedRdfException($"'{name}' is a term, and the context defines prefixes only.");
        }

        var prefix = name[..colon];
        var suffix = name[(colon + 1)..];
        if (suffix.StartsWith("//", StringComparison.Ordinal))
        {
            return WellFormed(name) ? name : throw new UnsupportedRdfException($"'{name}' is not a well-formed absolute IRI.");
        }

        if (!_prefixes.TryGetValue(prefix, out var ns))
        {
            throw new UnsupportedRdfException($"'{name}' uses the prefix '{prefix}', which the @context does not define.");
        }

        Used.Add(prefix);
        return ns + suffix;
    }

    // An absolute URI in RFC 3986's characters only, every '%' starting an escape: what the export promises to write.
    private static bool WellFormed(string iri) =>
        Uri.TryCreate(iri, UriKind.Absolute, out _)
        && iri.All(c => char.IsAsciiLetterOrDigit(c) || "-._~:/?#[]@!$&'()*+,;=%".Contains(c, StringComparison.Ordinal))
        && iri.Select((c, i) => c != '%' || (i + 2 < iri.Length && char.IsAsciiHexDigit(iri[i + 1]) && char.IsAsciiHexDigit(iri[i + 2]))).All(ok => ok);

    private static IEnumerable<JsonElement> Many(JsonElement value) =>
        value.ValueKind != JsonValueKind.Array ? [value]
        : value.EnumerateArray().Any(v => v.ValueKind == JsonValueKind.Array) ? throw new UnsupportedRdfException("An array holds an array.")
        : value.EnumerateArray();
}
