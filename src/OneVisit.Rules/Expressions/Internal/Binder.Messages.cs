using OneVisit.Rules.Diagnostics;

namespace OneVisit.Rules.Expressions.Internal;

/// <summary>How the binder names types and operators in messages, and reports what it finds.</summary>
internal sealed partial class Binder
{
    /// <summary>An enum fact compared with a text literal: the literal must be one of the enum's values.</summary>
    private bool CheckEnumValue(Bound candidateEnum, Bound other)
    {
        if (candidateEnum is not BoundFact { Fact.Type.Kind: FactKind.Enum } fact || other is not BoundConstant { Value: string value } literal)
        {
            return true;
        }

        if (fact.Fact.Type.Allows(value))
        {
            return true;
        }

        var hint = Suggestions.DidYouMean(value, fact.Fact.Type.Values);
        return Report(literal, DiagnosticCodes.UnknownEnumValue,
            $"\"{value}\" is not a value of {fact.Fact.Path}; allowed: {string.Join(", ", fact.Fact.Type.Values)}.{hint}");
    }

    private static bool IsEnum(Bound bound) => bound is BoundFact { Fact.Type.Kind: FactKind.Enum };

    private static ValueKind KindOf(FactType type) => type.Kind switch
    {
        FactKind.Bool => ValueKind.Bool,
        FactKind.Number or FactKind.Money => ValueKind.Number,
        FactKind.Date => ValueKind.Date,
        _ => ValueKind.Text,
    };

    private static string Describe(Bound bound)
    {
        var kind = bound.Kind switch
        {
            ValueKind.Bool => "true/false",
            ValueKind.Number => "a number",
            ValueKind.Text => "text",
            ValueKind.Date => "a date",
            _ => "an error",
        };
        return bound is BoundFact fact ? $"{fact.Fact.Path} ({fact.Fact.Type})" : kind;
    }

    private static string Symbol(TokenKind kind) => kind switch
    {
        TokenKind.Plus => "+",
        TokenKind.Minus => "-",
        TokenKind.Star => "*",
        TokenKind.Slash => "/",
        TokenKind.Equal => "=",
        TokenKind.NotEqual => "!=",
        TokenKind.Less => "<",
        TokenKind.LessOrEqual => "<=",
        TokenKind.Greater => ">",
        _ => ">=",
    };

    private static string Text(DurationSyntax duration) => $"{duration.Amount} {duration.Unit.ToString().ToLowerInvariant()}";

    private BoundError Error(Syntax at, string message) => Error(at, DiagnosticCodes.TypeMismatch, message);

    private BoundError Error(Syntax at, string code, string message)
    {
        Report(at, code, message);
        return new BoundError(at.Start, at.End);
    }

    private bool Report(Syntax at, string code, string message)
    {
        errors.Add(new ExpressionError(code, message, at.Start, Math.Max(1, at.Length)));
        return false;
    }

    private bool Report(Bound at, string code, string message)
    {
        errors.Add(new ExpressionError(code, message, at.Start, Math.Max(1, at.End - at.Start)));
        return false;
    }
}
