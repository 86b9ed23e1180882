using OneVisit.Rules.Authoring;
using OneVisit.Rules.Catalog;
using OneVisit.Rules.Diagnostics;

namespace OneVisit.Cli.Common;

/// <summary>Loads the catalogue a command works on, reporting problems the way <c>onevisit lint</c> does.</summary>
internal static class CatalogueInput
{
    /// <summary>
    /// The catalogue in <paramref name="directory"/>, or null with the exit code to return. Diagnostics go to
    /// <paramref name="error"/> so that the command's own output (text or JSON) stays clean for whoever reads it.
    /// </summary>
    public static ProcedureCatalog? Load(string command, string directory, Terminal error, out int exitCode) =>
        LoadWithTests(command, directory, error, out exitCode)?.Catalog;

    /// <summary>
    /// As <see cref="Load"/>, but the whole load result, for a command that also needs the policy tests loaded beside
    /// the catalogue; null exactly when <see cref="Load"/> returns null.
    /// </summary>
    public static CatalogLoadResult? LoadWithTests(string command, string directory, Terminal error, out int exitCode)
    {
        exitCode = ExitCodes.Ok;
        if (!Directory.Exists(directory))
        {
            error.WriteLine($"onevisit {command}: there is no folder '{directory}'.", ConsoleColour.Red);
            exitCode = ExitCodes.Usage;
            return null;
        }

        // Hangzhou's catalogue has 11,452 procedures: loading it takes long enough to say so.
        var progress = new Progress(error);
        progress.Report($"loading the catalogue in {directory} …");
        var result = CatalogLoader.Load(directory);
        progress.Clear();
        WriteDiagnostics(result.Diagnostics, error);
        if (result.Catalog is null)
        {
            error.WriteLine(
                $"onevisit {command}: the catalogue in {directory} has {result.ErrorCount} error{(result.ErrorCount == 1 ? "" : "s")}; fix them first (onevisit lint {directory}).",
                ConsoleColour.Red);
            exitCode = ExitCodes.Errors;
            return null;
        }

        return result;
    }

    /// <summary>One line per diagnostic: <c>path:line:col: error OV1234: message</c>.</summary>
    public static void WriteDiagnostics(IEnumerable<Diagnostic> diagnostics, Terminal output)
    {
        foreach (var diagnostic in diagnostics)
        {
            output.Write($"{diagnostic.Location}: ");
            output.Write(diagnostic.IsError ? "error" : "warning", diagnostic.IsError ? ConsoleColour.Red : ConsoleColour.Yellow);
            output.WriteLine($" {diagnostic.Code}: {diagnostic.Message}");
        }
    }
}
