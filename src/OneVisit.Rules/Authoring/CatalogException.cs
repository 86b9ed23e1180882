using OneVisit.Rules.Diagnostics;

namespace OneVisit.Rules.Authoring;

/// <summary>A catalogue could not be loaded. <see cref="Diagnostics"/> lists every problem with its position.</summary>
public sealed class CatalogException : OneVisitException
{
    /// <summary>Creates the exception from the diagnostics of a failed load.</summary>
    public CatalogException(string directory, IReadOnlyList<Diagnostic> diagnostics)
        : base(Describe(directory, diagnostics))
    {
        Directory = directory;
        Diagnostics = diagnostics;
    }

    /// <summary>The catalogue folder.</summary>
    public string Directory { get; }

    /// <summary>Every problem found, errors and warnings.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    private static string Describe(string directory, IReadOnlyList<Diagnostic> diagnostics)
    {
        var errors = diagnostics.Where(d => d.IsError).ToList();
        var shown = string.Join(Environment.NewLine, errors.Take(10).Select(d => "  " + d));
        var more = errors.Count > 10 ? $"{Environment.NewLine}  … and {errors.Count - 10} more; run 'onevisit lint {directory}' for all." : string.Empty;
        return $"The catalogue in '{directory}' has {errors.Count} error(s):{Environment.NewLine}{shown}{more}";
    }
}
