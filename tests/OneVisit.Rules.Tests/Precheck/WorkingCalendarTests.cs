using OneVisit.Rules.Precheck;

namespace OneVisit.Rules.Tests.Precheck;

public sealed class WorkingCalendarTests
{
    private static readonly DateOnly Friday = new(2017, 2, 17);

    [Fact]
    public void AddWorkingDays_FromFriday_SkipsTheWeekend()
    {
        Assert.Equal(new DateOnly(2017, 2, 20), WorkingCalendar.MondayToFriday.AddWorkingDays(Friday, 1));
        Assert.Equal(new DateOnly(2017, 2, 24), WorkingCalendar.MondayToFriday.AddWorkingDays(Friday, 5));
    }

    [Fact]
    public void AddWorkingDays_ZeroDays_IsTheSameDay()
    {
        Assert.Equal(Friday, WorkingCalendar.MondayToFriday.AddWorkingDays(Friday, 0));
    }

    [Fact]
    public void AddWorkingDays_HolidayAndWorkedSaturday_CountAsTheCalendarSays()
    {
        // Spring Festival 2017: 27 Jan–2 Feb off, Sunday 22 Jan and Saturday 4 Feb worked (调休).
        var holidays = Enumerable.Range(0, 7).Select(i => new DateOnly(2017, 1, 27).AddDays(i));
        var calendar = WorkingCalendar.With(holidays, [new DateOnly(2017, 1, 22), new DateOnly(2017, 2, 4)]);

        Assert.Equal(new DateOnly(2017, 2, 3), calendar.AddWorkingDays(new DateOnly(2017, 1, 26), 1));
        Assert.Equal(new DateOnly(2017, 2, 4), calendar.AddWorkingDays(new DateOnly(2017, 1, 26), 2));
        Assert.True(calendar.IsWorkingDay(new DateOnly(2017, 1, 22)));
    }

    [Fact]
    public void AddWorkingDays_NegativeDays_IsRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => WorkingCalendar.MondayToFriday.AddWorkingDays(Friday, -1));
    }

    [Fact]
    public void SubtractWorkingDays_FromMonday_SkipsTheWeekendAndHolidays()
    {
        Assert.Equal(Friday, WorkingCalendar.MondayToFriday.SubtractWorkingDays(new DateOnly(2017, 2, 20), 1));
        Assert.Equal(new DateOnly(2017, 2, 16), WorkingCalendar.MondayToFriday.SubtractWorkingDays(new DateOnly(2017, 2, 20), 2));
        var calendar = WorkingCalendar.With(Enumerable.Range(0, 7).Select(i => new DateOnly(2017, 1, 27).AddDays(i)), [new DateOnly(2017, 2, 4)]);
        Assert.Equal(new DateOnly(2017, 1, 26), calendar.SubtractWorkingDays(new DateOnly(2017, 2, 3), 1));
        Assert.Equal(new DateOnly(2017, 2, 3), calendar.SubtractWorkingDays(new DateOnly(2017, 2, 6), 2));
    }

    [Fact]
    public void SubtractWorkingDays_NegativeDays_IsRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => WorkingCalendar.MondayToFriday.SubtractWorkingDays(Friday, -1));
    }
}
