using System.Globalization;
using OneVisit.Cli.Cases;
using OneVisit.Cli.Common;
using OneVisit.Rules.Precheck;
using OneVisit.Workflows.Cases;

namespace OneVisit.Cli.Demo;

// The fifth act: a newborn's four procedures member by member, as in 2017, then as one bundle case.
internal sealed partial class DemoText
{
    private readonly NewbornLabels _newborn = NewbornLabels.For(language);

    public void WriteNewborn(NewbornResult result)
    {
        var precheck = result.Precheck;
        var bundle = precheck.Bundle;
        var members = new BundleCaseText(output, catalog, zone, language);
        output.WriteLine();
        output.WriteLine(_newborn.Heading(5, bundle.Name.Text, bundle.Name.EnglishOrText, bundle.Code, precheck.GoingAhead.Count()));
        Line("2017", language.Pick(Newborn.Then), ConsoleColour.Red);
        if (language == TextLanguage.English)
        {
            Line("", Newborn.Then.Text, ConsoleColour.Dim);
        }

        Line("", _newborn.OneByOne(precheck.Visits.NaiveSum), ConsoleColour.Red);
        OneByOne(precheck).Write(output, new string(' ', LabelWidth));
        var places = precheck.Visits.Trips.Select(t => language.Pick(t.Place)).Distinct();
        Line(_labels.AtHome, _newborn.AtHome(precheck.Visits.Count, precheck.Visits.NaiveSum, _labels.Join(places)));

        var snapshot = result.Bundle;
        Line(_labels.Now, _newborn.BundleSteps(snapshot.BundleCaseId));
        var steps = new TextTable(_labels.StepHeaders);
        foreach (var step in result.Steps)
        {
            steps.Add(_cases.ShortTime(step.At, zone), _cases.Party(catalog, step.Actor), _cases.Word(step.Action), step.Detail.TrimEnd());
        }

        steps.Write(output, new string(' ', LabelWidth));
        Line(_newborn.Members, _newborn.MembersIntro);
        members.Members(snapshot).Write(output, new string(' ', LabelWidth));
        var passed = snapshot.Passed.Select(p => _newborn.Passed(language.Pick(p.DocumentName), p.FromProcedure, p.ToProcedure, _terms.Of(p.Via))).ToList();
        for (var i = 0; i < passed.Count; i++)
        {
            Line(i == 0 ? _newborn.PassedOn : "", passed[i]);
        }

        var parts = new List<string>
        {
            _labels.Outcome(_cases.Of(snapshot.Outcome), Delivery(snapshot, members), _cases.Duration(result.TimeToResult)),
            _newborn.VisitCounts(snapshot.PredictedVisits, snapshot.VisitsMade, snapshot.NaiveVisits),
        };
        if (snapshot.TimeLimit is { } limit)
        {
            parts.Add(_labels.LimitState(_cases.Word(limit.Kind), _cases.LimitOf(limit), _cases.DeadlineState(limit.State)));
        }

        Line(_labels.Result, string.Join(_labels.Separator, parts) + _labels.FullStop, snapshot.Outcome == CaseOutcome.Approved ? ConsoleColour.Green : ConsoleColour.Red);
    }

    /// <summary>The one delivery in the demo's words ("picked up", "by mail"), else as a bundle case shows it.</summary>
    private string Delivery(Workflows.Bundles.BundleCaseSnapshot snapshot, BundleCaseText members) =>
        snapshot is { DeliversOnce: true, Deliveries.Count: > 0 }
            ? _newborn.Once(string.Join(_labels.ListSeparator, snapshot.Deliveries.Select(d => _labels.Deliveries.GetValueOrDefault(d, _terms.Of(d)))))
            : members.Delivery(snapshot);

    /// <summary>Each member on its own: its department, its trips "at most once", and whose result the family had to bring.</summary>
    private TextTable OneByOne(BundlePrecheckResult precheck)
    {
        var table = new TextTable(_newborn.OneByOneHeaders);
        foreach (var member in precheck.Members.Where(m => precheck.Visits.PerMember.ContainsKey(m.Procedure.Code)))
        {
            var first = member.WaitsFor.Select(code => precheck.Members.FirstOrDefault(m => m.Procedure.Code == code) is { } m ? language.Pick(m.Procedure.Name) : code);
            table.Add(
                member.Authority is { } authority ? language.Pick(authority.Name) : "",
                $"{member.Procedure.Code} {language.Pick(member.Procedure.Name)}",
                _newborn.Trips(precheck.Visits.PerMember[member.Procedure.Code]),
                _labels.Join(first));
        }

        return table;
    }

    /// <summary>The newborn's row of the summary: the naive trips in the 2017 column, the bundle's in the visits columns.</summary>
    private void AddNewborn(TextTable table, NewbornResult result, int number)
    {
        var snapshot = result.Bundle;
        table.Add(
            number.ToString(CultureInfo.InvariantCulture),
            _newborn.SummaryName(language.Pick(snapshot.BundleName), snapshot.Members.Count(m => m.State != Workflows.Bundles.BundleMemberState.NotIncluded)),
            _newborn.SummaryThen(snapshot.NaiveVisits),
            snapshot.PredictedVisits.ToString(CultureInfo.InvariantCulture),
            snapshot.VisitsMade.ToString(CultureInfo.InvariantCulture),
            _cases.Duration(result.TimeToResult),
            snapshot.BundleCaseId);
    }
}
