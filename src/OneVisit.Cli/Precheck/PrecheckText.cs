using System.Globalization;
using OneVisit.Rules.Catalog;
using OneVisit.Rules.Expressions;
using OneVisit.Rules.Precheck;

namespace OneVisit.Cli.Precheck;

/// <summary>
/// The precheck answer for a person at a counter or a terminal: labelled sections in a fixed column, the reason
/// and the place in the catalogue behind each part, and the one-time notice in full.
/// </summary>
internal sealed partial class PrecheckText(Terminal output, TextLanguage language)
{
    private const int LabelWidth = 16;

    public void Write(PrecheckResult result)
    {
        var procedure = result.Procedure;
        output.WriteLine($"{procedure.Code} {language.Pick(procedure.Name)} (version {procedure.Version}, as of {Date(result.AsOf)})");
        Action[] sections =
        [
            () => WriteVerdict(result),
            () => WriteEligibility(result.Eligibility),
            () => WriteRouting(result.Routing),
            () => WriteMaterials(result.Materials),
            () => WriteVisits(result.Visits),
            () => WriteOpenQuestions(result.OpenQuestions),
            () => WriteFees(result.Fees),
        ];
        foreach (var section in sections)
        {
            output.WriteLine();
            section();
        }

        if (result.Notice is { } notice)
        {
            output.WriteLine();
            WriteNotice(notice);
        }
    }

    private void WriteVerdict(PrecheckResult result)
    {
        Label("Verdict");
        output.WriteLine(CatalogWords.Of(result.Verdict), result.Verdict switch
        {
            Verdict.Online or Verdict.OneVisit => ConsoleColour.Green,
            Verdict.NotEligible => ConsoleColour.Red,
            _ => ConsoleColour.Yellow,
        });
        // A refusal is final and says on what basis; obstacles are what can still be supplied or answered.
        var heading = result.Verdict == Verdict.NotEligible ? "  refused" : "  obstacles";
        for (var i = 0; i < result.Obstacles.Count; i++)
        {
            Label(i == 0 ? heading : "");
            output.WriteLine(language.Pick(result.Obstacles[i]));
        }
    }

    private void WriteEligibility(EligibilityResult eligibility)
    {
        Label("Eligible");
        output.WriteLine(CatalogWords.Of(eligibility.Eligible), Tone(eligibility.Eligible));
        foreach (var denial in eligibility.Denials)
        {
            Label(denial.Denies == Truth.True ? "  denied" : "  may deny");
            output.WriteLine($"{denial.Id}: {language.Pick(denial.Message)}", denial.Denies == Truth.True ? ConsoleColour.Red : ConsoleColour.Yellow);
            WriteReasonSource(denial.Why, "    ");
        }
    }

    private void WriteRouting(RoutingResult routing)
    {
        Label("Authority");
        output.WriteLine($"{routing.Authority.Id} {language.Pick(routing.Authority.Name)} ({CatalogWords.Of(routing.Level)} level)");
        Label("  because");
        output.WriteLine(language.Pick(routing.Why.Text));
        WriteReasonSource(routing.Why, "  ");
        if (!routing.Decided)
        {
            Label("  undecided");
            output.WriteLine("an earlier rule depends on an open question and could still win", ConsoleColour.Yellow);
        }

        if (routing.Window is { } window)
        {
            Label("  window");
            output.WriteLine($"{window.Id} {language.Pick(window.Name)}");
        }

        if (routing.ForwardedTo is { } forwarded)
        {
            Label(routing.Window is null ? "  window" : "");
            output.WriteLine($"forwarded to {forwarded.Id} {language.Pick(forwarded.Name)} (not this window's authority; the applicant is not sent away)", ConsoleColour.Yellow);
        }
    }

    /// <summary>The rule behind a reason, where it is written, its condition and legal basis, one per line.</summary>
    private void WriteReasonSource(Reason why, string indent)
    {
        Label(indent + "rule");
        output.Write(why.Rule);
        output.WriteLine(why.Location is { } at ? $"  {at}" : "", ConsoleColour.Dim);
        if (why.Condition is { } condition)
        {
            Label(indent + "condition");
            output.WriteLine(condition);
        }

        foreach (var basis in why.Basis)
        {
            Label(indent + "basis");
            output.WriteLine(basis.ToString());
        }
    }

    private void WriteNotice(DeficiencyNotice notice)
    {
        Label("Notice");
        output.WriteLine($"one-time notice of everything missing, to be sent by {Date(notice.NotifyBy)}", ConsoleColour.Yellow);
        var text = language == TextLanguage.English ? notice.ToEnglish() : notice.ToChinese();
        foreach (var line in text.TrimEnd().Split(Environment.NewLine))
        {
            output.WriteLine($"  {line}");
        }
    }

    private void Label(string label) => output.Write(label.PadRight(LabelWidth));

    private static ConsoleColour Tone(Truth eligible) => eligible switch
    {
        Truth.True => ConsoleColour.Green,
        Truth.False => ConsoleColour.Red,
        _ => ConsoleColour.Yellow,
    };

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
