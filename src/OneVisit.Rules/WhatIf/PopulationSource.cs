using OneVisit.Rules.Catalog;

namespace OneVisit.Rules.WhatIf;

/// <summary>Where a population's situations come from; the report says which, because it changes how far to trust it.</summary>
public enum PopulationKind
{
    /// <summary>The applications of past cases in a case store, identities dropped.</summary>
    CaseHistory,

    /// <summary>A file of situations with weights (JSON Lines or CSV).</summary>
    File,

    /// <summary>Generated from distributions declared per fact, for when no history exists yet.</summary>
    Generated,
}

/// <summary>
/// A population of weighted situations, read as a stream so a million of them never sit in memory at once. Reading
/// twice gives the same situations in the same order (a run reads once; its record keeps <see cref="ContentHash"/>).
/// </summary>
public abstract class PopulationSource
{
    /// <summary>Where the situations come from.</summary>
    public abstract PopulationKind Kind { get; }

    /// <summary>What the report names it by: the file, the store, or the generator's spec and seed.</summary>
    public abstract string Description { get; }

    /// <summary>
    /// The situations, each checked against <paramref name="catalog"/>'s fact schema (unknown facts, values of the
    /// wrong type); a situation that cannot be read throws <see cref="PopulationException"/> naming where.
    /// </summary>
    public abstract IEnumerable<Situation> Read(ProcedureCatalog catalog);

    /// <summary>
    /// A hash of what the situations were read from (the file's bytes, the spec and seed, the store's cases), so a run
    /// record says exactly which population it used; lower-case hex SHA-256.
    /// </summary>
    public abstract string ContentHash { get; }
}

/// <summary>A population that cannot be read: the message says where (file and line, or case) and what to do.</summary>
public sealed class PopulationException : OneVisitException
{
    /// <summary>Creates the exception.</summary>
    public PopulationException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public PopulationException(string message, Exception inner) : base(message, inner)
    {
    }
}
