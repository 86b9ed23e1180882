using OneVisit.Rules.Catalog;

namespace OneVisit.Rules.WhatIf;

/// <summary>
/// What a set of reforms does to a population's trips: totals, the breakdowns policy staff ask for, who is worse
/// off and why, each reform's share, and the record that makes the run reproducible. Cells below
/// <see cref="WhatIfOptions.MinimumCellSize"/> carry no figures (<see cref="WhatIfCell.Suppressed"/>).
/// </summary>
public sealed record WhatIfReport
{
    /// <summary>What was run, on what, by which version: enough to run it again and get the same report.</summary>
    public required RunRecord Record { get; init; }

    /// <summary>The whole population.</summary>
    public required WhatIfCell Total { get; init; }

    /// <summary>Situations whose visits fell to at most one, and to none (跑零次), in cases a year.</summary>
    public required Thresholds Thresholds { get; init; }

    /// <summary>By procedure and bundle, most trips saved first.</summary>
    public required IReadOnlyList<WhatIfCell> ByProcedure { get; init; }

    /// <summary>By consuming department: the competent authority of the procedure (a bundle's lead department), where the trips are made.</summary>
    public required IReadOnlyList<WhatIfCell> ByConsumingDepartment { get; init; }

    /// <summary>
    /// By issuing department: the departments whose documents citizens no longer bring. A situation's trips saved are
    /// shared equally among the departments whose documents it no longer brings (trips are not additive per document).
    /// </summary>
    public required IReadOnlyList<WhatIfCell> ByIssuingDepartment { get; init; }

    /// <summary>Documents no longer asked of citizens, with how many times a year.</summary>
    public required IReadOnlyList<SparedMaterial> MaterialsSpared { get; init; }

    /// <summary>Procedures and bundles whose worst case (the service guide's count) changes, and whether it crosses to one or to zero visits.</summary>
    public required IReadOnlyList<WorstCaseChange> WorstCases { get; init; }

    /// <summary>Everyone worse off, grouped by procedure and reason; never left out, even where the count is suppressed.</summary>
    public required IReadOnlyList<LoserGroup> Losers { get; init; }

    /// <summary>Each reform's share of the trips saved, in the stated order: what it adds on top of the ones before it.</summary>
    public required IReadOnlyList<ReformShare> Shares { get; init; }

    /// <summary>Everything the reforms changed in the catalogue.</summary>
    public required IReadOnlyList<ReformEffect> Effects { get; init; }
}

/// <summary>One row of a breakdown (or the total): its figures, or none when it describes too few cases to publish.</summary>
/// <param name="Key">The code or authority id.</param>
/// <param name="Name">Its name.</param>
/// <param name="Figures">The figures; null when suppressed.</param>
public sealed record WhatIfCell(string Key, LocalizedText Name, CellFigures? Figures)
{
    /// <summary>Whether the cell describes fewer cases than the run's minimum cell size, so its figures are withheld.</summary>
    public bool Suppressed => Figures is null;
}

/// <summary>The figures of a cell, all per year and weighted.</summary>
/// <param name="Cases">Cases a year in the cell.</param>
/// <param name="Situations">Situations (population rows) in the cell.</param>
/// <param name="TripsBefore">Trips under the baseline catalogue.</param>
/// <param name="TripsAfter">Trips under the reformed catalogue.</param>
/// <param name="Affected">Cases whose trips, materials or eligibility change.</param>
/// <param name="Winners">Cases better off (fewer trips or materials, nothing worse).</param>
/// <param name="Losers">Cases worse off in any way.</param>
public sealed record CellFigures(double Cases, long Situations, double TripsBefore, double TripsAfter, double Affected, double Winners, double Losers)
{
    /// <summary>Trips saved a year.</summary>
    public double TripsSaved => TripsBefore - TripsAfter;

    /// <summary>Cases neither better nor worse off.</summary>
    public double Unchanged => Cases - Winners - Losers;
}

/// <summary>How many cases a year need at most one visit, and none, before and after.</summary>
/// <param name="AtMostOneBefore">Cases at 0 or 1 visit under the baseline.</param>
/// <param name="AtMostOneAfter">… under the reforms.</param>
/// <param name="ZeroBefore">Cases with no visit (跑零次) under the baseline.</param>
/// <param name="ZeroAfter">… under the reforms.</param>
/// <param name="CrossedToOne">Cases that needed two or more visits and need at most one after.</param>
/// <param name="CrossedToZero">Cases that needed a visit and need none after.</param>
public sealed record Thresholds(double AtMostOneBefore, double AtMostOneAfter, double ZeroBefore, double ZeroAfter, double CrossedToOne, double CrossedToZero);

/// <summary>A document no longer asked of citizens.</summary>
/// <param name="DocumentId">The document type.</param>
/// <param name="Name">Its name.</param>
/// <param name="IssuedBy">The department that issues it, when one does.</param>
/// <param name="Times">Times a year a citizen no longer brings it; null when suppressed.</param>
public sealed record SparedMaterial(string DocumentId, LocalizedText Name, string? IssuedBy, double? Times);

/// <summary>A procedure's or bundle's worst case before and after.</summary>
/// <param name="Code">The code.</param>
/// <param name="Name">Its name.</param>
/// <param name="Before">Worst-case visits under the baseline.</param>
/// <param name="After">Worst-case visits under the reforms.</param>
public sealed record WorstCaseChange(string Code, LocalizedText Name, int Before, int After)
{
    /// <summary>From two or more visits to at most one.</summary>
    public bool CrossesToOne => Before > 1 && After <= 1;

    /// <summary>From at least one visit to none (跑零次).</summary>
    public bool CrossesToZero => Before > 0 && After == 0;
}

/// <summary>Cases worse off in one procedure for one reason.</summary>
/// <param name="Code">The procedure or bundle.</param>
/// <param name="Reason">Why they are worse off, in words.</param>
/// <param name="Cases">Cases a year; null when suppressed (the group is still listed).</param>
public sealed record LoserGroup(string Code, string Reason, double? Cases);

/// <summary>One reform's share, on top of the reforms before it.</summary>
/// <param name="ReformId">The reform.</param>
/// <param name="Name">Its name.</param>
/// <param name="TripsSaved">Trips a year it saves beyond the ones before it (negative when it adds trips).</param>
/// <param name="Affected">Cases a year it changes anything for (trips, documents brought, eligibility, authority), over the reforms before it.</param>
public sealed record ReformShare(string ReformId, LocalizedText Name, double TripsSaved, double Affected);

/// <summary>The run, recorded so it can be run again.</summary>
/// <param name="OneVisitVersion">The library's version.</param>
/// <param name="CatalogueName">The baseline catalogue's name.</param>
/// <param name="CatalogueHash">Its content hash, when the caller gave it.</param>
/// <param name="AsOf">The date both sides were judged on.</param>
/// <param name="Reforms">The reforms, in order, with their content hashes.</param>
/// <param name="Population">The population's kind, description and hash.</param>
/// <param name="Situations">Situations read.</param>
/// <param name="Cases">Cases a year they stand for (the sum of weights).</param>
/// <param name="MinimumCellSize">The suppression threshold applied.</param>
/// <param name="Skipped">Situations left out, counted rather than dropped silently: their code is not in the baseline, or not in force on <paramref name="AsOf"/>.</param>
public sealed record RunRecord(
    string OneVisitVersion,
    LocalizedText CatalogueName,
    string? CatalogueHash,
    DateOnly AsOf,
    IReadOnlyList<RecordedReform> Reforms,
    RecordedPopulation Population,
    long Situations,
    double Cases,
    double MinimumCellSize,
    long Skipped);

/// <summary>A reform as the run record keeps it.</summary>
/// <param name="Id">Its id.</param>
/// <param name="File">The file it was read from.</param>
/// <param name="EffectiveFrom">Its date.</param>
/// <param name="ContentHash">The file's SHA-256.</param>
public sealed record RecordedReform(string Id, string File, DateOnly EffectiveFrom, string ContentHash);

/// <summary>A population as the run record keeps it.</summary>
/// <param name="Kind">History, file or generated.</param>
/// <param name="Description">What the source says it is.</param>
/// <param name="ContentHash">Its hash.</param>
public sealed record RecordedPopulation(PopulationKind Kind, string Description, string ContentHash);
