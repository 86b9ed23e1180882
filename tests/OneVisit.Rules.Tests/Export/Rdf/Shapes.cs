using System.Globalization;

namespace OneVisit.Rules.Tests.Export.Rdf;

/// <summary>One property constraint of a node shape: its path and what the checker checks of it.</summary>
internal sealed record PropertyConstraint(string Path, int? MinCount, int? MaxCount, string? Class, string? Datatype);

/// <summary>A node shape: the class whose instances it targets, and its property constraints.</summary>
internal sealed record NodeShape(string Id, string TargetClass, IReadOnlyList<PropertyConstraint> Properties);

/// <summary>
/// Reads SHACL node shapes from Turtle: <c>sh:targetClass</c>, <c>sh:property</c>, and each property shape's
/// <c>sh:path</c> (an IRI), <c>sh:minCount</c>, <c>sh:maxCount</c>, <c>sh:class</c> and <c>sh:datatype</c>. A shape using
/// any other constraint (<c>sh:or</c>, <c>sh:pattern</c>, a closed shape, a path expression …) stops the reader: the
/// checker would not check it, and a test must not pass by ignoring it.
/// </summary>
internal static class Shapes
{
    // What a shape may say that does not constrain anything, and what the checker checks.
    private static readonly HashSet<string> NodeShapeWords = [Ns.Type, Ns.Sh + "targetClass", Ns.Sh + "property", Ns.Sh + "closed", Ns.Sh + "name", Ns.Sh + "description", Ns.Rdfs + "seeAlso", Ns.Rdfs + "label", Ns.Rdfs + "comment"];
    private static readonly HashSet<string> PropertyShapeWords = [Ns.Sh + "path", Ns.Sh + "minCount", Ns.Sh + "maxCount", Ns.Sh + "class", Ns.Sh + "datatype", Ns.Sh + "name", Ns.Sh + "description", Ns.Rdfs + "seeAlso"];

    public static IReadOnlyList<NodeShape> Read(string turtle)
    {
        var triples = TurtleReader.Read(turtle);
        var bySubject = triples.GroupBy(t => t.Subject).ToDictionary(g => g.Key, g => g.ToList());
        var shapes = new List<NodeShape>();
        foreach (var (subject, statements) in bySubject.Where(s => s.Value.Any(t => t.Predicate.Value == Ns.Type && t.Object == new Iri(Ns.Sh + "NodeShape"))))
        {
            Only(subject, statements, NodeShapeWords);
            if (statements.Any(t => t.Predicate.Value == Ns.Sh + "closed" && t.Object is not Literal { Value: "false" }))
            {
                throw new UnsupportedRdfException($"Shape {subject} is closed, which the checker does not check.");
            }

            var properties = statements.Where(t => t.Predicate.Value == Ns.Sh + "property").Select(t => Property(t.Object, bySubject)).ToList();
            foreach (var target in statements.Where(t => t.Predicate.Value == Ns.Sh + "targetClass"))
            {
                shapes.Add(new NodeShape(subject.ToString(), ((Iri)target.Object).Value, properties));
            }
        }

        return shapes;
    }

    private static PropertyConstraint Property(Term shape, Dictionary<Term, List<Triple>> bySubject)
    {
        var statements = bySubject.TryGetValue(shape, out var found) ? found : throw new UnsupportedRdfException($"The property shape {shape} is not described in the file.");
        Only(shape, statements, PropertyShapeWords);
        var path = One(shape, statements, "path") as Iri ?? throw new UnsupportedRdfException($"Property shape {shape} has a path expression, not a single property.");
        return new PropertyConstraint(path.Value, Count(shape, statements, "minCount"), Count(shape, statements, "maxCount"), (One(shape, statements, "class") as Iri)?.Value, (One(shape, statements, "datatype") as Iri)?.Value);
    }

    private static void Only(Term shape, List<Triple> statements, HashSet<string> allowed)
    {
        var unknown = statements.Select(t => t.Predicate.Value).Where(p => !allowed.Contains(p)).Distinct().ToList();
        if (unknown.Count > 0)
        {
            throw new UnsupportedRdfException($"Shape {shape} uses {string.Join(", ", unknown)}, which the checker does not check.");
        }
    }

    private static Term? One(Term shape, List<Triple> statements, string word)
    {
        var values = statements.Where(t => t.Predicate.Value == Ns.Sh + word).Select(t => t.Object).ToList();
        return values.Count <= 1 ? values.SingleOrDefault() : throw new UnsupportedRdfException($"Property shape {shape} has {values.Count} values of sh:{word}; the checker reads one.");
    }

    private static int? Count(Term shape, List<Triple> statements, string word) =>
        One(shape, statements, word) switch
        {
            null => null,
            Literal { Datatype: Ns.Integer } count => int.Parse(count.Value, CultureInfo.InvariantCulture),
            var other => throw new UnsupportedRdfException($"Property shape {shape} has sh:{word} {other}, not an integer."),
        };
}
