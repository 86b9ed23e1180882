using System.Globalization;
using OneVisit.Cli.Common;
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
    // Display columns: a Chinese label takes two a character.
    private const int LabelWidth = 16;

    private readonly PrecheckLabels _labels = PrecheckLabels.For(language);

    private readonly CatalogueTerms _terms = CatalogueTerms.For(language);

    // Sections one blank line apart, then the one notice in full when there is one; a procedure and a bundle alike.
    private void WriteSections(Action[] sections, DeficiencyNotice? notice)
    {
        foreach (var section in sections)
        {
            output.WriteLine();
            section();
        }

        if (notice is not null)
        {
            output.WriteLine();
            WriteNotice(notice);
        }
    }

    public void Write(PrecheckResult result)
    {
        var procedure = result.Procedure;
        output.WriteLine(_labels.Heading(procedure.Code, language.Pick(procedure.Name), procedure.Version, Date(result.AsOf)));
        Action[] sections =
        [
            () => WriteVerdict(result.Verdict, result.Obstacles),
            () => WriteEligibility(result.Eligibility),
            () => WriteRouting(result.Routing),
            () => WriteMaterials(result.Materials),
            () => WriteVisits(result.Visits),
            () => WriteOpenQuestions(result.OpenQuestions),
            () => WriteFees(result.Fees),
        ];
        WriteSections(sections, result.Notice);
    }

    private void WriteVerdict(Verdict verdict, IReadOnlyList<LocalizedText> obstacles)
    {
        Label(_labels.Verdict);
        output.WriteLine(_terms.Of(verdict), verdict switch
        {
            Verdict.Online or Verdict.OneVisit => ConsoleColour.Green,
            Verdict.NotEligible => ConsoleColour.Red,
            _ => ConsoleColour.Yellow,
        });
        // A refusal is final and says on what basis; obstacles are what can still be supplied or answered.
        var heading = verdict == Verdict.NotEligible ? _labels.Refused : _labels.Obstacles;
        for (var i = 0; i < obstacles.Count; i++)
        {
            Label(i == 0 ? heading : "");
            output.WriteLine(language.Pick(obstacles[i]));
        }
    }

    private void WriteEligibility(EligibilityResult eligibility)
    {
        Label(_labels.Eligible);
        output.WriteLine(_terms.Of(eligibility.Eligible), Tone(eligibility.Eligible));
        foreach (var denial in eligibility.Denials)
        {
            Label(denial.Denies == Truth.True ? _labels.Denied : _labels.MayDeny);
            output.WriteLine($"{denial.Id}: {language.Pick(denial.Message)}", denial.Denies == Truth.True ? ConsoleColour.Red : ConsoleColour.Yellow);
            WriteReasonSource(denial.Why, "    ");
        }
    }

    private void WriteRouting(RoutingResult routing)
    {
        Label(_labels.Authority);
        output.WriteLine($"{routing.Authority.Id} {language.Pick(routing.Authority.Name)}{_labels.Level(_terms.Of(routing.Level))}");
        Label(_labels.Because);
        output.WriteLine(language.Pick(routing.Why.Text));
        WriteReasonSource(routing.Why, "  ");
        if (!routing.Decided)
        {
            Label(_labels.Undecided);
            output.WriteLine(_labels.UndecidedWhy, ConsoleColour.Yellow);
        }

        if (routing.Window is { } window)
        {
            Label(_labels.Window);
            output.WriteLine($"{window.Id} {language.Pick(window.Name)}");
        }

        if (routing.ForwardedTo is { } forwarded)
        {
            Label(routing.Window is null ? _labels.Window : "");
            output.WriteLine(_labels.ForwardedTo($"{forwarded.Id} {language.Pick(forwarded.Name)}"), ConsoleColour.Yellow);
        }
    }

    /// <summary>The rule behind a reason, where it is written, its condition and legal basis, one per line.</summary>
    private void WriteReasonSource(Reason why, string indent)
    {
        Label(indent + _labels.Rule);
        output.Write(why.Rule);
        output.WriteLine(why.Location is { } at ? $"  {at}" : "", ConsoleColour.Dim);
        if (why.Condition is { } condition)
        {
            Label(indent + _labels.Condition);
            output.WriteLine(condition);
        }

        foreach (var basis in why.Basis)
        {
            Label(indent + _labels.Basis);
            output.WriteLine(basis.ToString());
        }
    }

    private void WriteNotice(DeficiencyNotice notice)
    {
        Label(_labels.Notice);
        output.WriteLine(_labels.NoticeSentBy(Date(notice.NotifyBy)), ConsoleColour.Yellow);
        var text = language == TextLanguage.English ? notice.ToEnglish() : notice.ToChinese();
        foreach (var line in text.TrimEnd().Split(Environment.NewLine))
        {
            output.WriteLine($"  {line}");
        }
    }

    // A label as wide as the column still gets a space after it.
    private void Label(string label) => output.Write(label.Length == 0 ? Pad(label, LabelWidth) : Pad(label + " ", LabelWidth));

    /// <summary><paramref name="text"/> padded to <paramref name="width"/> display columns.</summary>
    private static string Pad(string text, int width) => text + new string(' ', Math.Max(0, width - TextTable.Width(text)));

    private static ConsoleColour Tone(Truth eligible) => eligible switch
    {
        Truth.True => ConsoleColour.Green,
        Truth.False => ConsoleColour.Red,
        _ => ConsoleColour.Yellow,
    };

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
