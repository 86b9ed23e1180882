namespace OneVisit.Workflows.Cases.Internal;

/// <summary>
/// The catalogue's words for what follows a missed deadline of the applicant's (<c>CatalogWords.Of</c> a
/// <see cref="Rules.Catalog.MissedDeadline"/>), as stored in a case's terms: words, so stored cases read without the enum.
/// </summary>
internal static class MissedDeadlines
{
    public const string Withdraw = "withdraw";
    public const string OfficerDecides = "officer_decides";
}

/// <summary>A material accepted with a gap (容缺受理): owed by a date, then what the catalogue says.</summary>
internal sealed class CaseOwed
{
    public string MaterialId { get; set; } = "";

    public string DocumentId { get; set; } = "";

    /// <summary>The last day to supply it.</summary>
    public DateOnly DueOn { get; set; }

    /// <summary>The instant the last day ends.</summary>
    public DateTimeOffset? Due { get; set; }

    public string State { get; set; } = OwedStates.Owed;

    public string OnMissed { get; set; } = MissedDeadlines.Withdraw;
}

internal static class OwedStates
{
    public const string Owed = "owed";
    public const string Supplied = "supplied";
    public const string Missed = "missed";

    /// <summary>A migration moved the case to a version that no longer requires it.</summary>
    public const string NotRequired = "not_required";
}
