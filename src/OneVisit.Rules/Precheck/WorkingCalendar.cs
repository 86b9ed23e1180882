namespace OneVisit.Rules.Precheck;

/// <summary>
/// Counts working days (工作日), which the Administrative Licensing Law uses for every time limit (art. 82).
/// Monday to Friday by default; give public holidays and the weekend days worked in exchange (调休) when known.
/// </summary>
public sealed class WorkingCalendar
{
    private readonly HashSet<DateOnly> _holidays;
    private readonly HashSet<DateOnly> _workedWeekendDays;

    private WorkingCalendar(IEnumerable<DateOnly> holidays, IEnumerable<DateOnly> workedWeekendDays)
    {
        _holidays = [.. holidays];
        _workedWeekendDays = [.. workedWeekendDays];
    }

    /// <summary>Monday to Friday, with no public holidays: a safe default that can only be early, never late.</summary>
    public static WorkingCalendar MondayToFriday { get; } = new([], []);

    /// <summary>A calendar with public holidays and weekend days that are worked instead.</summary>
    public static WorkingCalendar With(IEnumerable<DateOnly> holidays, IEnumerable<DateOnly>? workedWeekendDays = null)
    {
        ArgumentNullException.ThrowIfNull(holidays);
        return new WorkingCalendar(holidays, workedWeekendDays ?? []);
    }

    /// <summary>Whether <paramref name="day"/> is a working day.</summary>
    public bool IsWorkingDay(DateOnly day) =>
        _workedWeekendDays.Contains(day)
        || (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !_holidays.Contains(day));

    /// <summary>The day <paramref name="days"/> working days after <paramref name="from"/> (which itself is not counted).</summary>
    public DateOnly AddWorkingDays(DateOnly from, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        return Step(from, days, 1);
    }

    /// <summary>The working day <paramref name="days"/> working days before <paramref name="from"/> (which itself is not counted).</summary>
    public DateOnly SubtractWorkingDays(DateOnly from, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        return Step(from, days, -1);
    }

    private DateOnly Step(DateOnly from, int days, int direction)
    {
        var day = from;
        for (var counted = 0; counted < days;)
        {
            day = day.AddDays(direction);
            if (IsWorkingDay(day))
            {
                counted++;
            }
        }

        return day;
    }
}
