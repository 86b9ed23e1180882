using System.CommandLine;
using OneVisit.Cli.Common;
using OneVisit.Rules.Authoring;
using OneVisit.Rules.Diagnostics;
using OneVisit.Rules.Json;

namespace OneVisit.Cli.Lint;

/// <summary><c>onevisit lint &lt;catalog-dir&gt;</c>: every problem in a catalogue, one line each, then a summary.</summary>
internal static class LintCommand
{
    public static Command Create(Terminal output, Terminal error)
    {
        var directory = new Argument<string>("catalog-dir") { Description = "The catalogue folder (holding catalog.yaml, facts.yaml, procedures/, …)." };
        var json = new Option<bool>("--json") { Description = "Print the diagnostics as JSON for programs to read." };
        var command = new Command("lint", "Check a catalogue and report every problem with file, line and column. Exit code: 0 clean, 1 errors, 2 only warnings, 64 usage.")
        {
            directory,
            json,
        };
        command.SetAction(parsed => Run(parsed.GetRequiredValue(directory), parsed.GetValue(json), output, error));
        return command;
    }

    private static int Run(string directory, bool json, Terminal output, Terminal error)
    {
        if (!Directory.Exists(directory))
        {
            error.WriteLine($"onevisit lint: there is no folder '{directory}'.", ConsoleColour.Red);
            return ExitCodes.Usage;
        }

        var result = CatalogLoader.Load(directory);
        if (json)
        {
            WriteJson(result, output);
        }
        else
        {
            WriteText(result, output);
        }

        return result.ErrorCount > 0 ? ExitCodes.Errors : result.WarningCount > 0 ? ExitCodes.Warnings : ExitCodes.Ok;
    }

    private static void WriteText(CatalogLoadResult result, Terminal output)
    {
        CatalogueInput.WriteDiagnostics(result.Diagnostics, output);

        if (result.Diagnostics.Count == 0 && result.Catalog is { } catalog)
        {
            output.WriteLine(
                $"{result.Directory}: clean — {catalog.Procedures.Count} procedures, {catalog.Authorities.Count} authorities, " +
                $"{catalog.Documents.Count} documents, {catalog.Facts.SlotCount} facts, {result.Tests.Count} policy tests in {result.FileCount} files.",
                ConsoleColour.Green);
            return;
        }

        var tone = result.ErrorCount > 0 ? ConsoleColour.Red : ConsoleColour.Yellow;
        output.WriteLine($"{result.Directory}: {Count(result.ErrorCount, "error")}, {Count(result.WarningCount, "warning")} in {result.FileCount} files.", tone);
    }

    private static void WriteJson(CatalogLoadResult result, Terminal output) => JsonOutput.Write(output, json =>
    {
        json.WriteStartObject();
        json.WriteString("directory", result.Directory);
        json.WriteNumber("files", result.FileCount);
        json.WriteNumber("errors", result.ErrorCount);
        json.WriteNumber("warnings", result.WarningCount);
        json.WriteObjects("diagnostics", result.Diagnostics, d =>
        {
            json.WriteString("file", d.Location.File);
            json.WriteNumber("line", d.Location.Line);
            json.WriteNumber("column", d.Location.Column);
            json.WriteString("severity", d.IsError ? "error" : "warning");
            json.WriteString("code", d.Code);
            json.WriteString("message", d.Message);
        });
        json.WriteEndObject();
    });

    private static string Count(int n, string noun) => $"{n} {noun}{(n == 1 ? string.Empty : "s")}";
}
