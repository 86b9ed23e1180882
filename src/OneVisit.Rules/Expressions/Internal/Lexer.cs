using System.Globalization;
using OneVisit.Rules.Diagnostics;

namespace OneVisit.Rules.Expressions.Internal;

/// <summary>Splits a condition into tokens. Reports the first unreadable character as an error.</summary>
internal static class Lexer
{
    private static readonly Dictionary<string, TokenKind> Keywords = new(StringComparer.Ordinal)
    {
        ["and"] = TokenKind.And,
        ["or"] = TokenKind.Or,
        ["not"] = TokenKind.Not,
        ["in"] = TokenKind.In,
        ["between"] = TokenKind.Between,
        ["contains"] = TokenKind.Contains,
        ["is"] = TokenKind.Is,
        ["known"] = TokenKind.Known,
        ["unknown"] = TokenKind.Unknown,
        ["true"] = TokenKind.True,
        ["false"] = TokenKind.False,
        ["as_of"] = TokenKind.AsOf,
    };

    private static readonly Dictionary<string, DurationUnit> Units = new(StringComparer.Ordinal)
    {
        ["day"] = DurationUnit.Days,
        ["days"] = DurationUnit.Days,
        ["week"] = DurationUnit.Weeks,
        ["weeks"] = DurationUnit.Weeks,
        ["month"] = DurationUnit.Months,
        ["months"] = DurationUnit.Months,
        ["year"] = DurationUnit.Years,
        ["years"] = DurationUnit.Years,
    };

    /// <summary>Words that cannot name an entity, because a condition would read them as keywords.</summary>
    public static bool IsReserved(string word) => Keywords.ContainsKey(word) || Units.ContainsKey(word);

    public static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (true)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            if (i >= text.Length)
            {
                tokens.Add(new Token(TokenKind.End, text.Length, 0, string.Empty));
                return tokens;
            }

            var token = Next(text, i);
            tokens.Add(token);
            i = token.End;
        }
    }

    private static Token Next(string text, int start)
    {
        var c = text[start];
        if (IsIdentifierStart(c))
        {
            return Word(text, start);
        }

        if (char.IsAsciiDigit(c))
        {
            return LooksLikeDate(text, start) ? DateLiteral(text, start) : NumberLiteral(text, start);
        }

        if (c is '"' or '“' or '”')
        {
            return StringLiteral(text, start);
        }

        char? next = start + 1 < text.Length ? text[start + 1] : null;
        return c switch
        {
            '(' => Symbol(TokenKind.LParen, start, 1, text),
            ')' => Symbol(TokenKind.RParen, start, 1, text),
            '[' => Symbol(TokenKind.LBracket, start, 1, text),
            ']' => Symbol(TokenKind.RBracket, start, 1, text),
            ',' => Symbol(TokenKind.Comma, start, 1, text),
            '.' => Symbol(TokenKind.Dot, start, 1, text),
            '+' => Symbol(TokenKind.Plus, start, 1, text),
            '-' => Symbol(TokenKind.Minus, start, 1, text),
            '*' => Symbol(TokenKind.Star, start, 1, text),
            '/' => Symbol(TokenKind.Slash, start, 1, text),
            '=' when next == '=' => Symbol(TokenKind.Equal, start, 2, text),
            '=' => Symbol(TokenKind.Equal, start, 1, text),
            '!' when next == '=' => Symbol(TokenKind.NotEqual, start, 2, text),
            '<' when next == '=' => Symbol(TokenKind.LessOrEqual, start, 2, text),
            '<' when next == '>' => Symbol(TokenKind.NotEqual, start, 2, text),
            '<' => Symbol(TokenKind.Less, start, 1, text),
            '>' when next == '=' => Symbol(TokenKind.GreaterOrEqual, start, 2, text),
            '>' => Symbol(TokenKind.Greater, start, 1, text),
            '&' or '|' => throw Fail(start, 1, $"'{c}' is not an operator here; write 'and' or 'or'."),
            '\'' => throw Fail(start, 1, "Text goes in double quotes: \"like this\"."),
            _ when char.IsLetter(c) => throw Fail(start, 1,
                $"'{c}' cannot stand outside quotes; put text in double quotes, and name facts as entity.field."),
            _ => throw Fail(start, 1, $"The character '{c}' (U+{(int)c:X4}) has no meaning in a condition."),
        };
    }

    private static Token Symbol(TokenKind kind, int start, int length, string text) =>
        new(kind, start, length, text.Substring(start, length));

    private static bool IsIdentifierStart(char c) => char.IsAsciiLetter(c) || c == '_';

    private static bool IsIdentifierPart(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';

    private static Token Word(string text, int start)
    {
        var end = start;
        while (end < text.Length && IsIdentifierPart(text[end]))
        {
            end++;
        }

        var word = text[start..end];
        if (Keywords.TryGetValue(word, out var keyword))
        {
            return new Token(keyword, start, end - start, word);
        }

        return Units.TryGetValue(word, out var unit)
            ? new Token(TokenKind.DurationUnit, start, end - start, word, unit)
            : new Token(TokenKind.Identifier, start, end - start, word);
    }

    // yyyy-mm-dd written without spaces is a date; "2017 - 02" with spaces is arithmetic.
    private static bool LooksLikeDate(string text, int start) =>
        start + 10 <= text.Length
        && !text.AsSpan(start, 4).ContainsAnyExceptInRange('0', '9')
        && text[start + 4] == '-' && char.IsAsciiDigit(text[start + 5]) && char.IsAsciiDigit(text[start + 6])
        && text[start + 7] == '-' && char.IsAsciiDigit(text[start + 8]) && char.IsAsciiDigit(text[start + 9])
        && (start + 10 == text.Length || !IsIdentifierPart(text[start + 10]));

    private static Token DateLiteral(string text, int start)
    {
        var raw = text.Substring(start, 10);
        if (!DateOnly.TryParseExact(raw, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            throw Fail(start, 10, $"{raw} is not a date that exists; write YYYY-MM-DD.", DiagnosticCodes.InvalidLiteral);
        }

        return new Token(TokenKind.Date, start, 10, raw, date);
    }

    private static Token NumberLiteral(string text, int start)
    {
        var end = start;
        var digits = new System.Text.StringBuilder();
        var seenPoint = false;
        while (end < text.Length)
        {
            var c = text[end];
            if (char.IsAsciiDigit(c))
            {
                digits.Append(c);
            }
            else if (c == '_' && end + 1 < text.Length && char.IsAsciiDigit(text[end + 1]))
            {
                // digit separator: 10_000_000
            }
            else if (c == '.' && !seenPoint && end + 1 < text.Length && char.IsAsciiDigit(text[end + 1]))
            {
                seenPoint = true;
                digits.Append('.');
            }
            else
            {
                break;
            }

            end++;
        }

        var multiplier = 1m;
        if (end < text.Length && text[end] is '万' or '亿')
        {
            multiplier = text[end] == '万' ? 10_000m : 100_000_000m;
            end++;
        }

        if (end < text.Length && IsIdentifierStart(text[end]))
        {
            throw Fail(start, end - start + 1, "Put a space between a number and the word after it, as in '18 years'.");
        }

        var raw = text[start..end];
        decimal value;
        try
        {
            value = decimal.Parse(digits.ToString(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture) * multiplier;
        }
        catch (OverflowException)
        {
            throw Fail(start, end - start, $"{raw} is too large a number.", DiagnosticCodes.InvalidLiteral);
        }

        return new Token(TokenKind.Number, start, end - start, raw, value);
    }

    private static Token StringLiteral(string text, int start)
    {
        // Text opened with a straight quote closes with one; text opened with a Chinese curly quote (as Chinese
        // keyboards type it) closes with either kind, so “浙江" and “浙江” both read as intended.
        var curly = text[start] != '"';
        var value = new System.Text.StringBuilder();
        var i = start + 1;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '"' || (curly && c is '”' or '“'))
            {
                return new Token(TokenKind.String, start, i + 1 - start, value.ToString(), value.ToString());
            }

            if (c == '\\')
            {
                if (i + 1 < text.Length && text[i + 1] is '"' or '\\')
                {
                    value.Append(text[i + 1]);
                    i += 2;
                    continue;
                }

                throw Fail(i, 2, "Only \\\" and \\\\ may follow a backslash in text.");
            }

            value.Append(c);
            i++;
        }

        throw Fail(start, text.Length - start, "This text has no closing quote.");
    }

    private static ExpressionException Fail(int offset, int length, string message, string code = DiagnosticCodes.ExpressionSyntax) =>
        new(new ExpressionError(code, message, offset, Math.Max(1, length)));
}

/// <summary>Stops reading one condition at its first syntax error; never escapes the expression layer.</summary>
internal sealed class ExpressionException(ExpressionError error) : Exception(error.Message)
{
    public ExpressionError Error { get; } = error;
}
