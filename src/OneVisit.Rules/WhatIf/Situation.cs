using OneVisit.Rules.Precheck;

namespace OneVisit.Rules.WhatIf;

/// <summary>
/// One kind of application in a population: a procedure or bundle, what is known about the applicant, and how many
/// such applications a year it stands for. Identities are never part of it: a population describes situations, not people.
/// </summary>
public sealed record Situation
{
    /// <summary>The procedure's or the bundle's code.</summary>
    public required string Code { get; init; }

    /// <summary>Facts by path, typed as in <see cref="PrecheckRequest.Facts"/>; a missing or null fact is unknown.</summary>
    public IReadOnlyDictionary<string, object?> Facts { get; init; } = new Dictionary<string, object?>();

    /// <summary>The documents the applicant holds, when the source knows them.</summary>
    public IReadOnlyList<HeldDocument> Documents { get; init; } = [];

    /// <summary>How many applications a year this situation stands for (its weight); positive.</summary>
    public double Weight { get; init; } = 1;
}
