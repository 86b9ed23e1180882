using System.Globalization;
using OneVisit.Rules.Catalog;
using OneVisit.Rules.Expressions;
using OneVisit.Rules.Precheck;

namespace OneVisit.Cli.Precheck;

// The tabular sections: materials, visits, open questions and fees.
internal sealed partial class PrecheckText
{
    // The longest status word (accept_with_gap); status words are ASCII, so padding lines them up.
    private const int StatusWidth = 15;

    private void WriteMaterials(IReadOnlyList<MaterialResult> materials)
    {
        output.WriteLine("Materials");
        var idWidth = materials.Select(m => m.Id.Length).DefaultIfEmpty(0).Max();
        var detail = new string(' ', 2 + idWidth + 2 + StatusWidth + 2);
        foreach (var material in materials)
        {
            output.Write($"  {material.Id.PadRight(idWidth)}  ");
            output.Write(CatalogWords.Of(material.Status).PadRight(StatusWidth), StatusTone(material.Status));
            output.WriteLine($"  {language.Pick(material.Note)}");
            if (material.RequiredBecause is { Condition: { } condition } because)
            {
                output.Write($"{detail}required if {condition}");
                output.WriteLine(because.Location is { } at ? $"  {at}" : "", ConsoleColour.Dim);
            }
        }
    }

    private void WriteVisits(VisitPrediction visits)
    {
        Label("Visits");
        output.WriteLine(visits.Count.ToString(CultureInfo.InvariantCulture), visits.Count <= 1 ? ConsoleColour.Green : ConsoleColour.Yellow);
        foreach (var reason in visits.Reasons)
        {
            Label($"  visit {reason.Visit}");
            output.Write($"{reason.StepId} ({CatalogWords.Of(reason.Reason)}): {language.Pick(reason.Why.Text)}");
            output.WriteLine(reason.Needed == Truth.Unknown ? "  [only if an open question says so]" : "", ConsoleColour.Yellow);
        }

        foreach (var avoided in visits.Avoided)
        {
            Label("  avoided");
            output.WriteLine($"{avoided.StepId} ({CatalogWords.Of(avoided.Reason)}), instead: {language.Pick(avoided.Instead.Text)}", ConsoleColour.Green);
        }
    }

    private void WriteOpenQuestions(IReadOnlyList<OpenQuestion> questions)
    {
        Label("Open questions");
        if (questions.Count == 0)
        {
            output.WriteLine("none: every fact that matters is known", ConsoleColour.Green);
            return;
        }

        output.WriteLine("still to ask, most decisive first", ConsoleColour.Yellow);
        var width = questions.Max(q => q.Path.Length);
        foreach (var question in questions)
        {
            output.WriteLine($"  {question.Path.PadRight(width)}  {language.Pick(question.Question)}");
        }
    }

    private void WriteFees(IReadOnlyList<FeeDue> fees)
    {
        Label("Fees");
        if (fees.Count == 0)
        {
            output.WriteLine("none");
        }

        for (var i = 0; i < fees.Count; i++)
        {
            if (i > 0)
            {
                Label("");
            }

            var amount = fees[i].Fee.Amount.ToString("0.##", CultureInfo.InvariantCulture);
            output.Write($"{amount} yuan  {language.Pick(fees[i].Fee.Name)}");
            output.WriteLine(fees[i].Applies == Truth.Unknown ? "  [only if an open question says so]" : "", ConsoleColour.Yellow);
        }
    }

    private static ConsoleColour StatusTone(MaterialStatus status) => status switch
    {
        MaterialStatus.Missing or MaterialStatus.Outdated => ConsoleColour.Red,
        MaterialStatus.Undecided or MaterialStatus.AcceptWithGap => ConsoleColour.Yellow,
        MaterialStatus.NotRequired => ConsoleColour.Dim,
        _ => ConsoleColour.Green,
    };
}
