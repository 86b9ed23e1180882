using OneVisit.Rules.Diagnostics;

namespace OneVisit.Rules.WhatIf.Populations;

/// <summary>
/// What a generated population is drawn from, for when no history exists yet: procedures and bundles with their
/// yearly volumes and, per fact, how its values are spread. Written as a YAML file (docs/populations.md) or built in code;
/// <see cref="GeneratedPopulation"/> draws the situations.
/// </summary>
public sealed record PopulationSpec
{
    /// <summary>The population's name (<c>population:</c>), used in reports.</summary>
    public required string Name { get; init; }

    /// <summary>The seed: the same spec with the same seed gives the same situations, on any machine and .NET version.</summary>
    public required ulong Seed { get; init; }

    /// <summary>How many situations to draw in total, split over the entries in proportion to their volume (at least one each).</summary>
    public required long Situations { get; init; }

    /// <summary>The procedures and bundles, in the order their situations are drawn.</summary>
    public required IReadOnlyList<PopulationEntry> Entries { get; init; }
}

/// <summary>One procedure or bundle of a generated population: its yearly volume and how its facts are spread.</summary>
/// <param name="Code">The procedure's or the bundle's code.</param>
/// <param name="Volume">Cases a year; the weights of the entry's situations sum to it.</param>
/// <param name="Facts">How each declared fact is drawn; facts not listed are unknown in the entry's situations.</param>
public sealed record PopulationEntry(string Code, double Volume, IReadOnlyList<FactDistribution> Facts)
{
    /// <summary>Where a spec file wrote the entry; null for a spec built in code.</summary>
    public SourceLocation? Location { get; init; }
}

/// <summary>How one fact's values are drawn in the situations of an entry.</summary>
/// <param name="Path">The fact, <c>entity.field</c>.</param>
public abstract record FactDistribution(string Path)
{
    /// <summary>Where a spec file wrote it; null for a spec built in code.</summary>
    public SourceLocation? Location { get; init; }
}

/// <summary>The fact has one value in every situation (null: unknown in every situation).</summary>
/// <param name="Path">The fact.</param>
/// <param name="Value">The value, typed as in a precheck request: bool, decimal, DateOnly or string.</param>
public sealed record FixedFact(string Path, object? Value) : FactDistribution(Path);

/// <summary>The fact takes each value in its share of the situations; the shares sum to 1.</summary>
/// <param name="Path">The fact.</param>
/// <param name="Shares">The values and their shares; a null value stands for "unknown".</param>
public sealed record FactShares(string Path, IReadOnlyList<ValueShare> Shares) : FactDistribution(Path);

/// <summary>One value of a <see cref="FactShares"/> and the share of situations that have it.</summary>
/// <param name="Value">The value (bool, decimal, DateOnly or string), or null for unknown.</param>
/// <param name="Share">The share, from 0 to 1.</param>
public sealed record ValueShare(object? Value, double Share);

/// <summary>A number (or amount) fact drawn uniformly among the whole numbers from <paramref name="Min"/> to <paramref name="Max"/>.</summary>
/// <param name="Path">The fact.</param>
/// <param name="Min">The smallest value, included.</param>
/// <param name="Max">The largest value, included.</param>
public sealed record NumberRange(string Path, long Min, long Max) : FactDistribution(Path);

/// <summary>A date fact drawn uniformly among the days from <paramref name="From"/> to <paramref name="To"/>.</summary>
/// <param name="Path">The fact.</param>
/// <param name="From">The first day, included.</param>
/// <param name="To">The last day, included.</param>
public sealed record DateRange(string Path, DateOnly From, DateOnly To) : FactDistribution(Path);
