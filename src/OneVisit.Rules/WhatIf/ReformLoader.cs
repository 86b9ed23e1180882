using OneVisit.Rules.Authoring.Internal;
using OneVisit.Rules.Catalog;
using OneVisit.Rules.Diagnostics;

namespace OneVisit.Rules.WhatIf;

/// <summary>
/// Reads reform files against a catalogue, linting them with positions as the catalogue's own files are linted, and
/// applies them in the order given: each is read against the catalogue the ones before it left, so a later reform
/// may add a flow to a bundle an earlier one created.
/// </summary>
public static class ReformLoader
{
    /// <summary>Reads and applies <paramref name="paths"/> in order; stops at the first reform with errors.</summary>
    /// <param name="catalog">The baseline catalogue.</param>
    /// <param name="paths">The reform files, in the order they stack.</param>
    public static ReformLoadResult Load(ProcedureCatalog catalog, IReadOnlyList<string> paths)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(paths);
        var applied = new List<ReformedCatalog>(paths.Count);
        var diagnostics = new List<Diagnostic>();
        foreach (var path in paths)
        {
            var bag = new DiagnosticBag();
            var current = applied.Count == 0 ? catalog : applied[^1].Catalog;
            var reform = ReformFile.Read(path, current, bag);
            diagnostics.AddRange(bag.Sorted());
            if (reform is null)
            {
                return new ReformLoadResult(catalog, [], diagnostics);
            }

            var result = ReformApplication.Apply(current, reform);
            diagnostics.AddRange(result.Diagnostics);
            applied.Add(result);
        }

        return new ReformLoadResult(catalog, applied, diagnostics);
    }
}

/// <summary>Reforms read and applied in order, or the diagnostics that stopped them.</summary>
/// <param name="Baseline">The catalogue the reforms apply to.</param>
/// <param name="Applied">Each reform with the catalogue it leaves, in order; empty when one had errors.</param>
/// <param name="Diagnostics">Every error and warning, file by file in the order given.</param>
public sealed record ReformLoadResult(ProcedureCatalog Baseline, IReadOnlyList<ReformedCatalog> Applied, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>Whether every reform was read and applied.</summary>
    public bool Succeeded => !Diagnostics.Any(d => d.IsError);

    /// <summary>The catalogue with every reform applied (the baseline when there were none).</summary>
    public ProcedureCatalog Reformed => Applied.Count == 0 ? Baseline : Applied[^1].Catalog;
}
