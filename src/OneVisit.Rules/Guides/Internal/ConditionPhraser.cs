using OneVisit.Rules.Catalog;
using OneVisit.Rules.Expressions;

namespace OneVisit.Rules.Guides.Internal;

/// <summary>
/// Phrases a condition for a citizen from its checked tree: each fact as its question with the answer that makes
/// the condition hold ("您是受委托代为办理吗？是"), joined by and/or. A form it cannot put in words (arithmetic
/// over facts, a comparison of two facts) leaves the whole condition as written, so nothing is ever half-said.
/// It reads the tree through the public <see cref="ConditionVisitor{TResult}"/>, so the guide does not depend on
/// how the condition language stores its tree.
/// </summary>
internal sealed class ConditionPhraser(FactSchema schema, PhraseWords words, bool english) : ConditionVisitor<string?>
{
    public string Phrase(PolicyCondition condition) => Visit(condition.Condition) ?? condition.Text;

    protected override string? VisitFact(FactSymbol fact) => fact.Type.Kind == FactKind.Bool ? Answer(fact, words.Yes) : null;

    protected override string? VisitNot(ConditionNode operand) => Shape.Of(operand) switch
    {
        { Fact: { Type.Kind: FactKind.Bool } fact } => Answer(fact, words.No),
        var shape => Visit(operand) is { } inner ? Negated(shape, inner) : null,
    };

    protected override string? VisitAnd(ConditionNode left, ConditionNode right) => Logical(isAnd: true, left, right);

    protected override string? VisitOr(ConditionNode left, ConditionNode right) => Logical(isAnd: false, left, right);

    protected override string? VisitComparison(ComparisonOperator op, ConditionNode left, ConditionNode right)
    {
        if (Shape.Of(left).Fact is { } fact && Value(right, fact) is { } value)
        {
            return Answer(fact, Relation(op, fact, right, value));
        }

        return Shape.Of(right).Fact is { } flipped && Value(left, flipped) is { } other
            ? Answer(flipped, Relation(Flip(op), flipped, left, other))
            : null;
    }

    protected override string? VisitIn(ConditionNode operand, IReadOnlyList<object> values, bool negated)
    {
        if (Shape.Of(operand).Fact is not { } fact)
        {
            return null;
        }

        var list = string.Join(words.Either, values.Select(v => Constant(v, fact)));
        return Answer(fact, negated ? words.IsNot(list) : list);
    }

    protected override string? VisitBetween(ConditionNode operand, ConditionNode low, ConditionNode high) =>
        Shape.Of(operand).Fact is { } fact && Value(low, fact) is { } from && Value(high, fact) is { } to
            ? Answer(fact, words.Between(from, to))
            : null;

    protected override string? VisitContains(ConditionNode text, ConditionNode part) =>
        Shape.Of(text).Fact is { } fact && Shape.Of(part).Literal is string written
            ? Answer(fact, words.Contains(words.Quote(written)))
            : null;

    protected override string? VisitIsKnown(FactSymbol fact, bool known) => Answer(fact, known ? words.Known : words.Unknown);

    // "Not (a and b)" is "not both", "not (a or b)" is "neither": one word for both would say the wrong thing.
    private string Negated(Shape operand, string phrase) => operand.IsAnd switch
    {
        true => words.NotAll(phrase),
        false => words.NoneOf(phrase),
        null => words.Not(phrase),
    };

    // A chain of the same operator reads as one list; a nested chain of the other operator is bracketed.
    private string? Logical(bool isAnd, ConditionNode left, ConditionNode right)
    {
        var parts = new List<string>();
        foreach (var operand in Chain(left, isAnd).Concat(Chain(right, isAnd)))
        {
            if (Visit(operand) is not { } phrase)
            {
                return null;
            }

            parts.Add(Shape.Of(operand).IsAnd is not null ? words.Group(phrase) : phrase);
        }

        return string.Join(isAnd ? words.And : words.Or, parts);
    }

    private static IEnumerable<ConditionNode> Chain(ConditionNode node, bool isAnd) => Shape.Of(node) is { IsAnd: { } nodeIsAnd } shape && nodeIsAnd == isAnd
        ? Chain(shape.Left, isAnd).Concat(Chain(shape.Right, isAnd))
        : [node];

    private string Relation(ComparisonOperator op, FactSymbol fact, ConditionNode other, string value)
    {
        if (Shape.Of(other).Literal is Truth truth)
        {
            return (truth == Truth.True) == (op == ComparisonOperator.Equal) ? words.Yes : words.No;
        }

        var isDate = fact.Type.Kind == FactKind.Date;
        return op switch
        {
            ComparisonOperator.Equal => value,
            ComparisonOperator.NotEqual => words.IsNot(value),
            ComparisonOperator.Greater => isDate ? words.After(value) : words.MoreThan(value),
            ComparisonOperator.GreaterOrEqual => isDate ? words.OnOrAfter(value) : words.AtLeast(value),
            ComparisonOperator.Less => isDate ? words.Before(value) : words.LessThan(value),
            _ => isDate ? words.OnOrBefore(value) : words.AtMost(value),
        };
    }

    private static ComparisonOperator Flip(ComparisonOperator op) => op switch
    {
        ComparisonOperator.Greater => ComparisonOperator.Less,
        ComparisonOperator.GreaterOrEqual => ComparisonOperator.LessOrEqual,
        ComparisonOperator.Less => ComparisonOperator.Greater,
        ComparisonOperator.LessOrEqual => ComparisonOperator.GreaterOrEqual,
        _ => op,
    };

    private string? Value(ConditionNode node, FactSymbol fact) => new ValuePhraser(words, v => Constant(v, fact)).Visit(node);

    private string Constant(object value, FactSymbol fact) => value switch
    {
        string text when fact.Type.Kind == FactKind.Enum => words.EnumValue(text, schema.Definition(fact.Path)?.ValueLabels.GetValueOrDefault(text)),
        string text => words.Quote(text),
        decimal number => fact.Type.Kind == FactKind.Money ? words.Money(number) : words.Number(number),
        DateOnly date => words.Date(date),
        Truth truth => truth == Truth.True ? words.Yes : words.No,
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "",
    };

    private string? Answer(FactSymbol fact, string answer) => schema.Definition(fact.Path) is { } definition
        ? words.Answer(english ? definition.Question.EnglishOrText : definition.Question.Text, answer)
        : null;

    /// <summary>Only values a citizen can read: literals, the application date and a date counted from it.</summary>
    private sealed class ValuePhraser(PhraseWords words, Func<object, string> constant) : ConditionVisitor<string?>
    {
        protected override string? VisitLiteral(object value) => constant(value);

        protected override string? VisitNegate(ConditionNode operand) => Shape.Of(operand).Literal is decimal number ? constant(-number) : null;

        protected override string? VisitAsOf() => words.AsOf;

        protected override string? VisitDateShift(ConditionNode date, int amount, DurationUnit unit) =>
            Shape.Of(date).IsAsOf ? words.Shift(amount, unit, words.AsOf) : null;
    }

    /// <summary>
    /// What a parent needs to know of a child before choosing its words: whether it is a fact, a literal, the
    /// application date, or an and/or (with its sides).
    /// </summary>
    private readonly record struct Shape(FactSymbol? Fact, object? Literal, bool IsAsOf, bool? IsAnd, ConditionNode Left, ConditionNode Right)
    {
        public static Shape Of(ConditionNode node) => Reader.Instance.Visit(node);

        private sealed class Reader : ConditionVisitor<Shape>
        {
            public static readonly Reader Instance = new();

            protected override Shape VisitFact(FactSymbol fact) => new(fact, null, false, null, default, default);

            protected override Shape VisitLiteral(object value) => new(null, value, false, null, default, default);

            protected override Shape VisitAsOf() => new(null, null, true, null, default, default);

            protected override Shape VisitAnd(ConditionNode left, ConditionNode right) => new(null, null, false, true, left, right);

            protected override Shape VisitOr(ConditionNode left, ConditionNode right) => new(null, null, false, false, left, right);
        }
    }
}
