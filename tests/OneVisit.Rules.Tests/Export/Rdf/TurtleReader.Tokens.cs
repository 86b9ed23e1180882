using System.Text;

namespace OneVisit.Rules.Tests.Export.Rdf;

/// <summary>The reader's tokens: strings, IRIs, names, white space and comments, and where it stopped.</summary>
internal sealed partial class TurtleReader
{
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
