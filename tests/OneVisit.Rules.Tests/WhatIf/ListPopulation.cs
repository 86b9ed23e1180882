using OneVisit.Rules.Catalog;
using OneVisit.Rules.WhatIf;

namespace OneVisit.Rules.Tests.WhatIf;

/// <summary>A population given as a list, as a file or a case store would give it, weights and all.</summary>
internal sealed class ListPopulation(IReadOnlyList<Situation> situations) : PopulationSource
{
    public override PopulationKind Kind => PopulationKind.File;

    public override string Description => "test list";

    public override string ContentHash => new('0', 64);

    public override IEnumerable<Situation> Read(ProcedureCatalog catalog) => situations;
}
