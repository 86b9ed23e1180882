using OneVisit.Rules.Authoring.Internal;
using OneVisit.Rules.Catalog;
using OneVisit.Rules.Diagnostics;
using OneVisit.Rules.WhatIf.Populations.Internal;

namespace OneVisit.Rules.WhatIf.Populations;

/// <summary>What reading a population spec file produced: the spec when there were no errors, and every diagnostic.</summary>
/// <param name="Path">The file as given.</param>
/// <param name="Spec">The spec; null when any error was found.</param>
/// <param name="Diagnostics">Errors and warnings with their positions, as for a catalogue file.</param>
public sealed record PopulationSpecFileResult(string Path, PopulationSpec? Spec, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>True when the file was read without errors.</summary>
    public bool Succeeded => Spec is not null;

    /// <summary>The spec, or a <see cref="PopulationException"/> listing every error with its position.</summary>
    public PopulationSpec GetSpecOrThrow() => Spec ?? throw new PopulationException(Describe());

    private string Describe()
    {
        var errors = Diagnostics.Where(d => d.IsError).ToList();
        var shown = string.Join(Environment.NewLine, errors.Take(10).Select(d => "  " + d));
        var more = errors.Count > 10 ? $"{Environment.NewLine}  … and {errors.Count - 10} more." : string.Empty;
        return $"The population spec '{Path}' has {errors.Count} error(s):{Environment.NewLine}{shown}{more}";
    }
}

/// <summary>
/// Reads a generated population's spec (YAML: <c>population</c>, <c>seed</c>, <c>situations</c>, <c>entries</c>)
/// against a catalogue, with positioned diagnostics like any catalogue file. See docs/populations.md.
/// </summary>
public static class PopulationSpecFile
{
    /// <summary>Reads <paramref name="path"/> against <paramref name="catalog"/>.</summary>
    /// <exception cref="PopulationException">The file does not exist.</exception>
    public static PopulationSpecFileResult Load(string path, ProcedureCatalog catalog)
    {
        PopulationFileChecks.MustExist(path, "population spec (.yaml)");
        ArgumentNullException.ThrowIfNull(catalog);
        var diagnostics = new DiagnosticBag();
        var source = LoadSession.ReadText(path, diagnostics);
        var root = source is null ? null : YamlTreeBuilder.Build(source, diagnostics);
        if (source is null || diagnostics.HasErrors)
        {
            return new PopulationSpecFileResult(path, null, diagnostics.Sorted());
        }

        var terms = new CatalogTerms(catalog);
        var spec = new SpecFileReader(new FileContext(source, diagnostics), terms).Read(root);
        if (spec is not null)
        {
            foreach (var problem in SpecChecker.Check(spec, terms))
            {
                diagnostics.Error(problem.DiagnosticCode, problem.Location ?? SourceLocation.StartOf(path), problem.Message);
            }
        }

        return new PopulationSpecFileResult(path, diagnostics.HasErrors ? null : spec, diagnostics.Sorted());
    }
}
