using System.Linq.Expressions;
using OneVisit.Rules.Expressions.Internal;

namespace OneVisit.Rules.Expressions;

/// <summary>
/// A type-checked condition from the catalogue, such as <c>enterprise.registered_capital &gt;= 1000万</c>.
/// Evaluates in three-valued logic over <see cref="FactValues"/>; build one with <see cref="ConditionLanguage.Parse"/>.
/// </summary>
public sealed class Condition
{
    private readonly Lazy<Expression<Func<FactValues, Truth>>> _expression;
    private readonly Lazy<Func<FactValues, Truth>> _compiled;
    private int _interpreted;

    internal Condition(string text, IFactResolver schema, Bound root)
    {
        Text = text;
        Schema = schema;
        Root = root;
        Facts = FactsOf(root);
        _expression = new(() => Compiler.Compile(root));
        _compiled = new(() => CompileDelegate(_expression.Value));
    }

    /// <summary>The condition as the policy officer wrote it.</summary>
    public string Text { get; }

    /// <summary>The type-checked tree, for readers that phrase a condition in words (the service guide).</summary>
    internal Bound Root { get; }

    /// <summary>The fact schema the condition was checked against.</summary>
    public IFactResolver Schema { get; }

    /// <summary>The facts the condition reads, in order of first mention.</summary>
    public IReadOnlyList<FactSymbol> Facts { get; }

    /// <summary>
    /// The condition as an expression tree, for rule engines that compile their own delegates.
    /// It calls only OneVisit's own operators; policy text cannot reach any other method.
    /// </summary>
    public Expression<Func<FactValues, Truth>> ToExpression() => _expression.Value;

    /// <summary>
    /// Evaluations interpreted before the condition is compiled: compiling costs hundreds of microseconds (a JIT of its
    /// own), interpreting a microsecond or so, so a condition pays for compiling only once it has shown it is used.
    /// </summary>
    internal const int InterpretedEvaluations = 512;

    /// <summary>Evaluates the condition: interpreted at first, compiled once it is used often (thread-safe).</summary>
    /// <exception cref="ArgumentException">The facts belong to another schema.</exception>
    public Truth Evaluate(FactValues facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        if (!ReferenceEquals(facts.Schema, Schema))
        {
            throw new ArgumentException("These facts were made for another fact schema than the condition's.", nameof(facts));
        }

        // Counted without a lock: a few evaluations more or less before compiling change nothing but timing.
        if (_interpreted < InterpretedEvaluations && Interlocked.Increment(ref _interpreted) <= InterpretedEvaluations)
        {
            return Interpreter.Truth(Root, facts);
        }

        return _compiled.Value(facts);
    }

    /// <inheritdoc />
    public override string ToString() => Text;

    // FastExpressionCompiler compiles many times quicker than LambdaExpression.Compile, which matters when a population
    // run meets thousands of procedures' conditions for the first time; for a tree it cannot handle, the framework's.
    private static Func<FactValues, Truth> CompileDelegate(Expression<Func<FactValues, Truth>> expression) =>
        FastExpressionCompiler.ExpressionCompiler.CompileFast(expression, ifFastFailedReturnNull: true) ?? expression.Compile();

    private static List<FactSymbol> FactsOf(Bound root)
    {
        var found = new List<FactSymbol>();
        var pending = new Stack<Bound>();
        pending.Push(root);
        while (pending.TryPop(out var node))
        {
            switch (node)
            {
                case BoundFact fact when !found.Contains(fact.Fact):
                    found.Add(fact.Fact);
                    break;
                case BoundIsKnown isKnown when !found.Contains(isKnown.Fact):
                    found.Add(isKnown.Fact);
                    break;
                case BoundNot n: pending.Push(n.Operand); break;
                case BoundNegate n: pending.Push(n.Operand); break;
                case BoundDateShift n: pending.Push(n.Date); break;
                case BoundIn n: pending.Push(n.Operand); break;
                case BoundContains n: Push(pending, n.Text, n.Part); break;
                case BoundLogical n: Push(pending, n.Left, n.Right); break;
                case BoundCompare n: Push(pending, n.Left, n.Right); break;
                case BoundArithmetic n: Push(pending, n.Left, n.Right); break;
                case BoundBetween n: Push(pending, n.Operand, n.Low, n.High); break;
            }
        }

        return found;
    }

    // Pushed right to left so that facts come out in the order they are written.
    private static void Push(Stack<Bound> pending, params Bound[] children)
    {
        for (var i = children.Length - 1; i >= 0; i--)
        {
            pending.Push(children[i]);
        }
    }
}
