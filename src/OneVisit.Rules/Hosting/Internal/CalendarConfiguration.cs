using Microsoft.Extensions.Configuration;
using OneVisit.Rules.Precheck;

namespace OneVisit.Rules.Hosting.Internal;

/// <summary>
/// Reads <c>Precheck:Calendar</c>: the one part of <see cref="OneVisitOptions"/> the configuration binder cannot
/// set, because a <see cref="WorkingCalendar"/> is immutable. Holidays and worked weekend days are ISO dates.
/// </summary>
internal static class CalendarConfiguration
{
    public static void Apply(IConfigurationSection oneVisit, PrecheckOptions options)
    {
        var calendar = oneVisit.GetSection("Precheck:Calendar");
        if (!calendar.Exists())
        {
            return;
        }

        options.Calendar = WorkingCalendar.With(
            calendar.GetSection("Holidays").Get<DateOnly[]>() ?? [],
            calendar.GetSection("WorkedWeekendDays").Get<DateOnly[]>() ?? []);
    }
}
