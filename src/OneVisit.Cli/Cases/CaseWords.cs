using System.Globalization;

namespace OneVisit.Cli.Cases;

/// <summary>How the case commands' JSON writes times and deadline states, whatever <c>--lang</c> says (people's words are in <see cref="CaseLabels"/>).</summary>
internal static class CaseWords
{
    /// <summary>ISO 8601 with the zone's offset, for programs.</summary>
    public static string IsoTime(DateTimeOffset instant, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(instant, zone).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    /// <summary><c>met</c>, <c>missed</c>, or <c>running</c> while the case is open.</summary>
    public static string DeadlineState(bool? met) => met switch
    {
        true => "met",
        false => "missed",
        null => "running",
    };
}
