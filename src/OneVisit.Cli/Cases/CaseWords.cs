using System.Globalization;
using OneVisit.Rules.Catalog;
using OneVisit.Workflows.Cases;

namespace OneVisit.Cli.Cases;

/// <summary>How the case commands write stages, outcomes, times and durations, in text and JSON alike.</summary>
internal static class CaseWords
{
    public static string Stage(CaseStage stage) => CatalogWords.Of(stage);

    public static string Outcome(CaseOutcome? outcome) => outcome is { } o ? CatalogWords.Of(o) : "";

    public static string Delivery(ResultDelivery delivery) => CatalogWords.Of(delivery);

    /// <summary><c>Mon 2017-02-20 09:00</c> in the offices' zone: the weekday matters when limits count working days.</summary>
    public static string Time(DateTimeOffset instant, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(instant, zone).ToString("ddd yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary><c>Mon 09:00</c>: a step's time within the days a story spans.</summary>
    public static string ShortTime(DateTimeOffset instant, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(instant, zone).ToString("ddd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>An actor or awaited party: a department's name, else the id as written (an officer, applicant, system).</summary>
    public static string Party(ProcedureCatalog catalog, string id) =>
        catalog.Authorities.TryGetValue(id, out var authority) ? authority.Name.Text : id;

    /// <summary>
    /// A due instant: limits fall due at the end of their last day, which is midnight of the next, so a midnight
    /// reads <c>end of Mon 2017-03-13</c> rather than naming a day the limit does not include.
    /// </summary>
    public static string Due(DateTimeOffset instant, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        return local.TimeOfDay == TimeSpan.Zero
            ? "end of " + local.AddDays(-1).ToString("ddd yyyy-MM-dd", CultureInfo.InvariantCulture)
            : Time(instant, zone);
    }

    /// <summary>ISO 8601 with the zone's offset, for programs.</summary>
    public static string IsoTime(DateTimeOffset instant, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(instant, zone).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    /// <summary><c>1 d 1 h</c>, <c>2 h 30 min</c>, <c>5 min</c>: elapsed time as a person says it.</summary>
    public static string Duration(TimeSpan span)
    {
        if (span < TimeSpan.FromMinutes(1))
        {
            return "under a minute";
        }

        var parts = new List<string>();
        if (span.Days > 0)
        {
            parts.Add($"{span.Days} d");
        }

        if (span.Hours > 0)
        {
            parts.Add($"{span.Hours} h");
        }

        if (span.Minutes > 0 && span.Days == 0)
        {
            parts.Add($"{span.Minutes} min");
        }

        return string.Join(' ', parts);
    }

    /// <summary><c>15 working days</c>, <c>1 day</c>; a limit of 0 days means the same day (即办).</summary>
    public static string Limit(CaseDeadline deadline) => deadline.Days switch
    {
        0 => "same day",
        1 => deadline.WorkingDays ? "1 working day" : "1 day",
        var days => $"{days} {(deadline.WorkingDays ? "working days" : "days")}",
    };

    public static string DeadlineState(bool? met) => met switch
    {
        true => "met",
        false => "missed",
        null => "running",
    };
}
