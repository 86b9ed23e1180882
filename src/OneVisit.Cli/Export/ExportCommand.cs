using System.CommandLine;
using System.Globalization;
using System.Text;
using OneVisit.Cli.Common;
using OneVisit.Rules.Catalog;
using OneVisit.Rules.Export;
using OneVisit.Rules.WhatIf;

namespace OneVisit.Cli.Export;

/// <summary>
/// <c>onevisit export cpsv-ap &lt;catalog-dir&gt;</c>: the catalogue in the EU's Core Public Service Vocabulary (CPSV-AP
/// 3.2.0) as JSON-LD, for the portals and registries that exchange catalogues of public services.
/// </summary>
internal static class ExportCommand
{
    private const string Name = "export cpsv-ap";

    public static Command Create(Terminal output, Terminal error) =>
        new("export", "Write a catalogue in a standard format other systems read. Formats: cpsv-ap (the EU's Core Public Service Vocabulary, JSON-LD).")
        {
            CpsvAp(output, error),
        };

    private static Command CpsvAp(Terminal output, Terminal error)
    {
        var directory = new Argument<string>("catalog-dir") { Description = "The catalogue folder (holding catalog.yaml, procedures/, …)." };
        var outFile = new Option<string?>("--out", "-o") { Description = "Write the JSON-LD to this file instead of standard output.", HelpName = "file" };
        var baseIri = new Option<string?>("--base-iri")
        {
            Description = $"The absolute http(s) IRI the catalogue's nodes are named under (services, organisations, requirements, events). By default {CpsvApOptions.DefaultBaseIri}, an example domain: set your own before publishing.",
            HelpName = "iri",
        };
        var typical = new Option<bool>("--typical-visits")
        {
            Description = "Also export each procedure's and bundle's typical and fewest visits over the uniform population 'onevisit visits' uses by default (indicative, not real volumes; the export describes the population).",
        };
        var command = new Command(
            "cpsv-ap",
            $"Export the catalogue as CPSV-AP {CpsvApExport.Version} JSON-LD: each procedure a public service with its competent authorities, requirements "
            + "and evidence (what the government fetches marked as part of the issuing department's dataset), costs, channels, legal resources, "
            + "processing time and outputs; each bundle a life or business event with its services; visits, trips and waves in OneVisit's "
            + "extension vocabulary (docs/export.md). Exit code: 0 written, 1 errors in the catalogue, 64 usage (missing folder, bad --base-iri, "
            + "a file that cannot be written).")
        {
            directory,
            outFile,
            baseIri,
            typical,
        };
        command.SetAction(parsed => Run(parsed.GetRequiredValue(directory), parsed.GetValue(outFile), parsed.GetValue(baseIri), parsed.GetValue(typical), output, error));
        return command;
    }

    private static int Run(string directory, string? outPath, string? baseIri, bool typical, Terminal output, Terminal error)
    {
        // A wrong IRI is a usage error, said before the catalogue is read.
        if (Options(baseIri, error) is not { } options)
        {
            return ExitCodes.Usage;
        }

        var catalog = CatalogueInput.Load(Name, directory, error, out var exitCode);
        if (catalog is null)
        {
            return exitCode;
        }

        if (Export(catalog, typical ? options with { Visits = VisitsReport.Build(catalog) } : options, error) is not { } document)
        {
            return ExitCodes.Errors;
        }

        return outPath is null ? Print(document, output) : Save(document, outPath, catalog, output, error);
    }

    private static CpsvApOptions? Options(string? baseIri, Terminal error)
    {
        if (baseIri is null)
        {
            return new CpsvApOptions();
        }

        try
        {
            return Uri.TryCreate(baseIri, UriKind.Absolute, out var iri)
                ? new CpsvApOptions { BaseIri = iri }
                : throw new ArgumentException($"The base IRI '{baseIri}' is not an absolute IRI. Give one such as https://data.example.gov.cn/services/.");
        }
        catch (ArgumentException e)
        {
            error.WriteLine($"onevisit {Name}: {e.Message}", ConsoleColour.Red);
            return null;
        }
    }

    // The whole document is made in memory first, so a failure never leaves half a file or half an output behind.
    private static byte[]? Export(ProcedureCatalog catalog, CpsvApOptions options, Terminal error)
    {
        try
        {
            using var buffer = new MemoryStream();
            CpsvApExport.Write(catalog, buffer, options);
            return buffer.ToArray();
        }
        catch (CpsvApExportException e)
        {
            error.WriteLine($"onevisit {Name}: {e.Message}", ConsoleColour.Red);
            return null;
        }
    }

    private static int Print(byte[] document, Terminal output)
    {
        output.WriteLine(Encoding.UTF8.GetString(document));
        return ExitCodes.Ok;
    }

    private static int Save(byte[] document, string path, ProcedureCatalog catalog, Terminal output, Terminal error)
    {
        try
        {
            File.WriteAllBytes(path, document);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            error.WriteLine($"onevisit {Name}: cannot write '{path}': {e.Message} Give --out a file in a folder you can write to.", ConsoleColour.Red);
            return ExitCodes.Usage;
        }

        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"Wrote CPSV-AP {CpsvApExport.Version} JSON-LD of {catalog.Procedures.Count} services and {catalog.Bundles.Count} events ({document.Length:N0} bytes) to {path}."));
        return ExitCodes.Ok;
    }
}
