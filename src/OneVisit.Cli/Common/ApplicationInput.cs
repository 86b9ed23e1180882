using OneVisit.Rules;
using OneVisit.Rules.Authoring;
using OneVisit.Rules.Catalog;
using OneVisit.Rules.Precheck;

namespace OneVisit.Cli.Common;

/// <summary>Reads an application file and prechecks it, reporting every problem the way the commands do.</summary>
internal static class ApplicationInput
{
    /// <summary>The application in <paramref name="path"/>, read and checked against the catalogue, or null with the exit code to return.</summary>
    public static ApplicationFileResult? Read(string command, string path, ProcedureCatalog catalog, Terminal error, out int exitCode)
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
        if (!application.Succeeded)
        {
            var errors = application.Diagnostics.Count(d => d.IsError);
            error.WriteLine($"onevisit {command}: the application {path} has {errors} error{(errors == 1 ? "" : "s")}.", ConsoleColour.Red);
            exitCode = ExitCodes.Errors;
            return null;
        }

        return application;
    }

    /// <summary>The precheck of the procedure application in <paramref name="path"/>, or null with the exit code to return.</summary>
    public static PrecheckResult? Check(string command, string path, ProcedureCatalog catalog, Terminal error, out int exitCode) =>
        Read(command, path, catalog, error, out exitCode) is { } application ? Check(command, application, catalog, error, out exitCode) : null;

    /// <summary>The precheck of the procedure application <paramref name="application"/>, already read; or null with the exit code to return.</summary>
    public static PrecheckResult? Check(string command, ApplicationFileResult application, ProcedureCatalog catalog, Terminal error, out int exitCode)
    {
        var path = application.Path;
        if (application.Request is not { } request)
        {
            error.WriteLine($"onevisit {command}: {path} applies for bundle {application.Bundle!.BundleCode}, not for one procedure; its guide is 'onevisit guide <catalog-dir> {application.Bundle.BundleCode}'.", ConsoleColour.Red);
            exitCode = ExitCodes.Errors;
            return null;
        }

        // The catalogue describes one day; an application without a date is judged on it, not on today.
        return Run(command, path, error, out exitCode, () => new PrecheckEngine(catalog).Check(request with { AsOf = request.AsOf ?? catalog.Info.AsOf }));
    }

    /// <summary>The precheck of a whole bundle, or null with the exit code to return; <paramref name="source"/> names where the request came from.</summary>
    public static BundlePrecheckResult? CheckBundle(string command, string source, BundlePrecheckRequest request, ProcedureCatalog catalog, Terminal error, out int exitCode) =>
        Run(command, source, error, out exitCode, () => new PrecheckEngine(catalog).CheckBundle(request with { AsOf = request.AsOf ?? catalog.Info.AsOf }));

    private static T? Run<T>(string command, string source, Terminal error, out int exitCode, Func<T> check)
        where T : class
    {
        exitCode = ExitCodes.Ok;
        try
        {
            return check();
        }
        catch (InvalidApplicationException e)
        {
            foreach (var problem in e.Errors)
            {
                error.WriteLine($"{source}: {problem.Field}: {problem.Message}", ConsoleColour.Red);
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
