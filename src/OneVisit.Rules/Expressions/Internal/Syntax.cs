namespace OneVisit.Rules.Expressions.Internal;

/// <summary>The parsed shape of a condition, before types are checked. Offsets point into the condition text.</summary>
internal abstract record Syntax(int Start, int End)
{
    public int Length => End - Start;
}

internal sealed record LiteralSyntax(int Start, int End, TokenKind Kind, object? Value, string Text) : Syntax(Start, End);

internal sealed record DurationSyntax(int Start, int End, decimal Amount, DurationUnit Unit) : Syntax(Start, End);

internal sealed record FactSyntax(int Start, int End, string Path) : Syntax(Start, End);

internal sealed record AsOfSyntax(int Start, int End) : Syntax(Start, End);

internal sealed record UnarySyntax(int Start, int End, TokenKind Operator, Syntax Operand) : Syntax(Start, End);

internal sealed record BinarySyntax(int Start, int End, TokenKind Operator, Syntax Left, Syntax Right) : Syntax(Start, End);

internal sealed record InSyntax(int Start, int End, Syntax Operand, IReadOnlyList<Syntax> Items, bool Negated) : Syntax(Start, End);

internal sealed record BetweenSyntax(int Start, int End, Syntax Operand, Syntax Low, Syntax High) : Syntax(Start, End);

internal sealed record IsKnownSyntax(int Start, int End, Syntax Operand, bool Known) : Syntax(Start, End);
