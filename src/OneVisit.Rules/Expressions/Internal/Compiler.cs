using System.Linq.Expressions;
using System.Reflection;

namespace OneVisit.Rules.Expressions.Internal;

/// <summary>
/// Turns a checked condition into an expression tree over <see cref="FactValues"/>. The tree only reads fact
/// slots and calls <see cref="ConditionRuntime"/>: the methods are chosen here, never named by policy text.
/// </summary>
internal static class Compiler
{
    private const BindingFlags Internal = BindingFlags.Instance | BindingFlags.NonPublic;

    private static readonly MethodInfo TruthAt = typeof(FactValues).GetMethod(nameof(FactValues.TruthAt), Internal)!;
    private static readonly MethodInfo KnownAt = typeof(FactValues).GetMethod(nameof(FactValues.KnownAt), Internal)!;
    private static readonly MethodInfo NumberAt = typeof(FactValues).GetMethod(nameof(FactValues.NumberAt), Internal)!;
    private static readonly MethodInfo DateAt = typeof(FactValues).GetMethod(nameof(FactValues.DateAt), Internal)!;
    private static readonly MethodInfo TextAt = typeof(FactValues).GetMethod(nameof(FactValues.TextAt), Internal)!;
    private static readonly PropertyInfo AsOf = typeof(FactValues).GetProperty(nameof(FactValues.AsOf))!;

    public static Expression<Func<FactValues, Truth>> Compile(Bound condition)
    {
        var facts = Expression.Parameter(typeof(FactValues), "facts");
        return Expression.Lambda<Func<FactValues, Truth>>(Emit(condition, facts), facts);
    }

    private static Expression Emit(Bound node, ParameterExpression facts) => node switch
    {
        BoundConstant constant => Constant(constant),
        BoundFact fact => ReadFact(fact, facts),
        BoundAsOf => Expression.Convert(Expression.Property(facts, AsOf), typeof(DateOnly?)),
        BoundNot not => Call(nameof(ConditionRuntime.Not), Emit(not.Operand, facts)),
        BoundLogical logical => EmitLogical(logical, facts),
        BoundCompare compare => Call(nameof(ConditionRuntime.Compare),
            Emit(compare.Left, facts), Emit(compare.Right, facts), Expression.Constant(compare.Op)),
        BoundContains contains => Call(nameof(ConditionRuntime.Contains), Emit(contains.Text, facts), Emit(contains.Part, facts)),
        BoundIn @in => Call(nameof(ConditionRuntime.In),
            Emit(@in.Operand, facts), Expression.Constant(@in.Values), Expression.Constant(@in.Negated)),
        BoundBetween between => Call(nameof(ConditionRuntime.Between),
            Emit(between.Operand, facts), Emit(between.Low, facts), Emit(between.High, facts)),
        BoundIsKnown isKnown => EmitIsKnown(isKnown, facts),
        BoundArithmetic arithmetic => Call(nameof(ConditionRuntime.Arithmetic),
            Emit(arithmetic.Left, facts), Emit(arithmetic.Right, facts), Expression.Constant(arithmetic.Op)),
        BoundNegate negate => Call(nameof(ConditionRuntime.Negate), Emit(negate.Operand, facts)),
        BoundDateShift shift => Call(nameof(ConditionRuntime.Shift),
            Emit(shift.Date, facts), Expression.Constant(shift.Amount), Expression.Constant(shift.Unit)),
        _ => throw new InvalidOperationException($"Cannot compile {node.GetType().Name}; the condition had errors."),
    };

    // 'and' and 'or' skip their right side once the left decides, as a reader would expect.
    private static Expression EmitLogical(BoundLogical logical, ParameterExpression facts)
    {
        var left = Expression.Variable(typeof(Truth), "left");
        var decided = Expression.Constant(logical.IsAnd ? Truth.False : Truth.True);
        var combine = Call(logical.IsAnd ? nameof(ConditionRuntime.And) : nameof(ConditionRuntime.Or), left, Emit(logical.Right, facts));
        return Expression.Block(
            typeof(Truth),
            [left],
            Expression.Assign(left, Emit(logical.Left, facts)),
            Expression.Condition(Expression.Equal(left, decided), decided, combine));
    }

    private static Expression EmitIsKnown(BoundIsKnown isKnown, ParameterExpression facts)
    {
        Expression known = Expression.Call(facts, KnownAt, Expression.Constant(isKnown.Fact.Slot));
        return Call(nameof(ConditionRuntime.Known), isKnown.Known ? known : Expression.Not(known));
    }

    private static Expression Constant(BoundConstant constant) => constant.Kind switch
    {
        ValueKind.Bool => Expression.Constant((Truth)constant.Value),
        ValueKind.Number => Expression.Constant((decimal?)(decimal)constant.Value, typeof(decimal?)),
        ValueKind.Date => Expression.Constant((DateOnly?)(DateOnly)constant.Value, typeof(DateOnly?)),
        _ => Expression.Constant((string)constant.Value, typeof(string)),
    };

    private static MethodCallExpression ReadFact(BoundFact fact, ParameterExpression facts)
    {
        var reader = fact.Kind switch
        {
            ValueKind.Bool => TruthAt,
            ValueKind.Number => NumberAt,
            ValueKind.Date => DateAt,
            _ => TextAt,
        };
        return Expression.Call(facts, reader, Expression.Constant(fact.Fact.Slot));
    }

    private static MethodCallExpression Call(string name, params Expression[] arguments)
    {
        var types = Array.ConvertAll(arguments, a => a.Type);
        var method = typeof(ConditionRuntime).GetMethod(name, BindingFlags.Public | BindingFlags.Static, types)
            ?? throw new InvalidOperationException($"No ConditionRuntime.{name}({string.Join(", ", types.Select(t => t.Name))}).");
        return Expression.Call(method, arguments);
    }
}
