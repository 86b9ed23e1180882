using System.Text.Json;
using OneVisit.Rules.Catalog;
using OneVisit.Rules.Export.Internal;
using OneVisit.Rules.Json;

namespace OneVisit.Rules.Export;

/// <summary>
/// Writes a catalogue in the EU's Core Public Service Vocabulary Application Profile (CPSV-AP 3.2.0) as one JSON-LD
/// document, <c>@context</c> and <c>@graph</c> (docs/export.md): each procedure a <c>cpsv:PublicService</c> with its
/// competent authorities, requirements and evidence, costs, channels, legal resources, processing time and outputs;
/// each bundle a <c>cv:LifeEvent</c> or <c>cv:BusinessEvent</c>; visits, waves and touchpoints, which CPSV-AP has no
/// words for, in OneVisit's extension vocabulary (<see cref="ExtensionNamespace"/>). The same catalogue and options
/// give the same bytes.
/// </summary>
public static class CpsvApExport
{
    /// <summary>The CPSV-AP release the export follows.</summary>
    public const string Version = "3.2.0";

    /// <summary>The IRI of OneVisit's extension vocabulary, prefix <c>ov</c>; its terms are listed in docs/export.md.</summary>
    public const string ExtensionNamespace = "https://onevisit.dev/ns/cpsv-ap-ext#";

    /// <summary>Writes <paramref name="catalog"/> as JSON-LD (UTF-8, indented) to <paramref name="output"/>, which is left open.</summary>
    /// <param name="catalog">A loaded catalogue.</param>
    /// <param name="output">Where the document goes.</param>
    /// <param name="options">The base IRI and the visits report (<c>new CpsvApOptions()</c> for the defaults).</param>
    /// <exception cref="CpsvApExportException">The catalogue's default language is not a language tag JSON-LD accepts.</exception>
    public static void Write(ProcedureCatalog catalog, Stream output, CpsvApOptions options)
    {
        ArgumentNullException.ThrowIfNull(output);
        using var json = new Utf8JsonWriter(output, OneVisitJson.WriterOptions);
        Write(catalog, json, options);
    }

    /// <summary>Writes <paramref name="catalog"/> as one JSON-LD object where <paramref name="json"/> may start a value.</summary>
    /// <param name="catalog">A loaded catalogue.</param>
    /// <param name="json">The writer; flushed, not disposed.</param>
    /// <param name="options">The base IRI and the visits report (<c>new CpsvApOptions()</c> for the defaults).</param>
    /// <exception cref="CpsvApExportException">The catalogue's default language is not a language tag JSON-LD accepts.</exception>
    public static void Write(ProcedureCatalog catalog, Utf8JsonWriter json, CpsvApOptions options)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(options);
        CatalogueGraph.Build(catalog, options).Write(json);
        json.Flush();
    }
}
