using System.Globalization;
using OneVisit.Cli.Common;
using OneVisit.Rules.Catalog;
using OneVisit.Rules.Precheck;

namespace OneVisit.Cli.Demo;

/// <summary>Every fixed word of the demo's report, in one language (its cases' words are <see cref="Cases.CaseLabels"/>).</summary>
internal sealed partial class DemoLabels
{
    public static DemoLabels For(TextLanguage language) => language.Pick(Chinese, English);

    public required string Title { get; init; }

    public required string Catalogue { get; init; }

    public required Func<string, string, string> CatalogueValue { get; init; }

    public required string CaseStore { get; init; }

    public required Func<string, string> CaseStoreValue { get; init; }

    public required string Departments { get; init; }

    public required string DepartmentsValue { get; init; }

    public required string Clock { get; init; }

    /// <summary>(the first morning, its zone).</summary>
    public required Func<DateTimeOffset, string, string> ClockValue { get; init; }

    /// <summary>(number, Chinese name, English name, code).</summary>
    public required Func<int, string, string, string, string> ErrandHeading { get; init; }

    public required string AtHome { get; init; }

    public required string Routing { get; init; }

    public required string Now { get; init; }

    public required string Result { get; init; }

    public required Func<string, string> CaseSteps { get; init; }

    public required string[] StepHeaders { get; init; }

    /// <summary>(outcome, delivery, time to result).</summary>
    public required Func<string, string, string, string> Outcome { get; init; }

    /// <summary>(visits needed, visits made).</summary>
    public required Func<int, int, string> VisitCounts { get; init; }

    public required string ByChoice { get; init; }

    /// <summary>(kind of limit, its length, its state).</summary>
    public required Func<string, string, string, string> LimitState { get; init; }

    public required string Summary { get; init; }

    public required string[] SummaryHeaders { get; init; }

    public required Func<string, string> StoredIn { get; init; }

    public required Func<string, string> FromAClone { get; init; }

    public required Func<string, string> PrecheckSays { get; init; }

    public required Func<string, string> StillNeeded { get; init; }

    /// <summary>(materials, departments).</summary>
    public required Func<string, string, string> Fetched { get; init; }

    public required Func<string, string> Converted { get; init; }

    /// <summary>(document, edition held, current edition).</summary>
    public required Func<string, string, string, string> Conversion { get; init; }

    public required Func<string, string> Prepared { get; init; }

    public required string NoVisit { get; init; }

    /// <summary>(count, reasons).</summary>
    public required Func<int, string, string> VisitsNeeded { get; init; }

    /// <summary>(authority, level).</summary>
    public required Func<string, string, string> Decides { get; init; }

    public required Func<string, string> ForwardedThere { get; init; }

    public required IReadOnlyDictionary<Verdict, string> Verdicts { get; init; }

    public required IReadOnlyDictionary<ResultDelivery, string> Deliveries { get; init; }

    public required Func<PresenceReason, string> Reason { get; init; }

    public required string Separator { get; init; }

    public required string ListSeparator { get; init; }

    public required string FullStop { get; init; }

    public string Join(IEnumerable<string> items) => string.Join(ListSeparator, items);

    private static string Invariant(DateTimeOffset at, string format) => at.ToString(format, CultureInfo.InvariantCulture);
}
