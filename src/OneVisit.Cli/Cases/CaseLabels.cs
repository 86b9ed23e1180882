using System.Globalization;
using OneVisit.Cli.Common;
using OneVisit.Rules.Catalog;
using OneVisit.Workflows.Cases;
using OneVisit.Workflows.Commitments;

namespace OneVisit.Cli.Cases;

/// <summary>
/// Every fixed word of the case commands' text, in one language: labels, headings, column headers, the words for
/// stages, states and audit actions, and how times and durations read. The demo uses the same words for its cases.
/// </summary>
internal sealed partial class CaseLabels
{
    public static CaseLabels For(TextLanguage language) => language.Pick(Chinese, English);

    public required TextLanguage Language { get; init; }

    public required IReadOnlyDictionary<CaseStage, string> Stages { get; init; }

    public required IReadOnlyDictionary<CaseOutcome, string> Outcomes { get; init; }

    public required IReadOnlyDictionary<CommitmentKind, string> CommitmentKinds { get; init; }

    /// <summary>What a case waits for (<see cref="AwaitedItem.Kind"/>), evidence states, limits, audit actions, actors: words the runtime writes.</summary>
    public required IReadOnlyDictionary<string, string> RuntimeWords { get; init; }

    public required string Met { get; init; }

    public required string Missed { get; init; }

    public required string Running { get; init; }

    public required string NotStarted { get; init; }

    public required string PausedState { get; init; }

    public required string Stopped { get; init; }

    /// <summary>Marks a wait whose last day has passed.</summary>
    public required string Passed { get; init; }

    /// <summary>The delivery of a case that ended without a result.</summary>
    public required string NoDelivery { get; init; }

    /// <summary>Sunday to Saturday.</summary>
    public required string[] Weekdays { get; init; }

    /// <summary>(weekday, date, time) as a person reads an instant.</summary>
    public required Func<string, string, string, string> Instant { get; init; }

    /// <summary>(weekday, date): a limit that falls due at the end of that day.</summary>
    public required Func<string, string, string> EndOf { get; init; }

    public required string Days { get; init; }

    public required string Hours { get; init; }

    public required string Minutes { get; init; }

    public required string UnderAMinute { get; init; }

    public required string SameDay { get; init; }

    /// <summary>(days, working days?).</summary>
    public required Func<int, bool, string> Limit { get; init; }

    public required string[] ListHeaders { get; init; }

    public required Func<string, string> NoCases { get; init; }

    /// <summary>(count, store, options for the next command).</summary>
    public required Func<int, string, string, string> ListFooter { get; init; }

    /// <summary>(case id, procedure name, code, version).</summary>
    public required Func<string, string, string, int, string> CaseHeading { get; init; }

    public required string Applicant { get; init; }

    public required string Stage { get; init; }

    /// <summary>(stage, outcome or null, why or null).</summary>
    public required Func<string, string?, string?, string> StageLine { get; init; }

    public required string Authority { get; init; }

    public required Func<string, string> ForwardedFrom { get; init; }

    public required string Submitted { get; init; }

    public required string Closed { get; init; }

    /// <summary>(when, how long after submission).</summary>
    /// <summary>(id, name, code): the heading of a case whose documents retention purged.</summary>
    public required Func<string, string, string, string> PurgedHeading { get; init; }

    /// <summary>(when): what a purge took and what remains, under the heading of a purged case.</summary>
    public required Func<string, string> PurgedNote { get; init; }

    /// <summary>The row that says when the documents were purged.</summary>
    public required string Purged { get; init; }

    public required Func<string, string, string> ClosedAfter { get; init; }

    public required string NotYet { get; init; }

    public required string Decision { get; init; }

    /// <summary>(approved?, officer, reason or null).</summary>
    public required Func<bool, string, string?, string> DecidedBy { get; init; }

    public required string Delivery { get; init; }

    public required string Visits { get; init; }

    /// <summary>(predicted, made).</summary>
    public required Func<int, int, string> VisitCounts { get; init; }

    public required string Clock { get; init; }

    public required Func<string, string> Paused { get; init; }

    /// <summary>A section's title line, or its title and why it is empty.</summary>
    public required Func<string, string> Section { get; init; }

    public required string WaitingFor { get; init; }

    public required string Nothing { get; init; }

    public required string[] WaitingHeaders { get; init; }

    public required string EvidenceRequests { get; init; }

    public required string NoEvidence { get; init; }

    public required string[] EvidenceHeaders { get; init; }

    public required string Deadlines { get; init; }

    public required string NoDeadlines { get; init; }

    public required string[] DeadlineHeaders { get; init; }

    public required string ClockNotStarted { get; init; }

    public required string Commitments { get; init; }

    public required string None { get; init; }

    public required string[] CommitmentHeaders { get; init; }

    public required string VisitsMade { get; init; }

    public required string[] VisitHeaders { get; init; }

    public required string AuditTrail { get; init; }

    public required string[] AuditHeaders { get; init; }

    /// <summary>(what was done, why): an audit entry's detail with its purpose.</summary>
    public required Func<string, string, string> ForPurpose { get; init; }

    public string Of(CaseStage stage) => Stages[stage];

    public string Of(CaseOutcome? outcome) => outcome is { } o ? Outcomes[o] : "";

    public string Of(CommitmentKind kind) => CommitmentKinds[kind];

    /// <summary>A word the runtime wrote (a kind, state or action); as written when this language has none for it.</summary>
    public string Word(string word) => RuntimeWords.GetValueOrDefault(word, word);

    public string DeadlineState(DeadlineState state) => state switch
    {
        Workflows.Cases.DeadlineState.NotStarted => NotStarted,
        Workflows.Cases.DeadlineState.Running => Running,
        Workflows.Cases.DeadlineState.Paused => PausedState,
        Workflows.Cases.DeadlineState.Met => Met,
        Workflows.Cases.DeadlineState.Missed => Missed,
        _ => Stopped,
    };

    /// <summary>An actor or awaited party: a department's name, else the id (an officer) or the runtime's word (system, applicant).</summary>
    /// <remarks>
    /// Callers are named as the audit log names them (<c>applicant:…</c>, <c>officer:…</c>, <c>department:…</c>,
    /// <c>agent:… for …</c>): shown as the party's role, with the officer's, agent's or department's id, but never the
    /// applicant's, whose id is the case's subject and already on the page.
    /// </remarks>
    public string Party(ProcedureCatalog catalog, string id)
    {
        var colon = id.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0)
        {
            var (kind, who) = (id[..colon], id[(colon + 1)..]);
            return kind switch
            {
                "applicant" => Word("applicant"),
                "department" => Party(catalog, who),
                "officer" => $"{Word(kind)} {who}",
                // "agent:x for y": y is the case's subject, already on the page.
                "agent" => $"{Word(kind)} {who.Split(" for ")[0]}",
                _ => Word(id),
            };
        }

        return catalog.Authorities.TryGetValue(id, out var authority) ? Language.Pick(authority.Name) : Word(id);
    }

    /// <summary>An instant in the offices' zone, with its weekday: the weekday matters when limits count working days.</summary>
    public string Time(DateTimeOffset instant, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        return Instant(Weekdays[(int)local.DayOfWeek], Date(local), local.ToString("HH:mm", CultureInfo.InvariantCulture));
    }

    /// <summary>A step's weekday and time within the days a story spans.</summary>
    public string ShortTime(DateTimeOffset instant, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        return $"{Weekdays[(int)local.DayOfWeek]} {local.ToString("HH:mm", CultureInfo.InvariantCulture)}";
    }

    /// <summary>
    /// A due instant: limits fall due at the end of their last day, which is midnight of the next, so a midnight
    /// reads as the end of the day before rather than naming a day the limit does not include.
    /// </summary>
    public string Due(DateTimeOffset instant, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        if (local.TimeOfDay != TimeSpan.Zero)
        {
            return Time(instant, zone);
        }

        var day = local.AddDays(-1);
        return EndOf(Weekdays[(int)day.DayOfWeek], Date(day));
    }

    /// <summary>Elapsed time as a person says it: days and hours, or hours and minutes.</summary>
    public string Duration(TimeSpan span)
    {
        if (span < TimeSpan.FromMinutes(1))
        {
            return UnderAMinute;
        }

        var parts = new List<string>();
        if (span.Days > 0)
        {
            parts.Add($"{span.Days} {Days}");
        }

        if (span.Hours > 0)
        {
            parts.Add($"{span.Hours} {Hours}");
        }

        if (span.Minutes > 0 && span.Days == 0)
        {
            parts.Add($"{span.Minutes} {Minutes}");
        }

        return string.Join(' ', parts);
    }

    /// <summary>A limit's length; 0 days means the same day (即办).</summary>
    public string LimitOf(CaseDeadline deadline) => deadline.Days == 0 ? SameDay : Limit(deadline.Days, deadline.WorkingDays);

    private static string Date(DateTimeOffset local) => local.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
