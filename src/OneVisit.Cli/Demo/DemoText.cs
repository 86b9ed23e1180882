using System.Globalization;
using OneVisit.Cli.Cases;
using OneVisit.Cli.Common;
using OneVisit.Rules.Catalog;
using OneVisit.Rules.Precheck;

namespace OneVisit.Cli.Demo;

/// <summary>The demo's report: each errand then and now, a summary table, and where the cases are.</summary>
internal sealed class DemoText(Terminal output, ProcedureCatalog catalog, TimeZoneInfo zone)
{
    public void WriteHeader(string catalogue, string database)
    {
        output.WriteLine("OneVisit demo: the mayor's four errands of 2017, replayed as durable cases");
        output.WriteLine($"  catalogue    {catalog.Info.Name.Text}, {catalogue}", ConsoleColour.Dim);
        output.WriteLine($"  case store   SQLite, {database}", ConsoleColour.Dim);
        output.WriteLine("  departments  SIMULATED: they answer every evidence request at once; applicants and officers follow a script", ConsoleColour.Dim);
        output.WriteLine($"  clock        simulated, from {Format(FoundingErrands.Morning)} ({zone.Id})", ConsoleColour.Dim);
    }

    public void WriteErrand(ErrandResult result)
    {
        var errand = result.Errand;
        var procedure = result.Precheck.Procedure;
        output.WriteLine();
        output.WriteLine($"{errand.Number}. {procedure.Name.Text} · {procedure.Name.EnglishOrText}  [{procedure.Code}]");
        Line("2017", errand.Then, ConsoleColour.Red);
        Line("", errand.ThenOriginal, ConsoleColour.Dim);
        Line("at home", Precheck(result.Precheck));
        Line("routing", Routing(result.Precheck.Routing));
        Line("now", $"case {result.Case.CaseId}, step by step from its audit trail:");
        var steps = new TextTable("when", "who", "step", "detail");
        foreach (var step in result.Steps)
        {
            steps.Add(CaseWords.ShortTime(step.At, zone), CaseWords.Party(catalog, step.Actor), step.Action, step.Detail.TrimEnd());
        }

        steps.Write(output, new string(' ', 12));

        var snapshot = result.Case;
        var limits = string.Join(", ", snapshot.Deadlines.Select(d => $"{d.Kind} limit ({CaseWords.Limit(d)}) {CaseWords.DeadlineState(d.Met)}"));
        Line(
            "result",
            $"{CaseWords.Outcome(snapshot.Outcome)}, {Delivery(snapshot.Delivery)}, {CaseWords.Duration(result.TimeToResult)} after applying; "
            + $"visits: {snapshot.PredictedVisits} needed, {snapshot.VisitsMade} made{(snapshot.VisitsMade > snapshot.PredictedVisits ? " (by choice: applying online needed fewer)" : "")}"
            + $"{(limits.Length > 0 ? "; " + limits : "")}.",
            snapshot.Outcome == Workflows.Cases.CaseOutcome.Approved ? ConsoleColour.Green : ConsoleColour.Red);
    }

    public void WriteSummary(IReadOnlyList<ErrandResult> results, string database, bool zoneFromCatalogue)
    {
        output.WriteLine();
        output.WriteLine("Summary");
        var table = new TextTable("#", "errand", "2017", "visits needed", "visits made", "time to result", "case");
        foreach (var result in results)
        {
            table.Add(
                result.Errand.Number.ToString(CultureInfo.InvariantCulture),
                result.Precheck.Procedure.Name.Text,
                result.Errand.ThenShort,
                result.Case.PredictedVisits.ToString(CultureInfo.InvariantCulture),
                result.Case.VisitsMade.ToString(CultureInfo.InvariantCulture),
                CaseWords.Duration(result.TimeToResult),
                result.Case.CaseId);
        }

        table.Write(output, "  ");
        output.WriteLine();
        output.WriteLine($"The cases are stored in {database}. Open one:");
        // Always --db: by the time it is run, another demo may have made a newer store.
        var options = $" --db {database}" + (zoneFromCatalogue ? "" : $" --time-zone {zone.Id}");
        output.WriteLine($"  onevisit cases show {results[0].Case.CaseId}{options}", ConsoleColour.Green);
        output.WriteLine($"  (from a clone: dotnet run --project src/OneVisit.Cli -- cases show {results[0].Case.CaseId}{options})", ConsoleColour.Dim);
    }

    private void Line(string label, string text, ConsoleColour tone = ConsoleColour.None)
    {
        output.Write($"   {label,-8} ", ConsoleColour.Dim);
        output.WriteLine(text, tone);
    }

    private string Precheck(PrecheckResult result)
    {
        var parts = new List<string> { $"the precheck says {Verdict(result.Verdict)}" };
        var gaps = result.Materials.Where(m => m.IsGap).ToList();
        if (gaps.Count > 0)
        {
            parts.Add($"still needed: {Names(gaps)} (all listed at once)");
        }

        var fetched = result.Materials.Where(m => m.Status == MaterialStatus.Fetched).ToList();
        if (fetched.Count > 0)
        {
            var departments = fetched.Select(m => m.Source?.Name.Text).OfType<string>().Distinct().ToList();
            parts.Add($"fetched by the government: {Names(fetched)} from {string.Join(", ", departments)}");
        }

        var converted = result.Materials.Where(m => m.Status == MaterialStatus.Converted).ToList();
        if (converted.Count > 0)
        {
            parts.Add($"converted to the current form edition: {string.Join(", ", converted.Select(m => $"{m.Document.Name.Text} ({m.Held?.FormVersion} → {m.CurrentVersion?.Version})"))}");
        }

        var generated = result.Materials.Where(m => m.Status == MaterialStatus.Generated).ToList();
        if (generated.Count > 0)
        {
            parts.Add($"prepared by the office: {Names(generated)}");
        }

        var visits = result.Visits;
        parts.Add(visits.Count == 0
            ? "no visit needed"
            : $"{visits.Count} visit{(visits.Count == 1 ? "" : "s")} ({string.Join(", ", visits.Reasons.Select(r => CatalogWords.Of(r.Reason).Replace('_', ' ')).Distinct())})");
        return string.Join("; ", parts) + ".";
    }

    private string Routing(RoutingResult routing)
    {
        var competent = $"{routing.Authority.Name.Text} ({CatalogWords.Of(routing.Level)} level) decides";
        if (routing.ForwardedTo is not null && routing.Window is { } window)
        {
            return $"{competent}; handed in at {window.Name.Text}, the case is forwarded there: no second trip.";
        }

        return competent + ".";
    }

    private static string Names(IEnumerable<MaterialResult> materials) => string.Join(", ", materials.Select(m => m.Document.Name.Text));

    private static string Verdict(Verdict verdict) => verdict switch
    {
        Rules.Precheck.Verdict.Online => "online, no visit",
        Rules.Precheck.Verdict.OneVisit => "one visit",
        Rules.Precheck.Verdict.NotYet => "not yet: something is missing",
        _ => CatalogWords.Of(verdict).Replace('_', ' '),
    };

    private static string Delivery(ResultDelivery delivery) => delivery switch
    {
        ResultDelivery.Mail => "result mailed",
        ResultDelivery.ELicence => "issued as an e-licence",
        ResultDelivery.Online => "result online",
        ResultDelivery.Pickup => "picked up",
        _ => CatalogWords.Of(delivery),
    };

    private string Format(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, zone).ToString("dddd d MMMM yyyy, HH:mm", CultureInfo.InvariantCulture);
}
