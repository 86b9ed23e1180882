using System.Globalization;
using OneVisit.Cli.Cases;
using OneVisit.Cli.Common;
using OneVisit.Rules.Catalog;
using OneVisit.Rules.Precheck;

namespace OneVisit.Cli.Demo;

/// <summary>The demo's report: each errand then and now, a summary table, and where the cases are.</summary>
internal sealed partial class DemoText(Terminal output, ProcedureCatalog catalog, TimeZoneInfo zone, TextLanguage language)
{
    // The column the errand lines' text starts in, after their labels.
    private const int LabelWidth = 12;

    private readonly DemoLabels _labels = DemoLabels.For(language);

    private readonly CaseLabels _cases = CaseLabels.For(language);

    private readonly CatalogueTerms _terms = CatalogueTerms.For(language);

    public void WriteHeader(string catalogue, string database)
    {
        output.WriteLine(_labels.Title);
        new TextTable("", "")
            .Add(ConsoleColour.Dim, _labels.Catalogue, _labels.CatalogueValue(language.Pick(catalog.Info.Name), catalogue))
            .Add(ConsoleColour.Dim, _labels.CaseStore, _labels.CaseStoreValue(database))
            .Add(ConsoleColour.Dim, _labels.Departments, _labels.DepartmentsValue)
            .Add(ConsoleColour.Dim, _labels.Clock, _labels.ClockValue(TimeZoneInfo.ConvertTime(FoundingErrands.Morning, zone), zone.Id))
            .Write(output, "  ");
    }

    public void WriteErrand(ErrandResult result)
    {
        var errand = result.Errand;
        var procedure = result.Precheck.Procedure;
        output.WriteLine();
        output.WriteLine(_labels.ErrandHeading(errand.Number, procedure.Name.Text, procedure.Name.EnglishOrText, procedure.Code));
        Line("2017", language.Pick(errand.Then), ConsoleColour.Red);
        if (language == TextLanguage.English)
        {
            // The news report's own words under the English telling.
            Line("", errand.Then.Text, ConsoleColour.Dim);
        }

        Line(_labels.AtHome, Precheck(result.Precheck));
        Line(_labels.Routing, Routing(result.Precheck.Routing));
        Line(_labels.Now, _labels.CaseSteps(result.Case.CaseId));
        var steps = new TextTable(_labels.StepHeaders);
        foreach (var step in result.Steps)
        {
            steps.Add(_cases.ShortTime(step.At, zone), _cases.Party(catalog, step.Actor), _cases.Word(step.Action), step.Detail.TrimEnd());
        }

        steps.Write(output, new string(' ', LabelWidth));

        var snapshot = result.Case;
        var parts = new List<string>
        {
            _labels.Outcome(_cases.Of(snapshot.Outcome), (snapshot.Delivery is { } delivery ? _labels.Deliveries.GetValueOrDefault(delivery, _terms.Of(delivery)) : _cases.NoDelivery), _cases.Duration(result.TimeToResult)),
            _labels.VisitCounts(snapshot.PredictedVisits, snapshot.VisitsMade) + (snapshot.VisitsMade > snapshot.PredictedVisits ? _labels.ByChoice : ""),
        };
        if (snapshot.Deadlines.Count > 0)
        {
            parts.Add(_labels.Join(snapshot.Deadlines.Select(d => _labels.LimitState(_cases.Word(d.Kind), _cases.LimitOf(d), _cases.DeadlineState(d.State)))));
        }

        Line(_labels.Result, string.Join(_labels.Separator, parts) + _labels.FullStop, snapshot.Outcome == Workflows.Cases.CaseOutcome.Approved ? ConsoleColour.Green : ConsoleColour.Red);
    }

    public void WriteSummary(DemoResults results, string database, bool zoneFromCatalogue)
    {
        output.WriteLine();
        output.WriteLine(_labels.Summary);
        var table = new TextTable(_labels.SummaryHeaders);
        foreach (var result in results.Errands)
        {
            table.Add(
                result.Errand.Number.ToString(CultureInfo.InvariantCulture),
                language.Pick(result.Precheck.Procedure.Name),
                language.Pick(result.Errand.ThenShort),
                result.Case.PredictedVisits.ToString(CultureInfo.InvariantCulture),
                result.Case.VisitsMade.ToString(CultureInfo.InvariantCulture),
                _cases.Duration(result.TimeToResult),
                result.Case.CaseId);
        }

        AddNewborn(table, results.Newborn, results.Errands.Count + 1);
        table.Write(output, "  ");
        output.WriteLine();
        output.WriteLine(_labels.StoredIn(database));
        // Always --db: by the time it is run, another demo may have made a newer store.
        var options = $" --db {database}" + (zoneFromCatalogue ? "" : $" --time-zone {zone.Id}") + (language == TextLanguage.English ? " --lang en" : "");
        foreach (var id in new[] { results.Errands[0].Case.CaseId, results.Newborn.Bundle.BundleCaseId })
        {
            output.WriteLine($"  onevisit cases show {id}{options}", ConsoleColour.Green);
        }

        output.WriteLine("  " + _labels.FromAClone($"dotnet run --project src/OneVisit.Cli -- cases show {results.Errands[0].Case.CaseId}{options}"), ConsoleColour.Dim);
    }

    private void Line(string label, string text, ConsoleColour tone = ConsoleColour.None)
    {
        output.Write("   " + label + new string(' ', Math.Max(1, LabelWidth - 3 - TextTable.Width(label))), ConsoleColour.Dim);
        output.WriteLine(text, tone);
    }

    private string Precheck(PrecheckResult result)
    {
        var parts = new List<string> { _labels.PrecheckSays(_labels.Verdicts.GetValueOrDefault(result.Verdict, _terms.Of(result.Verdict))) };
        var gaps = result.Materials.Where(m => m.IsGap).ToList();
        if (gaps.Count > 0)
        {
            parts.Add(_labels.StillNeeded(Names(gaps)));
        }

        var fetched = result.Materials.Where(m => m.Status == MaterialStatus.Fetched).ToList();
        if (fetched.Count > 0)
        {
            var departments = fetched.Select(m => m.Source is { } source ? language.Pick(source.Name) : null).OfType<string>().Distinct();
            parts.Add(_labels.Fetched(Names(fetched), _labels.Join(departments)));
        }

        var converted = result.Materials.Where(m => m.Status == MaterialStatus.Converted).ToList();
        if (converted.Count > 0)
        {
            parts.Add(_labels.Converted(_labels.Join(converted.Select(m => _labels.Conversion(language.Pick(m.Document.Name), m.Held?.FormVersion ?? "", m.CurrentVersion?.Version ?? "")))));
        }

        var generated = result.Materials.Where(m => m.Status == MaterialStatus.Generated).ToList();
        if (generated.Count > 0)
        {
            parts.Add(_labels.Prepared(Names(generated)));
        }

        var visits = result.Visits;
        parts.Add(visits.Count == 0 ? _labels.NoVisit : _labels.VisitsNeeded(visits.Count, _labels.Join(visits.Reasons.Select(r => _labels.Reason(r.Reason)).Distinct())));
        return string.Join(_labels.Separator, parts) + _labels.FullStop;
    }

    private string Routing(RoutingResult routing)
    {
        var competent = _labels.Decides(language.Pick(routing.Authority.Name), _terms.Of(routing.Level));
        var forwarded = routing.ForwardedTo is not null && routing.Window is { } window ? _labels.ForwardedThere(language.Pick(window.Name)) : "";
        return competent + forwarded + _labels.FullStop;
    }

    private string Names(IEnumerable<MaterialResult> materials) => _labels.Join(materials.Select(m => language.Pick(m.Document.Name)));
}
