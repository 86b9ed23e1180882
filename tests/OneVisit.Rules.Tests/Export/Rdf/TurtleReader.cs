using System.Globalization;

namespace OneVisit.Rules.Tests.Export.Rdf;

/// <summary>
/// A deliberately small Turtle reader, enough for SHACL shape files: <c>@prefix</c>, IRIs, prefixed names, <c>a</c>,
/// <c>;</c> and <c>,</c> lists, strings (short and long) with a language or datatype, integers, booleans, blank nodes and
/// <c>[ … ]</c> property lists. Anything else (collections, decimals, <c>@base</c>, relative IRIs) stops
/// it with the line and column, so a shapes file it cannot read fully is never checked half-read.
/// </summary>
internal sealed partial class TurtleReader
{
    private readonly string _text;
    private readonly Dictionary<string, string> _prefixes = new(StringComparer.Ordinal);
    private readonly List<Triple> _triples = [];
    private int _at;
    private int _blanks;

    private TurtleReader(string text) => _text = text;

    public static IReadOnlyList<Triple> Read(string text)
    {
        var reader = new TurtleReader(text);
        while (reader.SkipSpace())
        {
            reader.Statement();
        }

        return reader._triples;
    }

    private void Statement()
    {
        if (Peek('@'))
        {
            Directive();
            return;
        }

        if (Peek('['))
        {
            var subject = BlankPropertyList();
            SkipSpace();
            if (!Peek('.'))
            {
                PredicateObjectList(subject);
            }
        }
        else
        {
            PredicateObjectList(Subject());
        }

        Expect('.');
    }

    private void Directive()
    {
        var word = Word();
        if (word != "@prefix")
        {
            throw Unsupported($"the directive '{word}' (only @prefix is read)");
        }

        SkipSpace();
        var name = Word();
        if (!name.EndsWith(':'))
        {
            throw Unsupported($"the prefix declaration '{name}' (a prefix ends with ':')");
        }

        SkipSpace();
        _prefixes[name[..^1]] = IriRef();
        Expect('.');
    }

    private Term Subject()
    {
        SkipSpace();
        return Peek('<') ? new Iri(IriRef()) : Peek('_') ? BlankLabel() : new Iri(PrefixedName(Word()));
    }

    private void PredicateObjectList(Term subject)
    {
        while (true)
        {
            SkipSpace();
            var verb = Word();
            var predicate = verb == "a" ? new Iri(Ns.Type) : new Iri(verb.StartsWith('<') ? Absolute(verb[1..^1]) : PrefixedName(verb));
            do
            {
                _triples.Add(new Triple(subject, predicate, Object()));
                SkipSpace();
            }
            while (TryTake(','));

            if (!TryTake(';'))
            {
                return;
            }

            // A ';' may end the list (before '.' or ']') without another predicate.
            SkipSpace();
            if (Peek('.') || Peek(']'))
            {
                return;
            }
        }
    }

    private Term Object()
    {
        SkipSpace();
        if (Peek('"'))
        {
            return StringLiteral();
        }

        if (Peek('<'))
        {
            return new Iri(IriRef());
        }

        if (Peek('['))
        {
            return BlankPropertyList();
        }

        if (Peek('_'))
        {
            return BlankLabel();
        }

        if (Peek('('))
        {
            throw Unsupported("a collection '( … )'");
        }

        var word = Word();
        if (word is "true" or "false")
        {
            return new Literal(word, Ns.Boolean);
        }

        if (word.Length > 0 && (char.IsAsciiDigit(word[0]) || word[0] is '+' or '-'))
        {
            return long.TryParse(word, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)
                ? new Literal(word.TrimStart('+'), Ns.Integer)
                : throw Unsupported($"the number '{word}' (only integers are read)");
        }

        return new Iri(PrefixedName(word));
    }

    private Blank BlankPropertyList()
    {
        Expect('[');
        var node = new Blank($"b{++_blanks}");
        SkipSpace();
        if (!Peek(']'))
        {
            PredicateObjectList(node);
        }

        Expect(']');
        return node;
    }

    private Blank BlankLabel()
    {
        var word = Word();
        return word.StartsWith("_:", StringComparison.Ordinal) && word.Length > 2 ? new Blank("l-" + word[2..]) : throw Unsupported($"the token '{word}'");
    }
}
