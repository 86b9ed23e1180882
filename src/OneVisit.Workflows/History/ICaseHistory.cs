namespace OneVisit.Workflows.History;

/// <summary>
/// Past cases read as a what-if population (<see cref="CaseHistoryPopulation"/>): each case's or bundle case's
/// application, identities dropped, weight 1. Reading applications for statistics is still reading citizens' data, so
/// each read acts as someone, as the case services do (the host's signed-in actor, or <see cref="As"/>): an officer
/// with an analyst's post (<see cref="Actors.OfficerRole.Analyst"/>, the cases of those authorities) or the host's
/// processing (all cases); anyone else gets <see cref="Actors.AccessDeniedException"/>, audited. An analyst's read is
/// recorded by one audit line (<see cref="Audit.AuditActions.PopulationRead"/>) naming them, the purpose, the filter
/// and the count (docs/security.md).
/// </summary>
public interface ICaseHistory
{
    /// <summary>The same history read as <paramref name="actor"/> (see <see cref="Cases.ICaseService.As"/>); its purpose (<c>actor.For(…)</c>) goes into the audit line.</summary>
    ICaseHistory As(Actors.CaseActor actor);

    /// <summary>
    /// Reads the cases <paramref name="query"/> selects once, to count them and hash their situations, records the read,
    /// and returns the population; its <see cref="Rules.WhatIf.PopulationSource.Read"/> reads them again, page by page,
    /// and fails if the store changed in between.
    /// </summary>
    /// <exception cref="Actors.AccessDeniedException">The actor may not read populations.</exception>
    /// <exception cref="Cases.InvalidCaseInputException">The dates are reversed, or a code is empty or could forge a line.</exception>
    /// <exception cref="Rules.WhatIf.PopulationException">A stored application cannot be read.</exception>
    /// <exception cref="Cases.CaseStoreException">The store cannot be read.</exception>
    Task<CaseHistoryPopulation> ReadAsync(CaseHistoryQuery query, CancellationToken cancellationToken = default);
}
