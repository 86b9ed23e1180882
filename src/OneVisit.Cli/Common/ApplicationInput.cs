using OneVisit.Rules;
using OneVisit.Rules.Authoring;
using OneVisit.Rules.Catalog;
using OneVisit.Rules.Precheck;

namespace OneVisit.Cli.Common;

/// <summary>Reads an application file and prechecks it, reporting every problem the way the commands do.</summary>
internal static class ApplicationInput
{
    /// <summary>The precheck of the application in <paramref name="path"/>, or null with the exit code to return.</summary>
    public static PrecheckResult? Check(string command, string path, ProcedureCatalog catalog, Terminal error, out int exitCode)
    {
        exitCode = ExitCodes.Ok;
        var file = InputFile.Inspect(path);
        var refusal = file.Kind == FileKind.Missing ? $"there is no application file '{path}'." : file.Refusal("an application file", InputFile.MaxApplicationBytes);
        if (refusal is not null)
        {
            error.WriteLine($"onevisit {command}: {refusal}", ConsoleColour.Red);
            exitCode = ExitCodes.Usage;
            return null;
        }

        var application = ApplicationFile.Load(path, catalog);
        CatalogueInput.WriteDiagnostics(application.Diagnostics, error);
        if (application.Bundle is { } bundle)
        {
            // Read and checked, but the bundle precheck is not wired into this command yet.
            error.WriteLine($"onevisit {command}: {path} applies for bundle {bundle.BundleCode}; this command prechecks one procedure. Name its 'procedure' instead.", ConsoleColour.Red);
            exitCode = ExitCodes.Errors;
            return null;
        }

        if (application.Request is not { } request)
        {
            var errors = application.Diagnostics.Count(d => d.IsError);
            error.WriteLine($"onevisit {command}: the application {path} has {errors} error{(errors == 1 ? "" : "s")}.", ConsoleColour.Red);
            exitCode = ExitCodes.Errors;
            return null;
        }

        try
        {
            // The catalogue describes one day; an application without a date is judged on it, not on today.
            return new PrecheckEngine(catalog).Check(request with { AsOf = request.AsOf ?? catalog.Info.AsOf });
        }
        catch (InvalidApplicationException e)
        {
            foreach (var problem in e.Errors)
            {
                error.WriteLine($"{path}: {problem.Field}: {problem.Message}", ConsoleColour.Red);
            }
        }
        catch (OneVisitException e)
        {
            error.WriteLine($"onevisit {command}: {e.Message}", ConsoleColour.Red);
        }

        exitCode = ExitCodes.Errors;
        return null;
    }
}
