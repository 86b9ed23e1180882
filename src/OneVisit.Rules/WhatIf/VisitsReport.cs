using OneVisit.Rules.Catalog;
using OneVisit.Rules.Precheck;
using OneVisit.Rules.WhatIf.Internal;

namespace OneVisit.Rules.WhatIf;

/// <summary>
/// The visits of every procedure and bundle of a catalogue ("at most one visit", counted rather than claimed): each
/// one's worst case as its service guide states it, and the fewest and the typical visits its applicants get over a
/// population; for a bundle, the matter's trips beside the naive per-department sum. Written by
/// <see cref="VisitsReportWriters"/>, and by the command line as text and JSON.
/// </summary>
/// <param name="CatalogName">The catalogue's name.</param>
/// <param name="AsOf">
/// The date situations were judged on; a procedure or bundle whose version is not in force on it is judged on the
/// nearest day it is (its first or last), since the catalogue holds one version of each.
/// </param>
/// <param name="Population">The population "best" and "typical" come from; read <see cref="PopulationUsed.Kind"/> before trusting them.</param>
/// <param name="Procedures">Every procedure, most worst-case visits first, then by code.</param>
/// <param name="Bundles">Every bundle, most worst-case trips first, then by code.</param>
/// <param name="Totals">How many procedures and bundles take no visit, one, or two or more.</param>
public sealed record VisitsReport(
    LocalizedText CatalogName,
    DateOnly AsOf,
    PopulationUsed Population,
    IReadOnlyList<ProcedureVisitCounts> Procedures,
    IReadOnlyList<BundleVisitCounts> Bundles,
    VisitsTotals Totals)
{
    /// <summary>Counts the visits of every procedure and bundle of <paramref name="catalog"/>.</summary>
    /// <param name="catalog">A loaded catalogue (or a reformed one).</param>
    /// <param name="options">The population and date; a <see cref="Populations.UniformPopulation"/> on the catalogue's as-of date when null.</param>
    /// <exception cref="PopulationException">A situation cannot be prechecked: it names a code the catalogue lacks, an unknown fact or a value of the wrong type.</exception>
    public static VisitsReport Build(ProcedureCatalog catalog, VisitsReportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        options ??= new VisitsReportOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.BatchSize, 1, nameof(options));
        return VisitsRun.Build(catalog, options);
    }
}

/// <summary>What a <see cref="VisitsReport"/> was computed over.</summary>
public sealed record VisitsReportOptions
{
    /// <summary>
    /// The population "best" and "typical" are read from; null: a <see cref="Populations.UniformPopulation"/> with its
    /// defaults (64 situations per procedure and bundle, seed 1), which shows the rules' branches, not real volumes.
    /// </summary>
    public PopulationSource? Population { get; init; }

    /// <summary>
    /// The date to judge situations on; null: the catalogue's own as-of date, so a run is repeatable. A procedure or bundle
    /// not in force on it is judged on the nearest day it is.
    /// </summary>
    public DateOnly? AsOf { get; init; }

    /// <summary>How many applications are prechecked at once (<see cref="PrecheckEngine.CheckMany"/>); 1,024 by default.</summary>
    public int BatchSize { get; init; } = 1024;

    /// <summary>
    /// A procedure or bundle whose situations weigh less than this shows no population figures
    /// (<see cref="PopulationVisits.Suppressed"/>): with past cases, a typical visit count of three cases points at
    /// three people. 10 by default, as <see cref="WhatIfOptions.MinimumCellSize"/>; 0 shows everything. Not applied to a
    /// generated population, which describes no one.
    /// </summary>
    public double MinimumCellSize { get; init; } = 10;
}

/// <summary>The population a report used, as the report must say it.</summary>
/// <param name="Kind">Where its situations come from: a generated population is not real volumes.</param>
/// <param name="Description">What the source calls itself: the file, the store, or the generator and its seed.</param>
/// <param name="ContentHash">The source's hash, for a run record.</param>
/// <param name="Situations">How many situations were read.</param>
/// <param name="Weight">Their total weight (applications a year, for a real population).</param>
public sealed record PopulationUsed(PopulationKind Kind, string Description, string ContentHash, int Situations, double Weight);

/// <summary>
/// The visits a population's situations of one procedure or bundle are predicted to need. Situations refused (not
/// eligible) get nothing done, so they count in <see cref="RefusedWeight"/> only, not in the visits.
/// </summary>
/// <param name="Situations">How many situations the population has for it.</param>
/// <param name="Weight">Their total weight.</param>
/// <param name="RefusedWeight">The weight of those not eligible.</param>
/// <param name="Best">The fewest visits any eligible situation needs; null when none is eligible.</param>
/// <param name="Typical">The weighted median of the eligible situations' visits (the lower one on a tie); null when none is eligible.</param>
/// <param name="Most">The most visits any eligible situation needs; never above the worst case; null when none is eligible.</param>
public sealed record PopulationVisits(int Situations, double Weight, double RefusedWeight, int? Best, int? Typical, int? Most)
{
    /// <summary>Whether the situations weigh less than the report's minimum cell size, so every figure here is withheld (zero or null).</summary>
    public bool Suppressed { get; init; }
}

/// <summary>One procedure's visits.</summary>
/// <param name="Code">The procedure's code.</param>
/// <param name="Name">Its name.</param>
/// <param name="Authority">Its competent authority by default (routing may send a case elsewhere).</param>
/// <param name="WorstCase">The most visits any applicant can need, and why (<see cref="VisitPrediction.WorstCase"/>).</param>
/// <param name="Population">Its visits over the population.</param>
public sealed record ProcedureVisitCounts(string Code, LocalizedText Name, Authority Authority, VisitPrediction WorstCase, PopulationVisits Population);

/// <summary>One bundle's visits, for the whole matter and as the departments would add them up.</summary>
/// <param name="Code">The bundle's code.</param>
/// <param name="Name">Its name.</param>
/// <param name="LeadAuthority">Its lead department.</param>
/// <param name="WorstCase">The matter's most trips beside the naive sum of its members' worst cases, and each member's (<see cref="BundleVisits.WorstCase"/>).</param>
/// <param name="Population">The matter's trips over the population.</param>
/// <param name="TypicalNaiveSum">The weighted median, over the same eligible situations, of the naive per-department sum; null when none is eligible.</param>
public sealed record BundleVisitCounts(string Code, LocalizedText Name, Authority LeadAuthority, BundleVisits WorstCase, PopulationVisits Population, int? TypicalNaiveSum);

/// <summary>How many procedures (or bundles) take no visit, one, or two or more.</summary>
/// <param name="Zero">None (跑零次).</param>
/// <param name="One">One.</param>
/// <param name="TwoOrMore">Two or more.</param>
/// <param name="Unknown">No value: the population has no eligible situation of theirs (for typical visits only).</param>
public sealed record VisitsDistribution(int Zero, int One, int TwoOrMore, int Unknown)
{
    /// <summary>Those needing at most one visit.</summary>
    public int AtMostOne => Zero + One;
}

/// <summary>The distribution of visits over the catalogue.</summary>
/// <param name="ProceduresWorst">Procedures by worst-case visits.</param>
/// <param name="ProceduresTypical">Procedures by typical visits.</param>
/// <param name="BundlesWorst">Bundles by the matter's worst-case trips.</param>
/// <param name="BundlesTypical">Bundles by the matter's typical trips.</param>
public sealed record VisitsTotals(VisitsDistribution ProceduresWorst, VisitsDistribution ProceduresTypical, VisitsDistribution BundlesWorst, VisitsDistribution BundlesTypical);
