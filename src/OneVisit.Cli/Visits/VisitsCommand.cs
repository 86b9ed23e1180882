using System.CommandLine;
using OneVisit.Cli.Common;
using OneVisit.Rules.WhatIf;
using OneVisit.Rules.WhatIf.Populations;

namespace OneVisit.Cli.Visits;

/// <summary>
/// <c>onevisit visits &lt;catalog-dir&gt;</c>: the visits of every procedure and bundle of a catalogue, worst case and
/// typical, and for every bundle the matter's trips beside the naive per-department sum.
/// </summary>
internal static class VisitsCommand
{
    public static Command Create(Terminal output, Terminal error)
    {
        var directory = new Argument<string>("catalog-dir") { Description = "The catalogue folder (holding catalog.yaml, procedures/, …)." };
        var json = new Option<bool>("--json") { Description = "Print the report as JSON for programs to read (names in both languages)." };
        var html = new Option<string?>("--html") { Description = "Also write the report as a self-contained, printable HTML page with charts to this file.", HelpName = "file" };
        var situations = new Option<int>("--situations")
        {
            Description = "Situations drawn per procedure and per bundle for the uniform population that 'typical' and 'best' come from.",
            DefaultValueFactory = _ => UniformPopulation.DefaultSituationsPerCode,
            HelpName = "n",
        };
        situations.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 1 or > 100_000)
            {
                r.AddError("--situations must be between 1 and 100000.");
            }
        });
        var seed = new Option<ulong>("--seed")
        {
            Description = "The uniform population's seed: the same seed gives the same report on every machine.",
            DefaultValueFactory = _ => UniformPopulation.DefaultSeed,
            HelpName = "n",
        };
        var population = new Option<string?>("--population")
        {
            Description = "The population 'typical' and 'best' come from instead of the uniform one: " + PopulationInput.Help + " (cases: reads the store --db or --pg names).",
            HelpName = "file|cases:<from>..<to>",
        };
        var asOf = new Option<DateOnly?>("--as-of")
        {
            Description = "The day every situation is judged on (YYYY-MM-DD); by default the catalogue's as_of, or the nearest day a procedure or bundle is in force. "
                + "Past cases hold documents issued up to their own day: judge them on a day after their last.",
            HelpName = "date",
        };
        var store = StoreSource.Create();
        var language = LanguageOption.Create("The language of the labels and the catalogue's names (English where the catalogue has them), in the text and the HTML:");
        var command = new Command(
            "visits",
            "Count the visits of every procedure and bundle of a catalogue: the worst case (as each service guide states it), and the "
            + "typical (weighted median) and best over a population, by default a uniform one in which every branch of the rules is "
            + "equally likely (indicative, not real volumes); for bundles, the matter's trips beside the naive sum of the members' own. "
            + "--population gives real volumes instead. Exit code: 0 written, 1 errors in the catalogue or the population, 64 usage.")
        {
            directory,
            json,
            html,
            situations,
            seed,
            population,
            asOf,
            language,
        };
        store.AddTo(command);
        command.SetAction((parsed, cancellationToken) =>
        {
            var catalogue = parsed.GetRequiredValue(directory);
            int RunOn(Func<PopulationSource> chosen) => Run(catalogue, chosen, parsed.GetValue(asOf), parsed.GetValue(json), parsed.GetValue(html), parsed.GetValue(language), output, error);
            return parsed.GetValue(population) is { } named
                ? PopulationInput.WithAsync("visits", named, () => store.Resolve(parsed), catalogue, error, RunOn, cancellationToken)
                : Task.FromResult(RunOn(() => new UniformPopulation(parsed.GetValue(situations), parsed.GetValue(seed))));
        });
        return command;
    }

    // The population comes in built, so a --population file can take the uniform one's place without touching the rest.
    private static int Run(string directory, Func<PopulationSource> chosen, DateOnly? asOf, bool json, string? htmlPath, TextLanguage language, Terminal output, Terminal error)
    {
        var catalog = CatalogueInput.Load("visits", directory, error, out var exitCode);
        if (catalog is null)
        {
            return exitCode;
        }

        VisitsReport report;
        var progress = new Progress(error);
        try
        {
            var population = chosen();
            progress.Report($"prechecking {population.Description} …");
            report = VisitsReport.Build(catalog, new VisitsReportOptions { Population = population, AsOf = asOf });
        }
        catch (PopulationException e)
        {
            error.WriteLine($"onevisit visits: {e.Message}", ConsoleColour.Red);
            return ExitCodes.Errors;
        }
        finally
        {
            progress.Clear();
        }

        if (htmlPath is not null)
        {
            try
            {
                File.WriteAllText(htmlPath, VisitsReportWriters.ToHtml(report, language == TextLanguage.English));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                error.WriteLine($"onevisit visits: cannot write {htmlPath}: {e.Message}", ConsoleColour.Red);
                return ExitCodes.Usage;
            }
        }

        if (json)
        {
            VisitsJson.Write(report, output);
        }
        else
        {
            VisitsText.Write(report, VisitsLabels.For(language), language, output);
        }

        if (htmlPath is not null && !json)
        {
            output.WriteLine(VisitsLabels.For(language).WroteHtml(htmlPath));
        }

        return ExitCodes.Ok;
    }
}
