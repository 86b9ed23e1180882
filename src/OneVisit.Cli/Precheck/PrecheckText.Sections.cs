using System.Globalization;
using OneVisit.Cli.Common;
using OneVisit.Rules.Expressions;
using OneVisit.Rules.Precheck;

namespace OneVisit.Cli.Precheck;

// The tabular sections: materials, visits, open questions and fees.
internal sealed partial class PrecheckText
{
    private void WriteMaterials(IReadOnlyList<MaterialResult> materials)
    {
        output.WriteLine(_labels.Materials);
        var idWidth = materials.Select(m => m.Id.Length).DefaultIfEmpty(0).Max();
        // The widest status word of this language, in display columns, so the notes line up.
        var statusWidth = Enum.GetValues<MaterialStatus>().Max(s => TextTable.Width(_terms.Of(s)));
        var detail = new string(' ', 2 + idWidth + 2 + statusWidth + 2);
        foreach (var material in materials)
        {
            output.Write($"  {material.Id.PadRight(idWidth)}  ");
            output.Write(Pad(_terms.Of(material.Status), statusWidth), StatusTone(material.Status));
            output.WriteLine($"  {language.Pick(material.Note)}");
            if (material.RequiredBecause is { Condition: { } condition } because)
            {
                output.Write(detail + _labels.RequiredIf(condition));
                output.WriteLine(because.Location is { } at ? $"  {at}" : "", ConsoleColour.Dim);
            }
        }
    }

    private void WriteVisits(VisitPrediction visits)
    {
        Label(_labels.Visits);
        output.WriteLine(visits.Count.ToString(CultureInfo.InvariantCulture), visits.Count <= 1 ? ConsoleColour.Green : ConsoleColour.Yellow);
        foreach (var reason in visits.Reasons)
        {
            Label(_labels.Visit(reason.Visit));
            output.Write(_labels.VisitReason(reason.StepId, _terms.Of(reason.Reason), language.Pick(reason.Why.Text)));
            output.WriteLine(reason.Needed == Truth.Unknown ? _labels.OnlyIfAnswered : "", ConsoleColour.Yellow);
        }

        foreach (var avoided in visits.Avoided)
        {
            Label(_labels.Avoided);
            output.WriteLine(_labels.AvoidedInstead(avoided.StepId, _terms.Of(avoided.Reason), language.Pick(avoided.Instead.Text)), ConsoleColour.Green);
        }
    }

    private void WriteOpenQuestions(IReadOnlyList<OpenQuestion> questions)
    {
        Label(_labels.OpenQuestions);
        if (questions.Count == 0)
        {
            output.WriteLine(_labels.NoOpenQuestions, ConsoleColour.Green);
            return;
        }

        output.WriteLine(_labels.StillToAsk, ConsoleColour.Yellow);
        var width = questions.Max(q => q.Path.Length);
        foreach (var question in questions)
        {
            output.WriteLine($"  {question.Path.PadRight(width)}  {language.Pick(question.Question)}");
        }
    }

    private void WriteFees(IReadOnlyList<FeeDue> fees)
    {
        Label(_labels.Fees);
        if (fees.Count == 0)
        {
            output.WriteLine(_labels.NoFees);
        }

        for (var i = 0; i < fees.Count; i++)
        {
            if (i > 0)
            {
                Label("");
            }

            var amount = fees[i].Fee.Amount.ToString("0.##", CultureInfo.InvariantCulture);
            output.Write($"{_labels.Amount(amount)}  {language.Pick(fees[i].Fee.Name)}");
            output.WriteLine(fees[i].Applies == Truth.Unknown ? _labels.OnlyIfAnswered : "", ConsoleColour.Yellow);
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
