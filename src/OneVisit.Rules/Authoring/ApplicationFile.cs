using OneVisit.Rules.Authoring.Internal;
using OneVisit.Rules.Catalog;
using OneVisit.Rules.Diagnostics;
using OneVisit.Rules.Precheck;

namespace OneVisit.Rules.Authoring;

/// <summary>What reading an application file produced: the request when there were no errors, and every diagnostic.</summary>
/// <param name="Path">The file as given.</param>
/// <param name="Request">The request for a procedure; null when any error was found, or when the file applies for a bundle.</param>
/// <param name="Diagnostics">Errors and warnings with their positions.</param>
public sealed record ApplicationFileResult(string Path, PrecheckRequest? Request, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>The application for a bundle (<c>bundle:</c> instead of <c>procedure:</c>); null otherwise, or when any error was found.</summary>
    public BundlePrecheckRequest? Bundle { get; init; }

    /// <summary>True when the file was read without errors.</summary>
    public bool Succeeded => Request is not null || Bundle is not null;
}

/// <summary>
/// Reads an application file (YAML): the same <c>procedure</c>, <c>as_of</c>, <c>window</c>, <c>facts</c> and
/// <c>documents</c> keys as a policy test case, or <c>bundle</c> (and <c>left_out</c>) instead of <c>procedure</c>,
/// checked against the catalogue with positioned diagnostics. See <c>docs/precheck.md</c>.
/// </summary>
public static class ApplicationFile
{
    /// <summary>Reads <paramref name="path"/> against <paramref name="catalog"/>.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static ApplicationFileResult Load(string path, ProcedureCatalog catalog)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(catalog);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"There is no application file '{path}'. See docs/precheck.md for its format.", path);
        }

        var diagnostics = new DiagnosticBag();
        var source = LoadSession.ReadText(path, diagnostics);
        var root = source is null ? null : YamlTreeBuilder.Build(source, diagnostics);
        var (request, bundle) = source is null || diagnostics.HasErrors
            ? (null, null)
            : ApplicationReader.Read(new FileContext(source, diagnostics), root, catalog);
        return new ApplicationFileResult(path, request, diagnostics.Sorted()) { Bundle = bundle };
    }
}
