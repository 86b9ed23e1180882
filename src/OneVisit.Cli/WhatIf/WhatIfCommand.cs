using System.CommandLine;
using OneVisit.Cli.Common;
using OneVisit.Rules;
using OneVisit.Rules.Authoring;
using OneVisit.Rules.Precheck;
using OneVisit.Rules.WhatIf;
using OneVisit.Rules.WhatIf.Populations;

namespace OneVisit.Cli.WhatIf;

/// <summary>
/// <c>onevisit whatif &lt;catalog-dir&gt; --reform f… --population p</c>: what reforms would do to a population's trips,
/// as text, JSON or a printable HTML report with a chart.
/// </summary>
internal static class WhatIfCommand
{
    public static Command Create(Terminal output, Terminal error)
    {
        var directory = new Argument<string>("catalog-dir") { Description = "The baseline catalogue folder (holding catalog.yaml, procedures/, …)." };
        var reforms = new Option<string[]>("--reform")
        {
            Description = "A reform file (docs/whatif.md); repeat it to stack reforms, applied in the order given.",
            HelpName = "file",
            Required = true,
            AllowMultipleArgumentsPerToken = false,
        };
        var population = new Option<string>("--population")
        {
            Description = "The situations and their yearly volumes: " + PopulationInput.Help + " (cases: reads the store --db or --pg names).",
            HelpName = "file",
            Required = true,
        };
        var json = new Option<bool>("--json") { Description = "Write the report as JSON instead of text." };
        var html = new Option<string?>("--html") { Description = "Also write a printable HTML report with a chart to this file.", HelpName = "file" };
        var minimum = new Option<double>("--min-cell")
        {
            Description = "Cells describing fewer cases a year than this show no figures (statistical secrecy); 0 shows all.",
            DefaultValueFactory = _ => new WhatIfOptions().MinimumCellSize,
        };
        var language = LanguageOption.Create("Names of procedures and departments: the catalogue's own, or its English names where it has them;");
        var store = StoreSource.Create();
        var command = new Command(
            "whatif",
            "Run reforms over a population: trips saved a year, cases affected, procedures and bundles crossing to one and to zero "
            + "visits, breakdowns by department, procedure and bundle, documents no longer asked of citizens, and who is worse off "
            + "and why; each reform's share in the stated order; a run record to reproduce it. Exit code: 0 done, 1 errors in the "
            + "catalogue, a reform or the population, 64 usage.")
        {
            directory,
            reforms,
            population,
            json,
            html,
            minimum,
            language,
        };
        store.AddTo(command);
        command.SetAction((parsed, cancellationToken) => RunAsync(
            new Request(
                parsed.GetRequiredValue(directory),
                parsed.GetRequiredValue(reforms),
                parsed.GetRequiredValue(population),
                parsed.GetValue(json),
                parsed.GetValue(html),
                parsed.GetValue(minimum),
                parsed.GetValue(language)),
            () => store.Resolve(parsed),
            output,
            error,
            cancellationToken));
        return command;
    }

    private sealed record Request(string Directory, string[] Reforms, string Population, bool Json, string? Html, double MinimumCell, TextLanguage Language);

    private static Task<int> RunAsync(Request request, Func<StoreTarget?> store, Terminal output, Terminal error, CancellationToken cancellationToken) =>
        PopulationInput.WithAsync("whatif", request.Population, store, request.Directory, error, population => Run(request, population, output, error), cancellationToken);

    private static int Run(Request request, Func<PopulationSource> population, Terminal output, Terminal error)
    {
        if (request.MinimumCell < 0)
        {
            error.WriteLine($"onevisit whatif: --min-cell is a number of cases, 0 or more, not {request.MinimumCell}.", ConsoleColour.Red);
            return ExitCodes.Usage;
        }

        var catalog = CatalogueInput.Load("whatif", request.Directory, error, out var exitCode);
        if (catalog is null)
        {
            return exitCode;
        }

        // A path that names nothing, or names a folder or a pipe, is a usage error (64) like every other command's,
        // said before anything is linted or run: not an error in the input (1), which the file would have to exist for.
        if (Refusal(request.Reforms.Select(r => (r, "reform"))) is { } refusal)
        {
            error.WriteLine($"onevisit whatif: {refusal}", ConsoleColour.Red);
            return ExitCodes.Usage;
        }

        var reforms = ReformLoader.Load(catalog, request.Reforms);
        CatalogueInput.WriteDiagnostics(reforms.Diagnostics, error);
        if (!reforms.Succeeded)
        {
            error.WriteLine("onevisit whatif: a reform has errors; nothing was run. Fix them and run again.", ConsoleColour.Red);
            return ExitCodes.Errors;
        }

        var progress = new Progress(error);
        try
        {
            var source = population();
            var options = new WhatIfOptions { MinimumCellSize = request.MinimumCell, CatalogueHash = CatalogLoader.ContentHash(request.Directory) };
            var report = WhatIfRun.Run(reforms, source, options, new Progress<WhatIfProgress>(p => progress.Report($"{p.Situations:N0} situations evaluated ({p.Cases:N0} cases a year) …")));
            progress.Clear();
            var english = request.Language == TextLanguage.English;
            if (request.Html is { } path)
            {
                File.WriteAllText(path, WhatIfHtml.Render(report, english));
                error.WriteLine($"onevisit whatif: wrote the HTML report to {path}.");
            }

            if (request.Json)
            {
                WhatIfJson.Write(report, output);
            }
            else
            {
                new WhatIfText(output, english).Write(report);
            }

            return ExitCodes.Ok;
        }
        catch (Exception e) when (e is PopulationException or InvalidApplicationException)
        {
            progress.Clear();
            error.WriteLine($"onevisit whatif: {e.Message}", ConsoleColour.Red);
            return ExitCodes.Errors;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException)
        {
            progress.Clear();
            error.WriteLine($"onevisit whatif: {e.Message}", ConsoleColour.Red);
            return ExitCodes.Usage;
        }
    }

    // A reform file's size is checked by its reader, as a catalogue file's; here only that it is a file.
    private static string? Refusal(IEnumerable<(string Path, string What)> files) => files
        .Select(f => (File: InputFile.Inspect(f.Path), f.What))
        .Select(f => f.File.Kind == FileKind.Missing ? $"there is no {f.What} file '{f.File.Path}' (see docs/whatif.md)." : f.File.Refusal($"a {f.What} file"))
        .FirstOrDefault(r => r is not null);
}
