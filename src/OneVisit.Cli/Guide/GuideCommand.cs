using System.CommandLine;
using OneVisit.Cli.Common;
using OneVisit.Rules.Diagnostics;
using OneVisit.Rules.Guides;
using OneVisit.Rules.Precheck;

namespace OneVisit.Cli.Guide;

/// <summary>
/// <c>onevisit guide &lt;catalog-dir&gt; &lt;procedure|bundle&gt;</c>: the service guide (办事指南) of a procedure or of a
/// bundle (一件事), from the same YAML the rules come from.
/// </summary>
internal static class GuideCommand
{
    public static Command Create(Terminal output, Terminal error)
    {
        var directory = new Argument<string>("catalog-dir") { Description = "The catalogue folder (holding catalog.yaml, procedures/, …)." };
        var procedure = new Argument<string>("procedure") { Description = "The procedure's code, e.g. 330100-SC-0001, or a bundle's (一件事), e.g. 330100-YJS-0001." };
        var facts = new Option<string?>("--facts")
        {
            Description = "An application file (the precheck's format): the guide is personalised to it — only the materials that apply, what the government fetches itself, what is still needed.",
            HelpName = "file",
        };
        var format = new Option<string>("--format") { Description = "md (Markdown) or html (a self-contained, printable page).", DefaultValueFactory = _ => "md" };
        format.AcceptOnlyFromAmong("md", "html");
        var outFile = new Option<string?>("--out", "-o") { Description = "Write the guide to this file instead of the terminal.", HelpName = "file" };
        var language = LanguageOption.Create("The guide's headings, labels and dates: Chinese, as an office's 办事指南, or English, with the catalogue's English names where it has them;");
        var command = new Command(
            "guide",
            "Render a procedure's service guide: authority and level, legal basis, conditions, materials by situation with their "
            + "exemptions, time limits, fees, channels, result delivery and visits; or a bundle's (一件事): lead department, acceptance "
            + "point, the joint form, a task list in order with each member's materials and what it waits for, and the matter's "
            + "visits beside the naive sum. Exit code: 0 written, 1 errors in the catalogue or "
            + "the facts, 64 usage (unknown procedure, missing file).")
        {
            directory,
            procedure,
            facts,
            format,
            outFile,
            language,
        };
        command.SetAction(parsed => Run(
            parsed.GetRequiredValue(directory),
            parsed.GetRequiredValue(procedure),
            parsed.GetValue(facts),
            parsed.GetValue(format) == "html",
            parsed.GetValue(outFile),
            parsed.GetValue(language),
            output,
            error));
        return command;
    }

    private static int Run(string directory, string code, string? factsPath, bool html, string? outPath, TextLanguage language, Terminal output, Terminal error)
    {
        var catalog = CatalogueInput.Load("guide", directory, error, out var exitCode);
        if (catalog is null)
        {
            return exitCode;
        }

        if (catalog.Bundles.TryGetValue(code, out var bundle))
        {
            if (factsPath is not null)
            {
                error.WriteLine($"onevisit guide: {code} is a bundle, whose guide is general; for one applicant's matter run 'onevisit precheck {directory} {factsPath}'.", ConsoleColour.Red);
                return ExitCodes.Usage;
            }

            return Write(BundleGuide.Build(catalog, bundle, language == TextLanguage.English), code, html, outPath, language, output);
        }

        if (!catalog.Procedures.TryGetValue(code, out var procedure))
        {
            var hint = Suggestions.DidYouMean(code, catalog.Procedures.Keys.Concat(catalog.Bundles.Keys));
            error.WriteLine($"onevisit guide: there is no procedure or bundle '{code}' in {directory}.{(hint.Length > 0 ? hint : " Run 'onevisit lint' to list the catalogue.")}", ConsoleColour.Red);
            return ExitCodes.Usage;
        }

        PrecheckResult? personal = null;
        if (factsPath is not null)
        {
            personal = ApplicationInput.Check("guide", factsPath, catalog, error, out exitCode);
            if (personal is null)
            {
                return exitCode;
            }

            if (personal.Procedure.Code != procedure.Code)
            {
                error.WriteLine($"onevisit guide: {factsPath} is an application for {personal.Procedure.Code}, not {procedure.Code}.", ConsoleColour.Red);
                return ExitCodes.Usage;
            }
        }

        return Write(ServiceGuide.Build(catalog, procedure, personal, language == TextLanguage.English), procedure.Code, html, outPath, language, output);
    }

    private static int Write(GuideDocument guide, string code, bool html, string? outPath, TextLanguage language, Terminal output)
    {
        var text = html ? GuideWriters.ToHtml(guide) : GuideWriters.ToMarkdown(guide);
        if (outPath is null)
        {
            output.Write(text);
            return ExitCodes.Ok;
        }

        File.WriteAllText(outPath, text);
        output.WriteLine(language.Pick(
            $"已将 {code} 的{(guide.Personalised ? "个性化" : "")}办事指南写入 {outPath}。",
            $"Wrote the {(guide.Personalised ? "personalised " : "")}guide of {code} to {outPath}."));
        return ExitCodes.Ok;
    }
}
