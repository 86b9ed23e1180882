namespace OneVisit.Rules.Tests.Export.Rdf;

/// <summary>An RDF term as the tests' readers produce it: an IRI, a blank node, or a literal.</summary>
internal abstract record Term;

/// <summary>An absolute IRI.</summary>
internal sealed record Iri(string Value) : Term
{
    public override string ToString() => $"<{Value}>";
}

/// <summary>A blank node, by the label the reader gave it.</summary>
internal sealed record Blank(string Label) : Term
{
    public override string ToString() => $"_:{Label}";
}

/// <summary>A literal: its lexical form with a language (then its datatype is rdf:langString) or a datatype.</summary>
internal sealed record Literal(string Value, string Datatype, string? Language = null) : Term
{
    public override string ToString() => Language is null ? $"\"{Value}\"^^<{Datatype}>" : $"\"{Value}\"@{Language}";
}

/// <summary>One statement.</summary>
internal sealed record Triple(Term Subject, Iri Predicate, Term Object);

/// <summary>The IRIs the readers and checks name.</summary>
internal static class Ns
{
    public const string Rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    public const string Rdfs = "http://www.w3.org/2000/01/rdf-schema#";
    public const string Xsd = "http://www.w3.org/2001/XMLSchema#";
    public const string Sh = "http://www.w3.org/ns/shacl#";
    public const string Type = Rdf + "type";
    public const string LangString = Rdf + "langString";
    public const string String = Xsd + "string";
    public const string Integer = Xsd + "integer";
    public const string Boolean = Xsd + "boolean";
    public const string Double = Xsd + "double";
}

/// <summary>The input uses something the tests' small readers do not understand; they stop rather than guess.</summary>
internal sealed class UnsupportedRdfException(string message) : Exception(message);
