namespace OneVisit.Rules.Guides.Internal;

/// <summary>The words a condition is phrased with in one language; see <see cref="ConditionPhraser"/>.</summary>
internal sealed class PhraseWords
{
    /// <summary>A question and the answer that makes the condition hold: "企业是否在外地登记？是".</summary>
    public required Func<string, string, string> Answer { get; init; }
    public required string Yes { get; init; }
    public required string No { get; init; }
    public required string And { get; init; }
    public required string Or { get; init; }

    /// <summary>Between the values of a list (自有或租赁), lighter than <see cref="Or"/> between whole phrases.</summary>
    public required string Either { get; init; }
    public required Func<string, string> Group { get; init; }
    public required Func<string, string> Not { get; init; }
    public required Func<string, string> NotAll { get; init; }
    public required Func<string, string> NoneOf { get; init; }
    public required Func<string, string> IsNot { get; init; }
    public required Func<string, string> MoreThan { get; init; }
    public required Func<string, string> AtLeast { get; init; }
    public required Func<string, string> LessThan { get; init; }
    public required Func<string, string> AtMost { get; init; }
    public required Func<string, string> After { get; init; }
    public required Func<string, string> OnOrAfter { get; init; }
    public required Func<string, string> Before { get; init; }
    public required Func<string, string> OnOrBefore { get; init; }
    public required Func<string, string, string> Between { get; init; }
    public required Func<string, string> Contains { get; init; }
    public required string Known { get; init; }
    public required string Unknown { get; init; }
    public required string AsOf { get; init; }

    /// <summary>A date some time before (negative) or after the application date: amount, unit, the date it counts from.</summary>
    public required Func<int, Expressions.DurationUnit, string, string> Shift { get; init; }
    public required Func<string, string> Quote { get; init; }
    public required Func<decimal, string> Number { get; init; }
    public required Func<decimal, string> Money { get; init; }
    public required Func<DateOnly, string> Date { get; init; }

    /// <summary>An enum value as shown when the catalogue gives it no label in this language.</summary>
    public required Func<string, string?, string> EnumValue { get; init; }
}
