using System.CommandLine;
using OneVisit.Cli.Common;
using OneVisit.Rules.Precheck;

namespace OneVisit.Cli.Precheck;

/// <summary><c>onevisit precheck &lt;catalog-dir&gt; --application &lt;file&gt;</c>: everything a procedure will ask of one applicant.</summary>
internal static class PrecheckCommand
{
    public static Command Create(Terminal output, Terminal error)
    {
        var directory = new Argument<string>("catalog-dir") { Description = "The catalogue folder (holding catalog.yaml, procedures/, …)." };
        var application = new Option<string>("--application", "-a")
        {
            Description = "The application file (YAML: procedure, as_of, window, facts, documents), e.g. catalog/hangzhou/applications/01-branch-registration.yaml.",
            HelpName = "file",
            Required = true,
        };
        var json = new Option<bool>("--json") { Description = "Print the whole answer as JSON for programs to read (the notice in both languages)." };
        var language = LanguageOption.Create("The language of the labels, words, names, notes and the notice (English where the catalogue has it):");
        var command = new Command(
            "precheck",
            "Precheck one application before the applicant leaves home: the verdict, eligibility, the competent authority, the status "
            + "of every material, the visits needed, open questions, fees and the one-time notice of everything missing. "
            + "Exit code: 0 online or one_visit, 2 not_yet or multiple_visits, 3 not_eligible (a final refusal), "
            + "1 errors in the catalogue or the application, 64 usage.")
        {
            directory,
            application,
            json,
            language,
        };
        command.SetAction(parsed => Run(
            parsed.GetRequiredValue(directory),
            parsed.GetRequiredValue(application),
            parsed.GetValue(json),
            parsed.GetValue(language),
            output,
            error));
        return command;
    }

    private static int Run(string directory, string applicationPath, bool json, TextLanguage language, Terminal output, Terminal error)
    {
        var catalog = CatalogueInput.Load("precheck", directory, error, out var exitCode);
        if (catalog is null)
        {
            return exitCode;
        }

        if (ApplicationInput.Check("precheck", applicationPath, catalog, error, out exitCode) is not { } result)
        {
            return exitCode;
        }

        if (json)
        {
            PrecheckJson.Write(result, output);
        }
        else
        {
            new PrecheckText(output, language).Write(result);
        }

        return result.Verdict switch
        {
            Verdict.Online or Verdict.OneVisit => ExitCodes.Ok,
            Verdict.NotEligible => ExitCodes.NotEligible,
            _ => ExitCodes.Warnings,
        };
    }
}
