using OneVisit.Rules.Catalog;
using OneVisit.Rules.Diagnostics;

namespace OneVisit.Rules.Authoring;

/// <summary>What loading a catalogue produced: the catalogue when there were no errors, and every diagnostic.</summary>
/// <param name="Directory">The catalogue folder as given.</param>
/// <param name="Catalog">The catalogue; null when any error was found.</param>
/// <param name="Diagnostics">Errors and warnings in file, line and column order.</param>
/// <param name="FileCount">How many files were read.</param>
public sealed record CatalogLoadResult(string Directory, ProcedureCatalog? Catalog, IReadOnlyList<Diagnostic> Diagnostics, int FileCount)
{
    /// <summary>True when the catalogue loaded without errors (warnings allowed).</summary>
    public bool Succeeded => Catalog is not null;

    /// <summary>How many errors.</summary>
    public int ErrorCount => Diagnostics.Count(d => d.IsError);

    /// <summary>How many warnings.</summary>
    public int WarningCount => Diagnostics.Count(d => !d.IsError);

    /// <summary>The catalogue, or a <see cref="CatalogException"/> listing the errors.</summary>
    public ProcedureCatalog GetCatalogOrThrow() => Catalog ?? throw new CatalogException(Directory, Diagnostics);
}
