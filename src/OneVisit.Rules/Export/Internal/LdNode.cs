using System.Text.Json;

namespace OneVisit.Rules.Export.Internal;

/// <summary>One node of the graph: its IRI, its types and its properties, each kept in the order first added.</summary>
internal sealed class LdNode(string id, IReadOnlyList<string> types, GraphSection section, int order)
{
    private readonly List<(string Property, List<LdValue> Values)> _properties = [];

    public string Id => id;

    public GraphSection Section => section;

    /// <summary>When the node was created: the graph is written by section, then in this order.</summary>
    public int Order => order;

    /// <summary>Adds a value; null adds nothing, and a value the property already has is not repeated.</summary>
    public LdNode Add(string property, LdValue? value)
    {
        if (value is null)
        {
            return this;
        }

        var index = _properties.FindIndex(p => p.Property == property);
        if (index < 0)
        {
            _properties.Add((property, [value]));
        }
        else if (!_properties[index].Values.Contains(value))
        {
            _properties[index].Values.Add(value);
        }

        return this;
    }

    public LdNode Add(string property, IEnumerable<LdValue> values)
    {
        foreach (var value in values)
        {
            Add(property, value);
        }

        return this;
    }

    public void WriteTo(Utf8JsonWriter json)
    {
        json.WriteStartObject();
        json.WriteString("@id", id);
        if (types.Count == 1)
        {
            json.WriteString("@type", types[0]);
        }
        else
        {
            json.WriteStartArray("@type");
            foreach (var type in types)
            {
                json.WriteStringValue(type);
            }

            json.WriteEndArray();
        }

        foreach (var (property, values) in _properties)
        {
            json.WritePropertyName(property);
            WriteValues(json, values);
        }

        json.WriteEndObject();
    }

    // One value as itself, several as an array: both are JSON-LD, and the single form is what readers expect most.
    private static void WriteValues(Utf8JsonWriter json, List<LdValue> values)
    {
        if (values.Count == 1)
        {
            values[0].WriteTo(json);
            return;
        }

        json.WriteStartArray();
        foreach (var value in values)
        {
            value.WriteTo(json);
        }

        json.WriteEndArray();
    }
}
