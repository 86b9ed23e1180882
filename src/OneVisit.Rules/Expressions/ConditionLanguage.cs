using OneVisit.Rules.Diagnostics;
using OneVisit.Rules.Expressions.Internal;

namespace OneVisit.Rules.Expressions;

/// <summary>
/// Reads and type-checks conditions. The language has no calls, constructors, loops or variables, so
/// policy text can never run code; see <c>docs/expressions.md</c>.
/// </summary>
public static class ConditionLanguage
{
    /// <summary>The longest condition accepted, in characters.</summary>
    public const int MaxLength = 2_000;

    /// <summary>The deepest nesting of brackets, <c>not</c> and unary minus accepted.</summary>
    public const int MaxDepth = 32;

    /// <summary>
    /// Parses and type-checks <paramref name="text"/> against <paramref name="facts"/>. Never throws for bad text:
    /// every problem comes back as an <see cref="ExpressionError"/> with its offset.
    /// </summary>
    public static ConditionResult Parse(string text, IFactResolver facts)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(facts);
        if (text.Length > MaxLength)
        {
            return ConditionResult.Failed(new ExpressionError(DiagnosticCodes.ExpressionTooLong,
                $"The condition is {text.Length:N0} characters long; at most {MaxLength:N0} are allowed. Split it, or declare a fact that says it more simply.",
                0, 1));
        }

        Syntax syntax;
        try
        {
            syntax = Parser.Parse(text, MaxDepth);
        }
        catch (ExpressionException e)
        {
            return ConditionResult.Failed(e.Error);
        }

        var errors = new List<ExpressionError>();
        var bound = new Binder(facts, errors).BindCondition(syntax);
        return errors.Count > 0
            ? new ConditionResult(null, errors)
            : new ConditionResult(new Condition(text, facts, bound), []);
    }

    /// <summary>Whether <paramref name="word"/> is a keyword and so cannot name an entity.</summary>
    public static bool IsReservedWord(string word) => Lexer.IsReserved(word);
}

/// <summary>The outcome of <see cref="ConditionLanguage.Parse"/>: a condition, or the errors that prevent one.</summary>
/// <param name="Condition">The checked condition; null when there are errors.</param>
/// <param name="Errors">Every problem found, each with its offset in the text.</param>
public sealed record ConditionResult(Condition? Condition, IReadOnlyList<ExpressionError> Errors)
{
    /// <summary>True when <see cref="Condition"/> is usable.</summary>
    public bool Succeeded => Condition is not null;

    internal static ConditionResult Failed(ExpressionError error) => new(null, [error]);
}
