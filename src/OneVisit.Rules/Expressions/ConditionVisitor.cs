using OneVisit.Rules.Expressions.Internal;

namespace OneVisit.Rules.Expressions;

/// <summary>How two values are compared in a condition (<c>=</c>, <c>!=</c>, <c>&lt;</c>, <c>&lt;=</c>, <c>&gt;</c>, <c>&gt;=</c>).</summary>
public enum ComparisonOperator
{
    /// <summary><c>=</c></summary>
    Equal,

    /// <summary><c>!=</c></summary>
    NotEqual,

    /// <summary><c>&lt;</c></summary>
    Less,

    /// <summary><c>&lt;=</c></summary>
    LessOrEqual,

    /// <summary><c>&gt;</c></summary>
    Greater,

    /// <summary><c>&gt;=</c></summary>
    GreaterOrEqual,
}

/// <summary>Arithmetic over numbers and money in a condition (<c>+</c>, <c>-</c>, <c>*</c>, <c>/</c>).</summary>
public enum ArithmeticOperator
{
    /// <summary><c>+</c></summary>
    Add,

    /// <summary><c>-</c></summary>
    Subtract,

    /// <summary><c>*</c></summary>
    Multiply,

    /// <summary><c>/</c></summary>
    Divide,
}

/// <summary>
/// One part of a checked <see cref="Condition"/>, handed to a <see cref="ConditionVisitor{TResult}"/>. It has no
/// shape of its own to read: pass it to <see cref="ConditionVisitor{TResult}.Visit(ConditionNode)"/> to learn what
/// it is. Keeping it opaque lets the condition language change its tree without breaking readers.
/// </summary>
public readonly struct ConditionNode
{
    internal ConditionNode(Bound bound) => Bound = bound;

    internal Bound Bound { get; }
}

/// <summary>
/// Reads a checked <see cref="Condition"/> one node at a time, for code that presents a condition rather than
/// evaluates it (a guide that phrases it in words, a tool that lists the values it compares against).
/// Override the <c>Visit…</c> method for each kind of node you read; any node you do not override goes to
/// <see cref="DefaultVisit"/>. Children arrive as <see cref="ConditionNode"/>s: call <see cref="Visit(ConditionNode)"/>
/// (on this visitor or another) to read them, so a reader decides for itself how deep to go.
/// </summary>
/// <typeparam name="TResult">What reading a node gives.</typeparam>
/// <remarks>
/// The tree is the one the checker built, so values are already typed: numbers and money are <see cref="decimal"/>,
/// dates are <see cref="DateOnly"/>, text and enum values are <see cref="string"/>, true and false are
/// <see cref="Truth"/>. A negative number literal (<c>-3</c>) arrives as one literal.
/// </remarks>
public abstract class ConditionVisitor<TResult>
{
    /// <summary>Reads the whole of <paramref name="condition"/>.</summary>
    public TResult Visit(Condition condition)
    {
        ArgumentNullException.ThrowIfNull(condition);
        return Visit(new ConditionNode(condition.Root));
    }

    /// <summary>Reads one node by calling the <c>Visit…</c> method for its kind.</summary>
    public TResult Visit(ConditionNode node) => node.Bound switch
    {
        BoundConstant constant => VisitLiteral(constant.Value),
        BoundFact fact => VisitFact(fact.Fact),
        BoundAsOf => VisitAsOf(),
        BoundNot not => VisitNot(new(not.Operand)),
        BoundLogical { IsAnd: true } and => VisitAnd(new(and.Left), new(and.Right)),
        BoundLogical or => VisitOr(new(or.Left), new(or.Right)),
        BoundCompare compare => VisitComparison(Operator(compare.Op), new(compare.Left), new(compare.Right)),
        BoundIn @in => VisitIn(new(@in.Operand), @in.Values.Cast<object>().ToArray(), @in.Negated),
        BoundBetween between => VisitBetween(new(between.Operand), new(between.Low), new(between.High)),
        BoundContains contains => VisitContains(new(contains.Text), new(contains.Part)),
        BoundIsKnown known => VisitIsKnown(known.Fact, known.Known),
        BoundArithmetic arithmetic => VisitArithmetic(Operator(arithmetic.Op), new(arithmetic.Left), new(arithmetic.Right)),
        BoundNegate negate => VisitNegate(new(negate.Operand)),
        BoundDateShift shift => VisitDateShift(new(shift.Date), shift.Amount, shift.Unit),

        // A checked condition holds no error nodes; a default node (never built by the library) lands here too.
        _ => DefaultVisit(),
    };

    /// <summary>A literal: <c>3</c>, <c>1000万</c>, <c>"leased"</c>, <c>2011-08-31</c>, <c>true</c>.</summary>
    /// <param name="value">A <see cref="decimal"/>, <see cref="string"/>, <see cref="DateOnly"/> or <see cref="Truth"/>.</param>
    protected virtual TResult VisitLiteral(object value) => DefaultVisit();

    /// <summary>A fact read by its path, such as <c>applicant.is_agent</c>.</summary>
    protected virtual TResult VisitFact(FactSymbol fact) => DefaultVisit();

    /// <summary>The application date, <c>as_of</c>.</summary>
    protected virtual TResult VisitAsOf() => DefaultVisit();

    /// <summary><c>not operand</c>.</summary>
    protected virtual TResult VisitNot(ConditionNode operand) => DefaultVisit();

    /// <summary><c>left and right</c>. A chain <c>a and b and c</c> arrives as <c>(a and b) and c</c>.</summary>
    protected virtual TResult VisitAnd(ConditionNode left, ConditionNode right) => DefaultVisit();

    /// <summary><c>left or right</c>. A chain <c>a or b or c</c> arrives as <c>(a or b) or c</c>.</summary>
    protected virtual TResult VisitOr(ConditionNode left, ConditionNode right) => DefaultVisit();

    /// <summary><c>left op right</c>, as written: <c>3 &gt; x</c> is not turned round into <c>x &lt; 3</c>.</summary>
    protected virtual TResult VisitComparison(ComparisonOperator op, ConditionNode left, ConditionNode right) => DefaultVisit();

    /// <summary><c>operand in [values]</c>, or <c>operand not in [values]</c> when <paramref name="negated"/>.</summary>
    /// <param name="operand">The value looked for.</param>
    /// <param name="values">The list's literal values, in the order written, typed as for <see cref="VisitLiteral"/>.</param>
    /// <param name="negated">Whether it is <c>not in</c>.</param>
    protected virtual TResult VisitIn(ConditionNode operand, IReadOnlyList<object> values, bool negated) => DefaultVisit();

    /// <summary><c>operand between low and high</c>, both ends included.</summary>
    protected virtual TResult VisitBetween(ConditionNode operand, ConditionNode low, ConditionNode high) => DefaultVisit();

    /// <summary><c>text contains part</c>.</summary>
    protected virtual TResult VisitContains(ConditionNode text, ConditionNode part) => DefaultVisit();

    /// <summary><c>fact is known</c>, or <c>fact is unknown</c> when <paramref name="known"/> is false.</summary>
    protected virtual TResult VisitIsKnown(FactSymbol fact, bool known) => DefaultVisit();

    /// <summary><c>left op right</c> over numbers or money.</summary>
    protected virtual TResult VisitArithmetic(ArithmeticOperator op, ConditionNode left, ConditionNode right) => DefaultVisit();

    /// <summary><c>-operand</c> where the operand is not a literal (a negative literal is a <see cref="VisitLiteral"/>).</summary>
    protected virtual TResult VisitNegate(ConditionNode operand) => DefaultVisit();

    /// <summary>A date moved by a duration: <c>as_of - 1 month</c> arrives with <paramref name="amount"/> -1.</summary>
    /// <param name="date">The date counted from.</param>
    /// <param name="amount">How many units, negative for "before".</param>
    /// <param name="unit">The unit.</param>
    protected virtual TResult VisitDateShift(ConditionNode date, int amount, DurationUnit unit) => DefaultVisit();

    /// <summary>What every <c>Visit…</c> method not overridden gives; <c>default</c> unless overridden.</summary>
    protected virtual TResult DefaultVisit() => default!;

    private static ComparisonOperator Operator(CompareOp op) => op switch
    {
        CompareOp.Equal => ComparisonOperator.Equal,
        CompareOp.NotEqual => ComparisonOperator.NotEqual,
        CompareOp.Less => ComparisonOperator.Less,
        CompareOp.LessOrEqual => ComparisonOperator.LessOrEqual,
        CompareOp.Greater => ComparisonOperator.Greater,
        _ => ComparisonOperator.GreaterOrEqual,
    };

    private static ArithmeticOperator Operator(ArithmeticOp op) => op switch
    {
        ArithmeticOp.Add => ArithmeticOperator.Add,
        ArithmeticOp.Subtract => ArithmeticOperator.Subtract,
        ArithmeticOp.Multiply => ArithmeticOperator.Multiply,
        _ => ArithmeticOperator.Divide,
    };
}
