using System.CommandLine;
using OneVisit.Cli.Common;
using OneVisit.Rules;
using OneVisit.Rules.Precheck;
using OneVisit.Rules.Testing;

namespace OneVisit.Cli.Test;

/// <summary><c>onevisit test &lt;catalog-dir&gt;</c>: runs the catalogue's policy tests (<c>tests/*.yaml</c>) through the precheck.</summary>
internal static class TestCommand
{
    public static Command Create(Terminal output, Terminal error)
    {
        var directory = new Argument<string>("catalog-dir") { Description = "The catalogue folder (holding catalog.yaml, procedures/, tests/, …)." };
        var json = new Option<bool>("--json") { Description = "Print every case, its mismatches and the rules that fired as JSON for programs to read." };
        var command = new Command(
            "test",
            "Run the catalogue's policy tests (tests/*.yaml) through the precheck. Prints PASS or FAIL per case; for a failure, "
            + "what was expected, what came out and which rules fired where. The last line is 'N passed, N failed'. "
            + "Exit code: 0 all passed, 1 a case failed or the catalogue has errors, 64 usage.")
        {
            directory,
            json,
        };
        command.SetAction(parsed => Run(parsed.GetRequiredValue(directory), parsed.GetValue(json), output, error));
        return command;
    }

    private static int Run(string directory, bool json, Terminal output, Terminal error)
    {
        if (CatalogueInput.LoadWithTests("test", directory, error, out var exitCode) is not { Catalog: { } catalog } loaded)
        {
            return exitCode;
        }

        PolicyTestReport report;
        try
        {
            report = PolicyTestRunner.Run(new PrecheckEngine(catalog), loaded.Tests);
        }
        catch (OneVisitException e)
        {
            // A procedure whose rules do not compile stops the run: no case of it could say anything meaningful.
            error.WriteLine($"onevisit test: {e.Message}", ConsoleColour.Red);
            return ExitCodes.Errors;
        }

        if (json)
        {
            TestReportJson.Write(directory, report, output);
        }
        else
        {
            TestReportText.Write(report, output);
        }

        return report.Failed > 0 ? ExitCodes.Errors : ExitCodes.Ok;
    }
}
