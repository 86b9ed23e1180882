using System.CommandLine;
using OneVisit.Cli.Common;
using OneVisit.Workflows.Cases;
using OneVisit.Workflows.Json;
using OneVisit.Workflows.Migration;

namespace OneVisit.Cli.Cases;

internal static partial class CasesCommand
{
    private static Command Migrate(Terminal output, Terminal error)
    {
        var store = StoreOptions.Create();

        // The shared options speak of reading; this command writes (without --dry-run) and reads the new version's catalogue.
        store.Store.Postgres.Description = "A PostgreSQL case store (a host's UsePostgreSql database), as an Npgsql connection string: Host=…;Database=…;Username=…. "
            + $"With --dry-run it is read-only at the server; without, the moved cases are written. Keep the password off the command line: set {StoreSource.Variable} "
            + "to the connection string instead, or leave Password= out and use PGPASSWORD or ~/.pgpass.";
        store.Catalogue.Description = "The catalogue holding the version to move to (the sample catalogue by default): the one the host runs after the change.";
        var procedure = new Option<string>("--procedure") { Description = "The procedure whose open cases move (its code, e.g. 330100-SC-0001).", HelpName = "code", Required = true };
        var toVersion = new Option<int>("--to-version") { Description = "The version they move to: the one --catalog holds (said again, so a plan is never applied to a catalogue other than the one read).", HelpName = "n", Required = true };
        var dryRun = new Option<bool>("--dry-run") { Description = "Print the plan and change nothing: for each open case, what would change, or why it cannot move." };
        var command = new Command(
            "migrate",
            "Move the open cases of a procedure to the catalogue's version of it, case by case: each is prechecked again under the new version "
            + "and moved with one audit line, or left on its version with the reason (decided, accepted and asked for more, and others: docs/migration.md). "
            + "Run with --dry-run first. A run is safe to repeat: a case already moved is skipped, so a run that was interrupted is finished by running it again. "
            + "On a SQLite store, stop the host first (one process holds the file); on PostgreSQL the command joins the cluster as a node. "
            + "Exit code: 0 planned or applied (some cases may stay), 1 not a case store (or PostgreSQL unreachable), 64 usage, unknown procedure or version.")
        {
            procedure,
            toVersion,
            dryRun,
        };
        store.AddTo(command);
        command.SetAction((parsed, cancellation) =>
        {
            var name = parsed.GetValue(dryRun) ? "cases migrate --dry-run" : "cases migrate";
            return RunAsync(store.OpenAsync(parsed, name, error, cancellation, writable: !parsed.GetValue(dryRun)), name, error, async input =>
            {
                MigrationPlan plan;
                try
                {
                    var code = parsed.GetRequiredValue(procedure);
                    var version = parsed.GetRequiredValue(toVersion);
                    plan = parsed.GetValue(dryRun)
                        ? await input.Migrations.PlanAsync(code, version, cancellation).ConfigureAwait(false)
                        : await input.Migrations.ApplyAsync(code, version, new Progress(error), cancellation).ConfigureAwait(false);
                }
                catch (InvalidCaseInputException invalid)
                {
                    error.WriteLine($"onevisit {name}: {invalid.Message}", ConsoleColour.Red);
                    return ExitCodes.Usage;
                }

                if (parsed.GetValue(store.Json))
                {
                    JsonOutput.Write(output, json => CaseJson.WriteMigration(json, plan));
                }
                else
                {
                    MigrationText.Write(output, plan, input.Database, parsed.GetValue(dryRun));
                }

                return ExitCodes.Ok;
            });
        });
        return command;
    }

    /// <summary>Each case as it is settled, on standard error: a long run shows it is moving.</summary>
    private sealed class Progress(Terminal error) : IProgress<CaseMigration>
    {
        private int _settled;

        public void Report(CaseMigration value) =>
            error.WriteLine($"onevisit cases migrate: {Interlocked.Increment(ref _settled)} settled ({value.CaseId}: {MigrationText.Status(value.Status)})");
    }
}
