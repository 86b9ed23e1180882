using OneVisit.Rules.Catalog;
using OneVisit.Rules.WhatIf;

namespace OneVisit.Rules.Export.Internal;

/// <summary>What every part of one export shares: the catalogue, the graph being built, the IRIs and the languages.</summary>
internal sealed class ExportSession(ProcedureCatalog catalog, CpsvApOptions options)
{
    public ProcedureCatalog Catalog { get; } = catalog;

    public LdGraph Graph { get; } = new();

    public Iris Iris { get; } = new(options.BaseIri);

    public Texts Texts { get; } = new(catalog.Info);

    /// <summary>The visits report whose population figures are exported, if one was given.</summary>
    public VisitsReport? Visits { get; } = options.Visits;

    /// <summary>Every code in ordinal order, so the same catalogue always gives the same document.</summary>
    public IEnumerable<Procedure> Procedures => Catalog.Procedures.Values.OrderBy(p => p.Code, StringComparer.Ordinal);

    public IEnumerable<Bundle> Bundles => Catalog.Bundles.Values.OrderBy(b => b.Code, StringComparer.Ordinal);

    /// <summary>Who may decide the procedure: the default authority first, then each the jurisdiction rules name.</summary>
    public IEnumerable<string> CompetentAuthorities(Procedure procedure) =>
        new[] { procedure.Jurisdiction.DefaultAuthorityId }.Concat(procedure.Jurisdiction.Rules.Select(r => r.AuthorityId)).Distinct(StringComparer.Ordinal);
}
