namespace OneVisit.Rules.Expressions.Internal;

/// <summary>
/// Evaluates a checked condition by walking its tree, calling the same <see cref="ConditionRuntime"/> operations the
/// compiled delegate calls, so the two cannot disagree. It costs nothing to prepare, where compiling costs a JIT of
/// its own (hundreds of microseconds a condition): a population run that meets thousands of procedures once or twice
/// each would spend most of its time compiling. <see cref="Condition"/> interprets first and compiles what is used often.
/// </summary>
internal static class Interpreter
{
    public static Truth Truth(Bound node, FactValues facts) => node switch
    {
        BoundConstant constant => (Truth)constant.Value,
        BoundFact fact => facts.TruthAt(fact.Fact.Slot),
        BoundNot not => ConditionRuntime.Not(Truth(not.Operand, facts)),
        BoundLogical logical => Logical(logical, facts),
        BoundCompare compare => Compare(compare, facts),
        BoundContains contains => ConditionRuntime.Contains(Text(contains.Text, facts), Text(contains.Part, facts)),
        BoundIn @in => In(@in, facts),
        BoundBetween between => between.Operand.Kind == ValueKind.Date
            ? ConditionRuntime.Between(Date(between.Operand, facts), Date(between.Low, facts), Date(between.High, facts))
            : ConditionRuntime.Between(Number(between.Operand, facts), Number(between.Low, facts), Number(between.High, facts)),
        BoundIsKnown isKnown => ConditionRuntime.Known(facts.KnownAt(isKnown.Fact.Slot) == isKnown.Known),
        _ => throw Unexpected(node),
    };

    // As compiled: the right side is not evaluated once the left decides.
    private static Truth Logical(BoundLogical logical, FactValues facts)
    {
        var left = Truth(logical.Left, facts);
        var decided = logical.IsAnd ? Expressions.Truth.False : Expressions.Truth.True;
        if (left == decided)
        {
            return decided;
        }

        var right = Truth(logical.Right, facts);
        return logical.IsAnd ? ConditionRuntime.And(left, right) : ConditionRuntime.Or(left, right);
    }

    private static Truth Compare(BoundCompare compare, FactValues facts) => compare.Left.Kind switch
    {
        ValueKind.Bool => ConditionRuntime.Compare(Truth(compare.Left, facts), Truth(compare.Right, facts), compare.Op),
        ValueKind.Number => ConditionRuntime.Compare(Number(compare.Left, facts), Number(compare.Right, facts), compare.Op),
        ValueKind.Date => ConditionRuntime.Compare(Date(compare.Left, facts), Date(compare.Right, facts), compare.Op),
        _ => ConditionRuntime.Compare(Text(compare.Left, facts), Text(compare.Right, facts), compare.Op),
    };

    private static Truth In(BoundIn @in, FactValues facts) => @in.Values switch
    {
        decimal[] numbers => ConditionRuntime.In(Number(@in.Operand, facts), numbers, @in.Negated),
        DateOnly[] dates => ConditionRuntime.In(Date(@in.Operand, facts), dates, @in.Negated),
        string[] texts => ConditionRuntime.In(Text(@in.Operand, facts), texts, @in.Negated),
        _ => throw Unexpected(@in),
    };

    private static decimal? Number(Bound node, FactValues facts) => node switch
    {
        BoundConstant constant => (decimal)constant.Value,
        BoundFact fact => facts.NumberAt(fact.Fact.Slot),
        BoundArithmetic arithmetic => ConditionRuntime.Arithmetic(Number(arithmetic.Left, facts), Number(arithmetic.Right, facts), arithmetic.Op),
        BoundNegate negate => ConditionRuntime.Negate(Number(negate.Operand, facts)),
        _ => throw Unexpected(node),
    };

    private static DateOnly? Date(Bound node, FactValues facts) => node switch
    {
        BoundConstant constant => (DateOnly)constant.Value,
        BoundFact fact => facts.DateAt(fact.Fact.Slot),
        BoundAsOf => facts.AsOf,
        BoundDateShift shift => ConditionRuntime.Shift(Date(shift.Date, facts), shift.Amount, shift.Unit),
        _ => throw Unexpected(node),
    };

    private static string? Text(Bound node, FactValues facts) => node switch
    {
        BoundConstant constant => (string)constant.Value,
        BoundFact fact => facts.TextAt(fact.Fact.Slot),
        _ => throw Unexpected(node),
    };

    private static InvalidOperationException Unexpected(Bound node) =>
        new($"Cannot evaluate {node.GetType().Name} of kind {node.Kind}; the condition had errors.");
}
