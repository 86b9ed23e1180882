using OneVisit.Rules.Catalog;
using OneVisit.Rules.Expressions;
using OneVisit.Rules.Expressions.Internal;

namespace OneVisit.Rules.Guides.Internal;

/// <summary>
/// Phrases a condition for a citizen from its checked tree: each fact as its question with the answer that makes
/// the condition hold ("您是受委托代为办理吗？是"), joined by and/or. A form it cannot put in words (arithmetic
/// over facts, a comparison of two facts) leaves the whole condition as written, so nothing is ever half-said.
/// </summary>
internal sealed class ConditionPhraser(FactSchema schema, PhraseWords words, bool english)
{
    public string Phrase(PolicyCondition condition) => Node(condition.Condition.Root) ?? condition.Text;

    private string? Node(Bound node) => node switch
    {
        BoundFact { Kind: ValueKind.Bool } fact => Answer(fact.Fact, words.Yes),
        BoundNot { Operand: BoundFact { Kind: ValueKind.Bool } fact } => Answer(fact.Fact, words.No),
        BoundNot not => Node(not.Operand) is { } inner ? Negated(not.Operand, inner) : null,
        BoundLogical logical => Logical(logical),
        BoundCompare compare => Compare(compare),
        BoundIn { Operand: BoundFact fact } @in => In(fact.Fact, @in),
        BoundBetween { Operand: BoundFact fact } between
            when Value(between.Low, fact.Fact) is { } low && Value(between.High, fact.Fact) is { } high => Answer(fact.Fact, words.Between(low, high)),
        BoundContains { Text: BoundFact fact, Part: BoundConstant { Value: string part } } => Answer(fact.Fact, words.Contains(words.Quote(part))),
        BoundIsKnown known => Answer(known.Fact, known.Known ? words.Known : words.Unknown),
        _ => null,
    };

    // "Not (a and b)" is "not both", "not (a or b)" is "neither": one word for both would say the wrong thing.
    private string Negated(Bound operand, string phrase) => operand switch
    {
        BoundLogical { IsAnd: true } => words.NotAll(phrase),
        BoundLogical => words.NoneOf(phrase),
        _ => words.Not(phrase),
    };

    // A chain of the same operator reads as one list; a nested chain of the other operator is bracketed.
    private string? Logical(BoundLogical logical)
    {
        var parts = new List<string>();
        foreach (var operand in Chain(logical, logical.IsAnd))
        {
            if (Node(operand) is not { } phrase)
            {
                return null;
            }

            parts.Add(operand is BoundLogical ? words.Group(phrase) : phrase);
        }

        return string.Join(logical.IsAnd ? words.And : words.Or, parts);
    }

    private static IEnumerable<Bound> Chain(Bound node, bool isAnd) => node is BoundLogical logical && logical.IsAnd == isAnd
        ? Chain(logical.Left, isAnd).Concat(Chain(logical.Right, isAnd))
        : [node];

    private string? Compare(BoundCompare compare) => compare switch
    {
        { Left: BoundFact fact } when Value(compare.Right, fact.Fact) is { } value => Answer(fact.Fact, Relation(compare.Op, fact.Fact, compare.Right, value)),
        { Right: BoundFact fact } when Value(compare.Left, fact.Fact) is { } value => Answer(fact.Fact, Relation(Flip(compare.Op), fact.Fact, compare.Left, value)),
        _ => null,
    };

    private string Relation(CompareOp op, FactSymbol fact, Bound other, string value)
    {
        if (other is BoundConstant { Value: Truth truth })
        {
            return (truth == Truth.True) == (op == CompareOp.Equal) ? words.Yes : words.No;
        }

        var isDate = fact.Type.Kind == FactKind.Date;
        return op switch
        {
            CompareOp.Equal => value,
            CompareOp.NotEqual => words.IsNot(value),
            CompareOp.Greater => isDate ? words.After(value) : words.MoreThan(value),
            CompareOp.GreaterOrEqual => isDate ? words.OnOrAfter(value) : words.AtLeast(value),
            CompareOp.Less => isDate ? words.Before(value) : words.LessThan(value),
            _ => isDate ? words.OnOrBefore(value) : words.AtMost(value),
        };
    }

    private static CompareOp Flip(CompareOp op) => op switch
    {
        CompareOp.Greater => CompareOp.Less,
        CompareOp.GreaterOrEqual => CompareOp.LessOrEqual,
        CompareOp.Less => CompareOp.Greater,
        CompareOp.LessOrEqual => CompareOp.GreaterOrEqual,
        _ => op,
    };

    private string? In(FactSymbol fact, BoundIn @in)
    {
        var values = @in.Values.Cast<object>().Select(v => Constant(v, fact)).ToList();
        var list = string.Join(words.Either, values);
        return Answer(fact, @in.Negated ? words.IsNot(list) : list);
    }

    // Only values a citizen can read: literals, the application date and a date counted from it.
    private string? Value(Bound node, FactSymbol fact) => node switch
    {
        BoundConstant constant => Constant(constant.Value, fact),
        BoundNegate { Operand: BoundConstant { Value: decimal number } } => Constant(-number, fact),
        BoundAsOf => words.AsOf,
        BoundDateShift { Date: BoundAsOf } shift => words.Shift(shift.Amount, shift.Unit, words.AsOf),
        _ => null,
    };

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
}
