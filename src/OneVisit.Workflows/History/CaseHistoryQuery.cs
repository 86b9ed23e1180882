namespace OneVisit.Workflows.History;

/// <summary>Which past cases to read as a population: those submitted between two dates, of some procedures or all.</summary>
public sealed record CaseHistoryQuery
{
    /// <summary>The first day of submission (inclusive), in <see cref="TimeZone"/>.</summary>
    public required DateOnly From { get; init; }

    /// <summary>The last day of submission (inclusive), in <see cref="TimeZone"/>.</summary>
    public required DateOnly To { get; init; }

    /// <summary>Only cases of these procedure or bundle codes; every code when null or empty.</summary>
    public IReadOnlyList<string>? Codes { get; init; }

    /// <summary>Where days begin and end (the offices' zone); UTC when null.</summary>
    public TimeZoneInfo? TimeZone { get; init; }

    /// <summary>What the report calls the store (a file, a database without its password); "the case store" when null.</summary>
    public string? StoreName { get; init; }
}
