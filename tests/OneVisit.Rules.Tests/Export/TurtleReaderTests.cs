using OneVisit.Rules.Tests.Export.Rdf;

namespace OneVisit.Rules.Tests.Export;

/// <summary>The tests' Turtle and SHACL readers read what they claim to, and stop at what they do not understand.</summary>
public sealed class TurtleReaderTests
{
    [Fact]
    public void Read_ShapeWithBlankPropertyList_TriplesWithLiteralsAndIris()
    {
        var triples = TurtleReader.Read(""""
            @prefix sh: <http://www.w3.org/ns/shacl#> .
            @prefix ex: <https://example.org/> . # a comment
            ex:S a sh:NodeShape ;
              sh:name "a \"quoted\" name"@en , """a long
            name"""@en ;
              sh:property [ sh:path ex:p ; sh:minCount 1 ; sh:closed false ] .
            """");

        Assert.Equal(7, triples.Count);
        Assert.Contains(triples, t => t.Predicate.Value == Ns.Type && t.Object == new Iri(Ns.Sh + "NodeShape"));
        Assert.Contains(triples, t => t.Object == new Literal("a \"quoted\" name", Ns.LangString, "en"));
        Assert.Contains(triples, t => t.Object == new Literal("a long\nname", Ns.LangString, "en"));
        Assert.Contains(triples, t => t.Predicate.Value == Ns.Sh + "minCount" && t.Object == new Literal("1", Ns.Integer) && t.Subject is Blank);
        Assert.Contains(triples, t => t.Object == new Literal("false", Ns.Boolean));
    }

    [Theory]
    [InlineData("ex:s ex:p ( ex:a ex:b ) .", "a collection", 1)]
    [InlineData("ex:s ex:p 1.5 .", "the number '1.5'", 1)]
    [InlineData("@base <https://example.org/> .", "the directive '@base'", 1)]
    [InlineData("ex:s ex:p <relative> .", "the relative IRI <relative>", 1)]
    [InlineData("ex:s\n  ex:p other:x .", "the prefix 'other:'", 2)]
    [InlineData("ex:s ex:p \"never ends .", "a string that never ends", 1)]
    public void Read_ConstructItDoesNotUnderstand_StopsSayingWhatAndWhere(string body, string what, int line)
    {
        var error = Assert.Throws<UnsupportedRdfException>(() => TurtleReader.Read("@prefix ex: <https://example.org/> .\n" + body));

        Assert.Contains($"Turtle line {line + 1}", error.Message, StringComparison.Ordinal);
        Assert.Contains(what, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sh:pattern \"^x\"", "http://www.w3.org/ns/shacl#pattern")]
    [InlineData("sh:or ex:list", "http://www.w3.org/ns/shacl#or")]
    public void Shapes_ConstraintTheCheckerDoesNotCheck_StopsRatherThanPassing(string constraint, string named)
    {
        var error = Assert.Throws<UnsupportedRdfException>(() => Shapes.Read($"""
            @prefix sh: <http://www.w3.org/ns/shacl#> .
            @prefix ex: <https://example.org/> .
            ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:property [ sh:path ex:p ; {constraint} ] .
            """));

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Shapes_ClosedShape_StopsRatherThanPassing()
    {
        var error = Assert.Throws<UnsupportedRdfException>(() => Shapes.Read("""
            @prefix sh: <http://www.w3.org/ns/shacl#> .
            @prefix ex: <https://example.org/> .
            ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:closed true .
            """));

        Assert.Contains("closed", error.Message, StringComparison.Ordinal);
    }
}
