namespace OneVisit.Rules.Expressions.Internal;

/// <summary>
/// Recursive descent over the tokens. Precedence, loosest first: or, and, not, comparison, + -, * /, unary -.
/// Nesting (parentheses, not, unary minus) is bounded so hostile text cannot exhaust the stack.
/// </summary>
internal sealed class Parser
{
    private readonly List<Token> _tokens;
    private readonly int _maxDepth;
    private int _position;
    private int _depth;

    private Parser(List<Token> tokens, int maxDepth)
    {
        _tokens = tokens;
        _maxDepth = maxDepth;
    }

    /// <summary>Parses a whole condition or throws <see cref="ExpressionException"/> at the first error.</summary>
    public static Syntax Parse(string text, int maxDepth)
    {
        var parser = new Parser(Lexer.Tokenize(text), maxDepth);
        if (parser.Current.Kind == TokenKind.End)
        {
            throw Fail(parser.Current, "The condition is empty.");
        }

        var result = parser.ParseOr();
        if (parser.Current.Kind != TokenKind.End)
        {
            throw Fail(parser.Current, parser.Current.IsComparison || parser.Current.Kind is TokenKind.In or TokenKind.Between or TokenKind.Contains
                ? "Comparisons do not chain; join them with 'and', as in 'a < b and b < c'."
                : $"Expected 'and', 'or' or the end of the condition, but found {parser.Current.Describe()}.");
        }

        return result;
    }

    private Token Current => _tokens[_position];

    private Token Advance() => _tokens[_position++];

    private Token Expect(TokenKind kind, string what)
    {
        if (Current.Kind != kind)
        {
            throw Fail(Current, $"Expected {what}, but found {Current.Describe()}.");
        }

        return Advance();
    }

    private Syntax ParseOr()
    {
        var left = ParseAnd();
        while (Current.Kind == TokenKind.Or)
        {
            Advance();
            var right = ParseAnd();
            left = new BinarySyntax(left.Start, right.End, TokenKind.Or, left, right);
        }

        return left;
    }

    private Syntax ParseAnd()
    {
        var left = ParseNot();
        while (Current.Kind == TokenKind.And)
        {
            Advance();
            var right = ParseNot();
            left = new BinarySyntax(left.Start, right.End, TokenKind.And, left, right);
        }

        return left;
    }

    private Syntax ParseNot()
    {
        if (Current.Kind != TokenKind.Not)
        {
            return ParseComparison();
        }

        var not = Advance();
        Enter(not);
        var operand = ParseNot();
        _depth--;
        return new UnarySyntax(not.Start, operand.End, TokenKind.Not, operand);
    }

    private Syntax ParseComparison()
    {
        var left = ParseAdditive();
        var op = Current;
        switch (op.Kind)
        {
            case var _ when op.IsComparison:
                Advance();
                var right = ParseAdditive();
                return new BinarySyntax(left.Start, right.End, op.Kind, left, right);
            case TokenKind.Contains:
                Advance();
                var part = ParseAdditive();
                return new BinarySyntax(left.Start, part.End, TokenKind.Contains, left, part);
            case TokenKind.In:
                Advance();
                return ParseList(left, negated: false);
            case TokenKind.Not when _tokens[_position + 1].Kind == TokenKind.In:
                Advance();
                Advance();
                return ParseList(left, negated: true);
            case TokenKind.Between:
                Advance();
                var low = ParseAdditive();
                Expect(TokenKind.And, "'and' between the two bounds (x between 1 and 5)");
                var high = ParseAdditive();
                return new BetweenSyntax(left.Start, high.End, left, low, high);
            case TokenKind.Is:
                Advance();
                var negated = Current.Kind == TokenKind.Not;
                if (negated)
                {
                    Advance();
                }

                var word = Current;
                if (word.Kind is not (TokenKind.Known or TokenKind.Unknown))
                {
                    throw Fail(word, "Expected 'known' or 'unknown' after 'is'.");
                }

                Advance();
                return new IsKnownSyntax(left.Start, word.End, left, (word.Kind == TokenKind.Known) != negated);
            default:
                return left;
        }
    }

    private InSyntax ParseList(Syntax operand, bool negated)
    {
        Expect(TokenKind.LBracket, "a list in square brackets after 'in', as in [\"a\", \"b\"]");
        var items = new List<Syntax>();
        if (Current.Kind != TokenKind.RBracket)
        {
            while (true)
            {
                items.Add(ParseAdditive());
                if (Current.Kind != TokenKind.Comma)
                {
                    break;
                }

                Advance();
            }
        }

        var close = Expect(TokenKind.RBracket, "',' or ']' in the list");
        return new InSyntax(operand.Start, close.End, operand, items, negated);
    }

    private Syntax ParseAdditive()
    {
        var left = ParseMultiplicative();
        while (Current.Kind is TokenKind.Plus or TokenKind.Minus)
        {
            var op = Advance();
            var right = ParseMultiplicative();
            left = new BinarySyntax(left.Start, right.End, op.Kind, left, right);
        }

        return left;
    }

    private Syntax ParseMultiplicative()
    {
        var left = ParseUnary();
        while (Current.Kind is TokenKind.Star or TokenKind.Slash)
        {
            var op = Advance();
            var right = ParseUnary();
            left = new BinarySyntax(left.Start, right.End, op.Kind, left, right);
        }

        return left;
    }

    private Syntax ParseUnary()
    {
        if (Current.Kind != TokenKind.Minus)
        {
            return ParsePrimary();
        }

        var minus = Advance();
        Enter(minus);
        var operand = ParseUnary();
        _depth--;
        return new UnarySyntax(minus.Start, operand.End, TokenKind.Minus, operand);
    }

    private Syntax ParsePrimary()
    {
        var token = Current;
        switch (token.Kind)
        {
            case TokenKind.Number:
                Advance();
                if (Current.Kind == TokenKind.DurationUnit)
                {
                    var unit = Advance();
                    return new DurationSyntax(token.Start, unit.End, (decimal)token.Value!, (DurationUnit)unit.Value!);
                }

                return new LiteralSyntax(token.Start, token.End, token.Kind, token.Value, token.Text);
            case TokenKind.String or TokenKind.Date or TokenKind.True or TokenKind.False:
                Advance();
                return new LiteralSyntax(token.Start, token.End, token.Kind, token.Value, token.Text);
            case TokenKind.AsOf:
                Advance();
                return new AsOfSyntax(token.Start, token.End);
            case TokenKind.Identifier:
                return ParseFact();
            case TokenKind.LParen:
                Advance();
                Enter(token);
                var inner = ParseOr();
                _depth--;
                var close = Expect(TokenKind.RParen, "')' to close the '(' at column " + (token.Start + 1));
                return inner with { Start = token.Start, End = close.End };
            case TokenKind.LBracket:
                throw Fail(token, "A list in square brackets may only follow 'in'.");
            case TokenKind.DurationUnit:
                throw Fail(token, $"'{token.Text}' needs a number before it, as in '18 {token.Text}'.");
            case TokenKind.End:
                throw Fail(token, "The condition ends too early; a value is missing.");
            default:
                throw Fail(token, $"Expected a fact, a value or '(', but found {token.Describe()}.");
        }
    }

    private FactSyntax ParseFact()
    {
        var entity = Advance();
        if (Current.Kind != TokenKind.Dot)
        {
            throw Fail(entity,
                $"'{entity.Text}' is neither a fact nor a keyword. Facts are written entity.field (e.g. applicant.birth_date); " +
                $"text goes in double quotes (\"{entity.Text}\").");
        }

        Advance();
        var field = Current;
        // A field may be spelt like a keyword (applicant.unknown…); after the dot only names are possible.
        if (field.Kind is not (TokenKind.Identifier or TokenKind.DurationUnit) && !IsKeywordWord(field))
        {
            throw Fail(field, $"Expected a field name after '{entity.Text}.', but found {field.Describe()}.");
        }

        Advance();
        return new FactSyntax(entity.Start, field.End, $"{entity.Text}.{field.Text}");
    }

    private static bool IsKeywordWord(Token token) =>
        token.Text.Length > 0 && char.IsAsciiLetter(token.Text[0]) && Lexer.IsReserved(token.Text);

    private void Enter(Token at)
    {
        if (++_depth > _maxDepth)
        {
            throw new ExpressionException(new ExpressionError(
                Diagnostics.DiagnosticCodes.ExpressionTooDeep,
                $"The condition nests more than {_maxDepth} levels deep; split it or remove brackets.",
                at.Start,
                Math.Max(1, at.Length)));
        }
    }

    private static ExpressionException Fail(Token at, string message) =>
        new(new ExpressionError(Diagnostics.DiagnosticCodes.ExpressionSyntax, message, at.Start, Math.Max(1, at.Length)));
}
