namespace OneVisit.Rules.Expressions;

/// <summary>The unit of a duration counted from a date, as in <c>as_of - 3 months</c>.</summary>
public enum DurationUnit
{
    /// <summary>Calendar days (<c>day</c>, <c>days</c>).</summary>
    Days,

    /// <summary>Weeks of seven days (<c>week</c>, <c>weeks</c>).</summary>
    Weeks,

    /// <summary>Calendar months (<c>month</c>, <c>months</c>).</summary>
    Months,

    /// <summary>Calendar years (<c>year</c>, <c>years</c>).</summary>
    Years,
}
