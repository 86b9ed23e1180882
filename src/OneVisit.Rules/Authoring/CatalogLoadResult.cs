using OneVisit.Rules.Catalog;
using OneVisit.Rules.Diagnostics;
using OneVisit.Rules.Testing;

namespace OneVisit.Rules.Authoring;

/// <summary>What loading a catalogue produced: the catalogue when there were no errors, and every diagnostic.</summary>
/// <param name="Directory">The catalogue folder as given.</param>
/// <param name="Catalog">The catalogue; null when any error was found.</param>
/// <param name="Diagnostics">Errors and warnings in file, line and column order.</param>
/// <param name="FileCount">How many files were read.</param>
/// <param name="Tests">
/// The policy test cases of <c>tests/*.yaml</c>, in file order; empty when any error was found. They come beside
/// the catalogue, not in it, because they speak the precheck's language (verdicts, material statuses) and the model
/// stays below the precheck.
/// </param>
public sealed record CatalogLoadResult(string Directory, ProcedureCatalog? Catalog, IReadOnlyList<Diagnostic> Diagnostics, int FileCount, IReadOnlyList<PolicyTestCase> Tests)
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
