using System.Text;
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
/// checked against the catalogue with positioned diagnostics. See <c>docs/precheck.md</c>. The same document may come
/// as text (<see cref="Parse"/>), e.g. an HTTP request's body, in YAML or in JSON, which YAML's flow style reads.
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
        return Read(path, LoadSession.ReadText(path, diagnostics), diagnostics, catalog);
    }

    /// <summary>
    /// Reads an application from <paramref name="text"/>, YAML or JSON (<c>{"procedure": "…", "facts": {"applicant.age": 30}, "documents": [...]}</c>),
    /// with the same keys, checks and diagnostics as <see cref="Load"/>; positions name <paramref name="sourceName"/>
    /// as the file. Text of more than <see cref="CatalogLoader.MaxFileBytes"/> bytes in UTF-8 is refused unread, with a diagnostic.
    /// </summary>
    /// <param name="text">The application document.</param>
    /// <param name="sourceName">What the diagnostics call the text, e.g. <c>request body</c>; the result's <see cref="ApplicationFileResult.Path"/>.</param>
    /// <param name="catalog">The catalogue whose procedures, facts and documents the application names.</param>
    public static ApplicationFileResult Parse(string text, string sourceName, ProcedureCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentException.ThrowIfNullOrEmpty(sourceName);
        ArgumentNullException.ThrowIfNull(catalog);
        var diagnostics = new DiagnosticBag();
        return Read(sourceName, Source(text, sourceName, "An application", diagnostics), diagnostics, catalog);
    }

    /// <summary>
    /// Reads documents handed in on their own (to a case that waits for them) from <paramref name="text"/>, YAML or
    /// JSON: <c>{"documents": [{"document": "resident_id_card", "electronic": true}]}</c>, each item as an
    /// application's <c>documents</c> with the same checks (known document, form edition and party; dates), and none
    /// issued after <paramref name="asOf"/>. The size limit and positions are as for <see cref="Parse"/>.
    /// </summary>
    /// <param name="text">The document holding <c>documents</c>.</param>
    /// <param name="sourceName">What the diagnostics call the text, e.g. <c>request body</c>.</param>
    /// <param name="catalog">The catalogue whose documents the items name.</param>
    /// <param name="asOf">The day they are handed in, usually today in the offices' time zone.</param>
    public static HeldDocumentsResult ParseDocuments(string text, string sourceName, ProcedureCatalog catalog, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentException.ThrowIfNullOrEmpty(sourceName);
        ArgumentNullException.ThrowIfNull(catalog);
        var diagnostics = new DiagnosticBag();
        var source = Source(text, sourceName, "A set of documents", diagnostics);
        var root = source is null ? null : YamlTreeBuilder.Build(source, diagnostics);
        var documents = source is null || diagnostics.HasErrors
            ? null
            : ApplicationReader.ReadDocuments(new FileContext(source, diagnostics), root, catalog, asOf);
        return new HeldDocumentsResult(documents, diagnostics.Sorted());
    }

    // Load and Parse read the same way once the text is in hand.
    private static ApplicationFileResult Read(string path, SourceText? source, DiagnosticBag diagnostics, ProcedureCatalog catalog)
    {
        var root = source is null ? null : YamlTreeBuilder.Build(source, diagnostics);
        var (request, bundle) = source is null || diagnostics.HasErrors
            ? (null, null)
            : ApplicationReader.Read(new FileContext(source, diagnostics), root, catalog);
        return new ApplicationFileResult(path, request, diagnostics.Sorted()) { Bundle = bundle };
    }

    // Text within the limit a file has, so a request body cannot make the reader do more than a file would.
    private static SourceText? Source(string text, string sourceName, string what, DiagnosticBag diagnostics)
    {
        var bytes = text.Length > CatalogLoader.MaxFileBytes ? (long)text.Length : Encoding.UTF8.GetByteCount(text);
        if (bytes > CatalogLoader.MaxFileBytes)
        {
            var size = text.Length > CatalogLoader.MaxFileBytes ? $"more than {CatalogLoader.MaxFileBytes:N0}" : $"{bytes:N0}";
            diagnostics.Error(DiagnosticCodes.FileTooLarge, SourceLocation.StartOf(sourceName),
                $"{what} of {size} bytes is refused: it may be at most {CatalogLoader.MaxFileBytes:N0} bytes (UTF-8), as an application file may.");
            return null;
        }

        // A byte order mark is not part of the document, as when a file is read.
        return new SourceText(sourceName, text.StartsWith('\uFEFF') ? text[1..] : text);
    }
}
