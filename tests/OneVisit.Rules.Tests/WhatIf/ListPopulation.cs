using OneVisit.Rules.Catalog;
using OneVisit.Rules.WhatIf;

namespace OneVisit.Rules.Tests.WhatIf;

/// <summary>A population written in the test itself, as a file or a case store would give it, weights and all.</summary>
internal sealed class ListPopulation(params Situation[] situations) : PopulationSource
{
    public ListPopulation(IReadOnlyList<Situation> situations)
        : this([.. situations])
    {
    }

    public override PopulationKind Kind => PopulationKind.File;

    public override string Description => $"{situations.Length} situations written in a test";

    public override string ContentHash => "test";

    public override IEnumerable<Situation> Read(ProcedureCatalog catalog) => situations;

    public static Situation Of(string code, double weight, params (string Path, object? Value)[] facts) =>
        new() { Code = code, Weight = weight, Facts = facts.ToDictionary(f => f.Path, f => f.Value) };
}
