using System.Globalization;

namespace OneVisit.Cli.Cases;

/// <summary>How the case commands' JSON writes times and deadline states, whatever <c>--lang</c> says (people's words are in <see cref="CaseLabels"/>).</summary>
internal static class CaseWords
{
    /// <summary>ISO 8601 with the zone's offset, for programs.</summary>
    public static string IsoTime(DateTimeOffset instant, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(instant, zone).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    /// <summary><c>not_started</c>, <c>running</c>, <c>paused</c>, <c>met</c>, <c>missed</c> or <c>stopped</c> (the case closed without a decision).</summary>
    public static string DeadlineState(Workflows.Cases.DeadlineState state) => Rules.Catalog.CatalogWords.Of(state);
}
