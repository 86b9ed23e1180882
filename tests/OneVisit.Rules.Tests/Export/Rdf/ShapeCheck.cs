namespace OneVisit.Rules.Tests.Export.Rdf;

/// <summary>One failed constraint: which node, of which class, which property, and what is wrong.</summary>
internal sealed record Violation(string Node, string Class, string Property, string Problem)
{
    public override string ToString() => $"{Node} ({Class}) {Property}: {Problem}";
}

/// <summary>
/// Checks every node of a graph against every shape that targets one of its types, as a SHACL validator without
/// inference does: a node is an instance of the classes its <c>@type</c> names, nothing more.
/// </summary>
internal static class ShapeCheck
{
    public static IReadOnlyList<Violation> Run(IReadOnlyList<GraphNode> graph, IReadOnlyList<NodeShape> shapes)
    {
        var byId = graph.ToDictionary(n => n.Id, StringComparer.Ordinal);
        var violations = new List<Violation>();
        foreach (var node in graph)
        {
            foreach (var shape in shapes.Where(s => node.Types.Contains(s.TargetClass)))
            {
                foreach (var constraint in shape.Properties)
                {
                    violations.AddRange(Check(node, shape.TargetClass, constraint, byId));
                }
            }
        }

        return violations;
    }

    private static IEnumerable<Violation> Check(GraphNode node, string type, PropertyConstraint constraint, Dictionary<string, GraphNode> byId)
    {
        var values = node.Values(constraint.Path);
        Violation Fail(string problem) => new(node.Id, type, constraint.Path, problem);
        if (values.Count < constraint.MinCount)
        {
            yield return Fail($"has {values.Count} values, needs at least {constraint.MinCount}");
        }

        if (values.Count > constraint.MaxCount)
        {
            yield return Fail($"has {values.Count} values, takes at most {constraint.MaxCount}");
        }

        foreach (var value in values)
        {
            if (constraint.Class is { } expected && !(value is Iri iri && byId.TryGetValue(iri.Value, out var target) && target.Types.Contains(expected)))
            {
                yield return Fail($"{value} is not described in the document as a {expected}");
            }

            if (constraint.Datatype is { } datatype && !(value is Literal literal && literal.Datatype == datatype))
            {
                yield return Fail($"{value} is not a literal of {datatype}");
            }
        }
    }
}
