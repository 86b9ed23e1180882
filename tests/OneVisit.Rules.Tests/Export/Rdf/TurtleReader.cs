using System.Globalization;
using System.Text;

namespace OneVisit.Rules.Tests.Export.Rdf;

/// <summary>
/// A deliberately small Turtle reader, enough for SHACL shape files: <c>@prefix</c>, IRIs, prefixed names, <c>a</c>,
/// <c>;</c> and <c>,</c> lists, strings (short and long) with a language or datatype, integers, booleans, blank nodes and
/// <c>[ … ]</c> property lists. Anything else (collections, decimals, <c>@base</c>, relative IRIs) stops
/// it with the line and column, so a shapes file it cannot read fully is never checked half-read.
/// </summary>
internal sealed class TurtleReader
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

    private Literal StringLiteral()
    {
        // A long string ("""…""") may hold line breaks and single quotes; a short one ends at the next quote.
        var quote = _text.AsSpan(_at).StartsWith("\"\"\"") ? "\"\"\"" : "\"";
        var value = new StringBuilder();
        _at += quote.Length;
        while (_at < _text.Length && !_text.AsSpan(_at).StartsWith(quote))
        {
            value.Append(_text[_at] == '\\' ? Escape() : _text[_at]);
            _at++;
        }

        if (_at >= _text.Length)
        {
            throw Unsupported("a string that never ends");
        }

        _at += quote.Length;
        if (TryTake('@'))
        {
            return new Literal(value.ToString(), Ns.LangString, Word());
        }

        if (_text.AsSpan(_at).StartsWith("^^"))
        {
            _at += 2;
            var datatype = Peek('<') ? IriRef() : PrefixedName(Word());
            return new Literal(value.ToString(), datatype);
        }

        return new Literal(value.ToString(), Ns.String);
    }

    private char Escape()
    {
        _at++;
        return _at < _text.Length ? _text[_at] switch
        {
            '"' => '"',
            '\\' => '\\',
            'n' => '\n',
            't' => '\t',
            'r' => '\r',
            _ => throw Unsupported($"the string escape '\\{_text[_at]}'"),
        } : throw Unsupported("a string that never ends");
    }

    private string IriRef()
    {
        Expect('<');
        var end = _text.IndexOf('>', _at);
        if (end < 0)
        {
            throw Unsupported("an IRI that never ends");
        }

        var iri = _text[_at..end];
        _at = end + 1;
        return Absolute(iri);
    }

    private string Absolute(string iri) =>
        Uri.TryCreate(iri, UriKind.Absolute, out _) ? iri : throw Unsupported($"the relative IRI <{iri}> (no @base is read)");

    private string PrefixedName(string word)
    {
        var colon = word.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            throw Unsupported($"the token '{word}'");
        }

        return _prefixes.TryGetValue(word[..colon], out var ns) ? ns + word[(colon + 1)..] : throw Unsupported($"the prefix '{word[..colon]}:', which is not declared");
    }

    // A run of characters up to white space or punctuation; a name never ends with '.', which then ends the statement.
    private string Word()
    {
        SkipSpace();
        var start = _at;
        if (Peek('<'))
        {
            return "<" + IriRef() + ">";
        }

        while (_at < _text.Length && !char.IsWhiteSpace(_text[_at]) && _text[_at] is not (';' or ',' or '[' or ']' or '(' or ')' or '"' or '#'))
        {
            _at++;
        }

        while (_at > start + 1 && _text[_at - 1] == '.')
        {
            _at--;
        }

        return _at > start ? _text[start.._at] : throw Unsupported($"'{_text[_at]}' where a name was expected");
    }

    private bool SkipSpace()
    {
        while (_at < _text.Length)
        {
            if (char.IsWhiteSpace(_text[_at]))
            {
                _at++;
            }
            else if (_text[_at] == '#')
            {
                while (_at < _text.Length && _text[_at] != '\n')
                {
                    _at++;
                }
            }
            else
            {
                return true;
            }
        }

        return false;
    }

    private bool Peek(char c) => _at < _text.Length && _text[_at] == c;

    private bool TryTake(char c)
    {
        SkipSpace();
        if (!Peek(c))
        {
            return false;
        }

        _at++;
        return true;
    }

    private void Expect(char c)
    {
        if (!TryTake(c))
        {
            throw Unsupported(_at < _text.Length ? $"'{_text[_at]}' where '{c}' was expected" : $"the end of the file where '{c}' was expected");
        }
    }

    private UnsupportedRdfException Unsupported(string what)
    {
        var line = 1 + _text.AsSpan(0, Math.Min(_at, _text.Length)).Count('\n');
        var column = _at - (_text.LastIndexOf('\n', Math.Max(0, Math.Min(_at, _text.Length) - 1)) + 1) + 1;
        return new UnsupportedRdfException($"Turtle line {line}, column {column}: this reader does not understand {what}.");
    }
}
