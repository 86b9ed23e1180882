using OneVisit.Rules.Diagnostics;

namespace OneVisit.Rules.Expressions.Internal;

/// <summary>
/// Checks a parsed condition against the fact schema: every name must be a declared fact, every operator must
/// fit its operands. Reports each mistake once and keeps going, so one lint run shows them all.
/// </summary>
internal sealed partial class Binder(IFactResolver facts, List<ExpressionError> errors)
{
    private const int MaxDurationAmount = 10_000;

    public Bound BindCondition(Syntax syntax)
    {
        var bound = Bind(syntax);
        if (bound.Kind is not (ValueKind.Bool or ValueKind.Error))
        {
            return Error(syntax, $"A condition must be true or false, but this is {Describe(bound)}.");
        }

        return bound;
    }

    private Bound Bind(Syntax syntax) => syntax switch
    {
        LiteralSyntax literal => BindLiteral(literal),
        DurationSyntax duration => Error(duration,
            $"A duration such as '{Text(duration)}' can only be added to or taken from a date, as in 'as_of - 18 years'."),
        FactSyntax fact => BindFact(fact),
        AsOfSyntax asOf => new BoundAsOf(asOf.Start, asOf.End),
        UnarySyntax { Operator: TokenKind.Not } not => BindNot(not),
        UnarySyntax minus => BindNegate(minus),
        BinarySyntax { Operator: TokenKind.And or TokenKind.Or } logical => BindLogical(logical),
        BinarySyntax { Operator: TokenKind.Contains } contains => BindContains(contains),
        BinarySyntax { Operator: TokenKind.Plus or TokenKind.Minus or TokenKind.Star or TokenKind.Slash } arithmetic => BindArithmetic(arithmetic),
        BinarySyntax comparison => BindComparison(comparison),
        InSyntax @in => BindIn(@in),
        BetweenSyntax between => BindBetween(between),
        IsKnownSyntax isKnown => BindIsKnown(isKnown),
        _ => throw new InvalidOperationException($"Unexpected syntax {syntax.GetType().Name}."),
    };

    private static BoundConstant BindLiteral(LiteralSyntax literal) => literal.Kind switch
    {
        TokenKind.Number => new(ValueKind.Number, literal.Start, literal.End, literal.Value!),
        TokenKind.String => new(ValueKind.Text, literal.Start, literal.End, literal.Value!),
        TokenKind.Date => new(ValueKind.Date, literal.Start, literal.End, literal.Value!),
        TokenKind.True => new(ValueKind.Bool, literal.Start, literal.End, Truth.True),
        _ => new(ValueKind.Bool, literal.Start, literal.End, Truth.False),
    };

    private Bound BindFact(FactSyntax syntax)
    {
        var fact = facts.Find(syntax.Path);
        if (fact is null)
        {
            var hint = Suggestions.DidYouMean(syntax.Path, facts.Facts.Select(f => f.Path));
            return Error(syntax, DiagnosticCodes.UnknownFact, $"'{syntax.Path}' is not declared in facts.yaml.{hint}");
        }

        return new BoundFact(KindOf(fact.Type), syntax.Start, syntax.End, fact);
    }

    private Bound BindNot(UnarySyntax syntax)
    {
        var operand = Bind(syntax.Operand);
        return operand.Kind switch
        {
            ValueKind.Error => operand,
            ValueKind.Bool => new BoundNot(syntax.Start, syntax.End, operand),
            _ => Error(syntax.Operand, $"'not' needs true or false, but this is {Describe(operand)}."),
        };
    }

    private Bound BindNegate(UnarySyntax syntax)
    {
        var operand = Bind(syntax.Operand);
        return operand.Kind switch
        {
            ValueKind.Error => operand,
            // A negative literal stays a literal, so it may stand in a list after 'in'.
            ValueKind.Number when operand is BoundConstant { Value: decimal value } => new BoundConstant(ValueKind.Number, syntax.Start, syntax.End, -value),
            ValueKind.Number => new BoundNegate(syntax.Start, syntax.End, operand),
            _ => Error(syntax.Operand, $"'-' needs a number, but this is {Describe(operand)}."),
        };
    }

    private Bound BindLogical(BinarySyntax syntax)
    {
        var word = syntax.Operator == TokenKind.And ? "and" : "or";
        var left = Bind(syntax.Left);
        var right = Bind(syntax.Right);
        if (left.Kind is not (ValueKind.Bool or ValueKind.Error))
        {
            left = Error(syntax.Left, $"Each side of '{word}' must be true or false, but this is {Describe(left)}.");
        }

        if (right.Kind is not (ValueKind.Bool or ValueKind.Error))
        {
            right = Error(syntax.Right, $"Each side of '{word}' must be true or false, but this is {Describe(right)}.");
        }

        return left.Kind == ValueKind.Error || right.Kind == ValueKind.Error
            ? new BoundError(syntax.Start, syntax.End)
            : new BoundLogical(syntax.Start, syntax.End, syntax.Operator == TokenKind.And, left, right);
    }

    private Bound BindContains(BinarySyntax syntax)
    {
        var text = Bind(syntax.Left);
        var part = Bind(syntax.Right);
        if (text.Kind == ValueKind.Error || part.Kind == ValueKind.Error)
        {
            return new BoundError(syntax.Start, syntax.End);
        }

        if (text.Kind != ValueKind.Text || IsEnum(text))
        {
            return Error(syntax.Left, $"'contains' looks inside text, but this is {Describe(text)}.");
        }

        return part.Kind == ValueKind.Text
            ? new BoundContains(syntax.Start, syntax.End, text, part)
            : Error(syntax.Right, $"'contains' needs text to look for, but this is {Describe(part)}.");
    }

    private Bound BindArithmetic(BinarySyntax syntax)
    {
        var left = Bind(syntax.Left);
        if (syntax.Right is DurationSyntax duration && syntax.Operator is TokenKind.Plus or TokenKind.Minus)
        {
            return BindDateShift(syntax, left, duration);
        }

        var right = Bind(syntax.Right);
        if (left.Kind == ValueKind.Error || right.Kind == ValueKind.Error)
        {
            return new BoundError(syntax.Start, syntax.End);
        }

        if (left.Kind == ValueKind.Number && right.Kind == ValueKind.Number)
        {
            var op = syntax.Operator switch
            {
                TokenKind.Plus => ArithmeticOp.Add,
                TokenKind.Minus => ArithmeticOp.Subtract,
                TokenKind.Star => ArithmeticOp.Multiply,
                _ => ArithmeticOp.Divide,
            };
            return new BoundArithmetic(syntax.Start, syntax.End, op, left, right);
        }

        var symbol = Symbol(syntax.Operator);
        if (left.Kind == ValueKind.Date && right.Kind == ValueKind.Date && syntax.Operator == TokenKind.Minus)
        {
            return Error(syntax, "Dates cannot be subtracted from each other; compare a date with another date moved by a duration, as in 'applicant.birth_date <= as_of - 18 years'.");
        }

        return Error(syntax, $"'{symbol}' works on numbers (and a date {(syntax.Operator == TokenKind.Plus ? "plus" : "minus")} a duration), not on {Describe(left)} and {Describe(right)}.");
    }

    private Bound BindDateShift(BinarySyntax syntax, Bound date, DurationSyntax duration)
    {
        if (date.Kind == ValueKind.Error)
        {
            return date;
        }

        if (date.Kind != ValueKind.Date)
        {
            return Error(syntax.Left, $"A duration can only be added to or taken from a date, but this is {Describe(date)}.");
        }

        if (duration.Amount != decimal.Truncate(duration.Amount) || duration.Amount > MaxDurationAmount)
        {
            return Error(duration, DiagnosticCodes.InvalidLiteral,
                $"A duration must be a whole number up to {MaxDurationAmount:N0}; write '6 months' rather than '0.5 years'.");
        }

        var amount = (int)duration.Amount;
        return new BoundDateShift(syntax.Start, syntax.End, date, syntax.Operator == TokenKind.Minus ? -amount : amount, duration.Unit);
    }

    private Bound BindComparison(BinarySyntax syntax)
    {
        var left = Bind(syntax.Left);
        var right = Bind(syntax.Right);
        if (left.Kind == ValueKind.Error || right.Kind == ValueKind.Error)
        {
            return new BoundError(syntax.Start, syntax.End);
        }

        var op = syntax.Operator switch
        {
            TokenKind.Equal => CompareOp.Equal,
            TokenKind.NotEqual => CompareOp.NotEqual,
            TokenKind.Less => CompareOp.Less,
            TokenKind.LessOrEqual => CompareOp.LessOrEqual,
            TokenKind.Greater => CompareOp.Greater,
            _ => CompareOp.GreaterOrEqual,
        };
        var symbol = Symbol(syntax.Operator);
        if (left.Kind != right.Kind)
        {
            return Error(syntax, $"'{symbol}' compares values of one kind, but this compares {Describe(left)} with {Describe(right)}.");
        }

        if (op is not (CompareOp.Equal or CompareOp.NotEqual) && left.Kind is not (ValueKind.Number or ValueKind.Date))
        {
            return Error(syntax, $"'{symbol}' orders numbers and dates; {Describe(left)} can only be compared with '=' or '!='.");
        }

        if (!CheckEnumValue(left, right) | !CheckEnumValue(right, left))
        {
            return new BoundError(syntax.Start, syntax.End);
        }

        return new BoundCompare(syntax.Start, syntax.End, op, left, right);
    }

    private Bound BindIn(InSyntax syntax)
    {
        var operand = Bind(syntax.Operand);
        if (operand.Kind == ValueKind.Error)
        {
            return operand;
        }

        if (operand.Kind is not (ValueKind.Text or ValueKind.Number or ValueKind.Date))
        {
            return Error(syntax.Operand, $"'in' looks for text, a number or a date in a list, but this is {Describe(operand)}.");
        }

        if (syntax.Items.Count == 0)
        {
            return Error(syntax, "The list after 'in' is empty; name at least one value.");
        }

        var values = new List<object>();
        var ok = true;
        foreach (var item in syntax.Items)
        {
            var value = Bind(item);
            if (value is not BoundConstant constant)
            {
                ok &= value.Kind == ValueKind.Error
                    || Report(item, DiagnosticCodes.TypeMismatch, "The list after 'in' may only hold values written out, such as \"a\", 5 or 2017-01-01.");
                continue;
            }

            if (constant.Kind != operand.Kind)
            {
                ok = Report(item, DiagnosticCodes.TypeMismatch, $"The list holds {Describe(constant)}, but {Describe(operand)} is looked for.");
                continue;
            }

            ok &= CheckEnumValue(operand, constant);
            values.Add(constant.Value);
        }

        if (!ok)
        {
            return new BoundError(syntax.Start, syntax.End);
        }

        Array array = operand.Kind switch
        {
            ValueKind.Text => values.Cast<string>().ToArray(),
            ValueKind.Number => values.Cast<decimal>().ToArray(),
            _ => values.Cast<DateOnly>().ToArray(),
        };
        return new BoundIn(syntax.Start, syntax.End, operand, array, syntax.Negated);
    }

    private Bound BindBetween(BetweenSyntax syntax)
    {
        var operand = Bind(syntax.Operand);
        var low = Bind(syntax.Low);
        var high = Bind(syntax.High);
        if (operand.Kind == ValueKind.Error || low.Kind == ValueKind.Error || high.Kind == ValueKind.Error)
        {
            return new BoundError(syntax.Start, syntax.End);
        }

        if (operand.Kind is not (ValueKind.Number or ValueKind.Date))
        {
            return Error(syntax.Operand, $"'between' works on numbers and dates, but this is {Describe(operand)}.");
        }

        if (low.Kind != operand.Kind || high.Kind != operand.Kind)
        {
            var wrong = low.Kind != operand.Kind ? syntax.Low : syntax.High;
            var bound = low.Kind != operand.Kind ? low : high;
            return Error(wrong, $"The bounds of 'between' must be like {Describe(operand)}, but this is {Describe(bound)}.");
        }

        return new BoundBetween(syntax.Start, syntax.End, operand, low, high);
    }

    private Bound BindIsKnown(IsKnownSyntax syntax)
    {
        if (syntax.Operand is not FactSyntax factSyntax)
        {
            return Error(syntax.Operand, "'is known' and 'is unknown' apply to a fact, such as 'applicant.marital_status is known'.");
        }

        var bound = BindFact(factSyntax);
        return bound is BoundFact fact
            ? new BoundIsKnown(syntax.Start, syntax.End, fact.Fact, syntax.Known)
            : bound;
    }
}
