namespace OneVisit.Rules.Expressions.Internal;

/// <summary>The runtime kind of a value in a checked condition. Money is a number, an enum is text.</summary>
internal enum ValueKind
{
    Bool,
    Number,
    Text,
    Date,

    /// <summary>Already reported; parents stay quiet so one mistake gives one message.</summary>
    Error,
}

internal enum CompareOp
{
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
}

internal enum ArithmeticOp
{
    Add,
    Subtract,
    Multiply,
    Divide,
}

/// <summary>A type-checked condition node; the compiler turns it into an expression tree.</summary>
internal abstract record Bound(ValueKind Kind, int Start, int End);

internal sealed record BoundConstant(ValueKind Kind, int Start, int End, object Value) : Bound(Kind, Start, End);

internal sealed record BoundFact(ValueKind Kind, int Start, int End, FactSymbol Fact) : Bound(Kind, Start, End);

internal sealed record BoundAsOf(int Start, int End) : Bound(ValueKind.Date, Start, End);

internal sealed record BoundNot(int Start, int End, Bound Operand) : Bound(ValueKind.Bool, Start, End);

internal sealed record BoundLogical(int Start, int End, bool IsAnd, Bound Left, Bound Right) : Bound(ValueKind.Bool, Start, End);

internal sealed record BoundCompare(int Start, int End, CompareOp Op, Bound Left, Bound Right) : Bound(ValueKind.Bool, Start, End);

internal sealed record BoundContains(int Start, int End, Bound Text, Bound Part) : Bound(ValueKind.Bool, Start, End);

internal sealed record BoundIn(int Start, int End, Bound Operand, Array Values, bool Negated) : Bound(ValueKind.Bool, Start, End);

internal sealed record BoundBetween(int Start, int End, Bound Operand, Bound Low, Bound High) : Bound(ValueKind.Bool, Start, End);

internal sealed record BoundIsKnown(int Start, int End, FactSymbol Fact, bool Known) : Bound(ValueKind.Bool, Start, End);

internal sealed record BoundArithmetic(int Start, int End, ArithmeticOp Op, Bound Left, Bound Right) : Bound(ValueKind.Number, Start, End);

internal sealed record BoundNegate(int Start, int End, Bound Operand) : Bound(ValueKind.Number, Start, End);

internal sealed record BoundDateShift(int Start, int End, Bound Date, int Amount, DurationUnit Unit) : Bound(ValueKind.Date, Start, End);

internal sealed record BoundError(int Start, int End) : Bound(ValueKind.Error, Start, End);
