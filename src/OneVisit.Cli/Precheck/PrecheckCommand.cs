using System.CommandLine;
using OneVisit.Cli.Common;
using OneVisit.Rules.Authoring;
using OneVisit.Rules.Catalog;
using OneVisit.Rules.Diagnostics;
using OneVisit.Rules.Json;
using OneVisit.Rules.Precheck;

namespace OneVisit.Cli.Precheck;

/// <summary>
/// <c>onevisit precheck &lt;catalog-dir&gt; --application &lt;file&gt; [--bundle &lt;code&gt;]</c>: everything a procedure,
/// or a whole bundle (一件事), will ask of one applicant.
/// </summary>
internal static class PrecheckCommand
{
    public static Command Create(Terminal output, Terminal error)
    {
        var directory = new Argument<string>("catalog-dir") { Description = "The catalogue folder (holding catalog.yaml, procedures/, …)." };
        var file = new Argument<string?>("application")
        {
            Description = "The application file, as with --application.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var application = new Option<string?>("--application", "-a")
        {
            Description = "The application file (YAML: procedure or bundle, as_of, window, facts, documents, left_out), e.g. catalog/hangzhou/applications/01-branch-registration.yaml.",
            HelpName = "file",
        };
        var bundle = new Option<string?>("--bundle")
        {
            Description = "Precheck this bundle (一件事) with the application's facts, documents and window (or with none, when no application is given).",
            HelpName = "code",
        };
        var json = new Option<bool>("--json") { Description = "Print the whole answer as JSON for programs to read (the notice in both languages)." };
        var language = LanguageOption.Create("The language of the labels, words, names, notes and the notice (English where the catalogue has it):");
        var command = new Command(
            "precheck",
            "Precheck one application before the applicant leaves home: the verdict, eligibility, the competent authority, the status "
            + "of every material, the visits needed, open questions, fees and the one-time notice of everything missing; for a bundle "
            + "(一件事), every member, every material once, and the matter's trips beside the naive sum. "
            + "Exit code: 0 online or one_visit, 2 not_yet or multiple_visits, 3 not_eligible (a final refusal), "
            + "1 errors in the catalogue or the application, 64 usage.")
        {
            directory,
            file,
            application,
            bundle,
            json,
            language,
        };
        command.SetAction(parsed => Run(
            parsed.GetRequiredValue(directory),
            new Request(parsed.GetValue(application) ?? parsed.GetValue(file), parsed.GetValue(file) is not null && parsed.GetValue(application) is not null, parsed.GetValue(bundle)),
            parsed.GetValue(json),
            parsed.GetValue(language),
            output,
            error));
        return command;
    }

    private static int Run(string directory, Request request, bool json, TextLanguage language, Terminal output, Terminal error)
    {
        if (request.Twice || (request.Application is null && request.Bundle is null))
        {
            error.WriteLine(request.Twice
                ? "onevisit precheck: give the application file once, either after the catalogue or with --application."
                : "onevisit precheck: give an application file (--application <file>), a bundle (--bundle <code>), or both.", ConsoleColour.Red);
            return ExitCodes.Usage;
        }

        var catalog = CatalogueInput.Load("precheck", directory, error, out var exitCode);
        if (catalog is null)
        {
            return exitCode;
        }

        ApplicationFileResult? file = null;
        if (request.Application is { } path && (file = ApplicationInput.Read("precheck", path, catalog, error, out exitCode)) is null)
        {
            return exitCode;
        }

        if (request.Bundle is not null || file?.Bundle is not null)
        {
            return RunBundle(catalog, directory, request, file, json, language, output, error);
        }

        if (ApplicationInput.Check("precheck", file!, catalog, error, out exitCode) is not { } result)
        {
            return exitCode;
        }

        if (json)
        {
            JsonOutput.Write(output, writer => PrecheckJson.Write(writer, result));
        }
        else
        {
            new PrecheckText(output, language).Write(result);
        }

        return ExitCode(result.Verdict);
    }

    private static int RunBundle(ProcedureCatalog catalog, string directory, Request request, ApplicationFileResult? file, bool json, TextLanguage language, Terminal output, Terminal error)
    {
        if (request.Bundle is { } code && !catalog.Bundles.ContainsKey(code))
        {
            var hint = catalog.Bundles.Count == 0 ? " It has no bundles (bundles/*.yaml)." : Suggestions.DidYouMean(code, catalog.Bundles.Keys);
            error.WriteLine($"onevisit precheck: there is no bundle '{code}' in {directory}.{hint}", ConsoleColour.Red);
            return ExitCodes.Usage;
        }

        var bundleRequest = BundleRequest(request.Bundle, file, error);
        var source = request.Application ?? $"--bundle {request.Bundle}";
        if (ApplicationInput.CheckBundle("precheck", source, bundleRequest, catalog, error, out var exitCode) is not { } result)
        {
            return exitCode;
        }

        if (json)
        {
            JsonOutput.Write(output, writer => PrecheckJson.Write(writer, result));
        }
        else
        {
            new PrecheckText(output, language).Write(result, catalog.Authorities.GetValueOrDefault(result.Bundle.LeadAuthorityId));
        }

        return ExitCode(result.Verdict);
    }

    // --bundle chooses the bundle; the application, whichever it names, gives the facts, documents, window and date.
    private static BundlePrecheckRequest BundleRequest(string? code, ApplicationFileResult? file, Terminal error)
    {
        if (code is null)
        {
            return file!.Bundle!;
        }

        if (file?.Bundle is { } named)
        {
            if (named.BundleCode != code && named.LeftOut.Count > 0)
            {
                error.WriteLine($"onevisit precheck: left_out names members of {named.BundleCode}, not of {code}; it is ignored.", ConsoleColour.Yellow);
            }

            return named with { BundleCode = code, LeftOut = named.BundleCode == code ? named.LeftOut : [] };
        }

        return file?.Request is { } procedure
            ? new BundlePrecheckRequest { BundleCode = code, AsOf = procedure.AsOf, WindowId = procedure.WindowId, Facts = procedure.Facts, Documents = procedure.Documents }
            : new BundlePrecheckRequest { BundleCode = code };
    }

    private static int ExitCode(Verdict verdict) => verdict switch
    {
        Verdict.Online or Verdict.OneVisit => ExitCodes.Ok,
        Verdict.NotEligible => ExitCodes.NotEligible,
        _ => ExitCodes.Warnings,
    };

    private sealed record Request(string? Application, bool Twice, string? Bundle);
}
