namespace OneVisit.Cli.Common;

/// <summary>Time zones by IANA id, and a system clock that counts days in a chosen zone.</summary>
internal static class TimeZones
{
    /// <summary>The zone, or null with a message naming the id and what to do.</summary>
    public static TimeZoneInfo? Find(string id, out string? problem)
    {
        problem = null;
        if (TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone))
        {
            return zone;
        }

        // A machine without time-zone data (a slim container) still knows the sample catalogue's zone.
        if (id == Samples.HangzhouTimeZone)
        {
            return TimeZoneInfo.CreateCustomTimeZone(id, TimeSpan.FromHours(8), "China Standard Time", "China Standard Time");
        }

        problem = $"there is no time zone '{id}' on this machine. Use an IANA id such as Asia/Shanghai or Europe/Tallinn (the tzdata package provides them).";
        return null;
    }

    /// <summary>The time of day in <paramref name="zone"/>, as offices there count it.</summary>
    public static DateTimeOffset In(this DateTimeOffset instant, TimeZoneInfo zone) => TimeZoneInfo.ConvertTime(instant, zone);
}

/// <summary>
/// The system clock, with the local time zone of the cases' offices: deadlines fall due at the end of their
/// day there, whatever zone the machine reading the store is in.
/// </summary>
internal sealed class ZonedTimeProvider(TimeZoneInfo zone) : TimeProvider
{
    public override TimeZoneInfo LocalTimeZone => zone;
}
