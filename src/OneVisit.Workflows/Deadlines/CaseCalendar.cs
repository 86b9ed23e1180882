using OneVisit.Rules.Precheck;
using OneVisit.Workflows.Cases;
using OneVisit.Workflows.Cases.Internal;

namespace OneVisit.Workflows.Deadlines;

/// <summary>
/// Turns a case's clock into due dates. Days are counted in the offices' time zone (the catalogue's
/// <c>time_zone</c>, else the host's <see cref="TimeProvider.LocalTimeZone"/>), and a limit falls due at the end
/// of its last day, as the law counts.
/// </summary>
internal sealed class CaseCalendar(WorkingCalendar calendar, TimeZoneInfo zone)
{
    public WorkingCalendar Calendar { get; } = calendar;

    public TimeZoneInfo Zone { get; } = zone;

    public DateOnly LocalDate(DateTimeOffset instant) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);

    /// <summary>The instant the given local day ends.</summary>
    public DateTimeOffset EndOf(DateOnly day)
    {
        var midnight = day.AddDays(1).ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(midnight, Zone.GetUtcOffset(midnight));
    }

    /// <summary>The last local day before <paramref name="end"/>, an exclusive end such as <see cref="EndOf"/> returns: the day a person is told.</summary>
    public DateOnly LastDay(DateTimeOffset end) => LocalDate(end.AddTicks(-1));

    public DateOnly AddWorkingDays(DateOnly from, int days) => Calendar.AddWorkingDays(from, days);

    /// <summary>The end of the day <paramref name="workingDays"/> working days after <paramref name="from"/>'s day.</summary>
    public DateTimeOffset WorkingDaysAfter(DateTimeOffset from, int workingDays) =>
        EndOf(AddWorkingDays(LocalDate(from), workingDays));

    /// <summary>When a limit falls due, with paused time added; null before the clock starts.</summary>
    public DateTimeOffset? Due(CaseClock clock, int days, bool workingDays)
    {
        if (clock.StartedAt is not { } started)
        {
            return null;
        }

        var start = LocalDate(started);
        var last = workingDays
            ? AddWorkingDays(start, days + clock.PausedWorkingDays)
            : start.AddDays(days + clock.PausedDays);
        return EndOf(last);
    }

    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        var count = 0;
        for (var day = from; day < to; day = day.AddDays(1))
        {
            if (Calendar.IsWorkingDay(day))
            {
                count++;
            }
        }

        return count;
    }

    public void Pause(CaseClock clock, string reason, DateTimeOffset now)
    {
        if (clock.StartedAt is null || clock.StoppedAt is not null || clock.PausedFor.Contains(reason))
        {
            return;
        }

        if (clock.PausedFor.Count == 0)
        {
            clock.PausedSince = now;
        }

        clock.PausedFor.Add(reason);
    }

    public void Resume(CaseClock clock, string reason, DateTimeOffset now)
    {
        if (!clock.PausedFor.Remove(reason) || clock.PausedFor.Count > 0 || clock.PausedSince is not { } since)
        {
            return;
        }

        // Whole days only: the day the pause began and the day it ended are not counted as paused.
        var from = LocalDate(since).AddDays(1);
        var to = LocalDate(now);
        if (to > from)
        {
            clock.PausedDays += to.DayNumber - from.DayNumber;
            clock.PausedWorkingDays += WorkingDaysBetween(from, to);
        }

        clock.PausedSince = null;
    }
}
