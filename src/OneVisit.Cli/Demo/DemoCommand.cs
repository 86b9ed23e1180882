using System.CommandLine;
using Microsoft.Data.Sqlite;
using OneVisit.Cli.Common;

namespace OneVisit.Cli.Demo;

/// <summary><c>onevisit demo</c>: the founding story replayed end to end through the durable case runtime.</summary>
internal static class DemoCommand
{
    public static Command Create(Terminal output, Terminal error)
    {
        var database = new Option<string?>("--db")
        {
            Description = "Keep the cases in this new SQLite file; an existing file is never touched. Without it each run makes a new file in the temp folder's onevisit-demo, which 'onevisit cases' reads when given no --db.",
            HelpName = "file",
        };
        var json = new Option<bool>("--json") { Description = "Print the results as JSON for programs to read (progress still goes to standard error)." };
        var language = LanguageOption.Create("The language of the report's labels, words and names (the JSON is the same in both):");
        var command = new Command(
            "demo",
            "Replay the four errands Hangzhou's mayor tried one morning in 2017 through the durable case runtime, on SQLite, with the "
            + "sample catalogue, simulated departments and a simulated clock: what failed then, the precheck at home, evidence fetched, "
            + "routing and forwarding, each case's steps, visits predicted and made. Exit code: 0 replayed, 1 a case went off its script, 64 usage.")
        {
            database,
            json,
            language,
        };
        command.SetAction((parsed, cancellation) => RunAsync(parsed.GetValue(database), parsed.GetValue(json), parsed.GetValue(language), output, error, cancellation));
        return command;
    }

    private static async Task<int> RunAsync(string? requested, bool json, TextLanguage language, Terminal output, Terminal error, CancellationToken cancellationToken)
    {
        if (requested is not null && (File.Exists(requested) || Directory.Exists(requested)))
        {
            error.WriteLine($"onevisit demo: {Path.GetFullPath(requested)} already exists. The demo writes only to a new file, so that it never mixes its simulated cases into a real store: choose another path, or delete the file.", ConsoleColour.Red);
            return ExitCodes.Usage;
        }

        var catalogue = Samples.Catalogue;
        if (CatalogueInput.Load("demo", catalogue, error, out var exitCode) is not { } catalog)
        {
            return exitCode;
        }

        // The sample catalogue names its offices' zone; the fallback only matters if someone removed it.
        var zone = catalog.Info.TimeZone ?? TimeZones.Find(Samples.HangzhouTimeZone, out _)!;
        string database;
        if (requested is null)
        {
            // A new file per run: two demos at once each get their own, and no run replaces a store being read.
            DemoStores.RemoveOld(TimeProvider.System);
            database = DemoStores.CreateNew(TimeProvider.System);
        }
        else
        {
            database = Path.GetFullPath(requested);
            Directory.CreateDirectory(Path.GetDirectoryName(database)!);
        }

        var progress = new Progress(error);
        DemoResults results;
        try
        {
            results = await new DemoRun(catalog, catalogue, database, zone, error.Writer, progress.Report).RunAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            progress.Clear();
            error.WriteLine($"onevisit demo: interrupted. The cases so far are in {database}.");
            return ExitCodes.Interrupted;
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException or Workflows.Cases.CaseException)
        {
            progress.Clear();
            error.WriteLine($"onevisit demo: {e.Message}", ConsoleColour.Red);
            error.WriteLine($"The cases so far are in {database}: onevisit cases list --db {database}");
            return ExitCodes.Errors;
        }
        finally
        {
            progress.Clear();
            SqliteConnection.ClearAllPools();
        }

        if (json)
        {
            DemoJson.Write(output, results, database, zone);
            return ExitCodes.Ok;
        }

        var text = new DemoText(output, catalog, zone, language);
        text.WriteHeader(catalogue, database);
        foreach (var result in results.Errands)
        {
            text.WriteErrand(result);
        }

        text.WriteNewborn(results.Newborn);

        text.WriteSummary(results, database, zoneFromCatalogue: catalog.Info.TimeZone is not null);
        return ExitCodes.Ok;
    }
}
