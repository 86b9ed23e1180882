using OneVisit.Rules.Catalog;
using OneVisit.Rules.WhatIf;
using OneVisit.Workflows.History.Internal;

namespace OneVisit.Workflows.History;

/// <summary>
/// Past cases as a population (<see cref="ICaseHistory.ReadAsync"/>): one situation of weight 1 per case on its own or
/// bundle case (under the bundle's code, with the joint application; its member cases are not counted again), open and
/// closed alike, oldest submission first. A situation holds the code, the facts and the held documents, never the
/// applicant, the case id, a name or any free text (docs/whatif-history.md says what is dropped and what remains).
/// </summary>
public sealed class CaseHistoryPopulation : PopulationSource
{
    private readonly HistoryReader _reader;

    internal CaseHistoryPopulation(HistoryReader reader, HistoryCount count, string description)
    {
        _reader = reader;
        Cases = count.Situations;
        Purged = count.Purged;
        WithoutApplication = count.WithoutApplication;
        ContentHash = count.Hash;
        Description = description;
    }

    /// <inheritdoc />
    public override PopulationKind Kind => PopulationKind.CaseHistory;

    /// <summary>What was read and what was left out, e.g. "3,120 cases 2017-01-01..2017-12-31 (open and closed), 12 purged left out, from store.db".</summary>
    public override string Description { get; }

    /// <summary>The SHA-256 of the situations in their order (code, facts and documents in a canonical JSON per line).</summary>
    public override string ContentHash { get; }

    /// <summary>How many situations the population holds: one per case or bundle case with its application.</summary>
    public long Cases { get; }

    /// <summary>Cases selected but left out because retention purged their application.</summary>
    public long Purged { get; }

    /// <summary>Cases selected but left out because they were recorded before the store kept applications.</summary>
    public long WithoutApplication { get; }

    /// <inheritdoc />
    /// <exception cref="PopulationException">
    /// A situation's fact is not in <paramref name="catalog"/>'s schema or has another type, a stored application cannot
    /// be read, or the store changed since <see cref="ICaseHistory.ReadAsync"/> counted it.
    /// </exception>
    public override IEnumerable<Situation> Read(ProcedureCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return _reader.Read(catalog, ContentHash);
    }
}
