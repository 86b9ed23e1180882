namespace OneVisit.Rules.Expressions.Internal;

/// <summary>
/// The only code compiled conditions call. Each operation is total: unknown in, unknown out; overflow, division
/// by zero and dates out of range give unknown rather than an exception at the counter.
/// </summary>
internal static class ConditionRuntime
{
    public static Truth Not(Truth value) => (Truth)(2 - (byte)value);

    public static Truth And(Truth left, Truth right) => (Truth)Math.Min((byte)left, (byte)right);

    public static Truth Or(Truth left, Truth right) => (Truth)Math.Max((byte)left, (byte)right);

    public static Truth Known(bool known) => known ? Truth.True : Truth.False;

    public static Truth Compare(decimal? left, decimal? right, CompareOp op) =>
        left is { } l && right is { } r ? Decide(l.CompareTo(r), op) : Truth.Unknown;

    public static Truth Compare(DateOnly? left, DateOnly? right, CompareOp op) =>
        left is { } l && right is { } r ? Decide(l.CompareTo(r), op) : Truth.Unknown;

    public static Truth Compare(string? left, string? right, CompareOp op) =>
        left is null || right is null ? Truth.Unknown : Decide(string.CompareOrdinal(left, right) == 0 ? 0 : 1, op);

    public static Truth Compare(Truth left, Truth right, CompareOp op) =>
        left == Truth.Unknown || right == Truth.Unknown ? Truth.Unknown : Decide(left == right ? 0 : 1, op);

    public static Truth Contains(string? text, string? part) =>
        text is null || part is null ? Truth.Unknown : Known(text.Contains(part, StringComparison.Ordinal));

    public static Truth In(decimal? value, decimal[] items, bool negated) =>
        value is { } v ? Known(Array.IndexOf(items, v) >= 0 != negated) : Truth.Unknown;

    public static Truth In(DateOnly? value, DateOnly[] items, bool negated) =>
        value is { } v ? Known(Array.IndexOf(items, v) >= 0 != negated) : Truth.Unknown;

    public static Truth In(string? value, string[] items, bool negated) =>
        value is null ? Truth.Unknown : Known(Array.IndexOf(items, value) >= 0 != negated);

    public static Truth Between(decimal? value, decimal? low, decimal? high) =>
        value is { } v && low is { } l && high is { } h ? Known(l <= v && v <= h) : Truth.Unknown;

    public static Truth Between(DateOnly? value, DateOnly? low, DateOnly? high) =>
        value is { } v && low is { } l && high is { } h ? Known(l <= v && v <= h) : Truth.Unknown;

    public static decimal? Negate(decimal? value) => -value;

    public static decimal? Arithmetic(decimal? left, decimal? right, ArithmeticOp op)
    {
        if (left is not { } l || right is not { } r)
        {
            return null;
        }

        try
        {
            return op switch
            {
                ArithmeticOp.Add => l + r,
                ArithmeticOp.Subtract => l - r,
                ArithmeticOp.Multiply => l * r,
                _ => r == 0 ? null : l / r,
            };
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    public static DateOnly? Shift(DateOnly? date, int amount, DurationUnit unit)
    {
        if (date is not { } d)
        {
            return null;
        }

        try
        {
            return unit switch
            {
                DurationUnit.Days => d.AddDays(amount),
                DurationUnit.Weeks => d.AddDays(amount * 7),
                DurationUnit.Months => d.AddMonths(amount),
                _ => d.AddYears(amount),
            };
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    private static Truth Decide(int comparison, CompareOp op) => Known(op switch
    {
        CompareOp.Equal => comparison == 0,
        CompareOp.NotEqual => comparison != 0,
        CompareOp.Less => comparison < 0,
        CompareOp.LessOrEqual => comparison <= 0,
        CompareOp.Greater => comparison > 0,
        _ => comparison >= 0,
    });
}
