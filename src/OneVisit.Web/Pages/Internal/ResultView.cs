using System.Globalization;
using OneVisit.Rules.Catalog;
using OneVisit.Rules.Expressions;
using OneVisit.Rules.Precheck;

namespace OneVisit.Web.Pages.Internal;

/// <summary>
/// The answer of "check before you start", said once and completely (一次性告知): the verdict, what stands in its
/// way, what to bring, what the government fetches and from whom, who decides, fees, time limits, and each visit
/// with its reason.
/// </summary>
internal static class ResultView
{
    public static void Write(Html html, PageContext page, PrecheckResult result, Action<Html>? apply)
    {
        var words = page.Words;
        html.Element("span", words.Of(result.Procedure.Name), ("class", "caption"))
            .Element("h1", words.ResultTitle)
            .Element("p", words.Verdict(result.Verdict), ("class", "verdict verdict-" + CatalogWords.Of(result.Verdict)));
        Refusals(html, words, result.Refusals);
        if (result.Verdict != Verdict.NotEligible)
        {
            // A material in the way is already listed under what to bring: said once, not twice.
            var materials = result.Materials.Select(m => words.Line(m.Name, m.Note)).ToHashSet(StringComparer.Ordinal);
            List(html, words.Obstacles, result.Obstacles.Select(words.Of).Where(o => !materials.Contains(o)));
        }

        Materials(html, words, result.Materials);
        html.Element("h2", words.WhoDecides)
            .Open("p").Element("strong", words.Of(result.Routing.Authority.Name)).Text(" — " + words.Of(result.Routing.Why.Text)).Close("p");
        Fees(html, words, result.Fees);
        TimeLimits(html, words, result.Procedure.TimeLimits);
        Visits(html, words, result.Visits);
        apply?.Invoke(html);
        StartAgain(html, page, result.Procedure.Code);
    }

    public static void Write(Html html, PageContext page, BundlePrecheckResult result, Action<Html>? apply)
    {
        var words = page.Words;
        html.Element("span", words.Of(result.Bundle.Name), ("class", "caption"))
            .Element("h1", words.ResultTitle)
            .Element("p", words.Verdict(result.Verdict), ("class", "verdict verdict-" + CatalogWords.Of(result.Verdict)));
        List(html, words.Obstacles, result.Obstacles.Select(words.Of));
        html.Element("h2", words.Members).Open("ul", ("class", "tasks"));
        foreach (var member in result.Members)
        {
            html.Open("li")
                .Element("strong", words.Of(member.Procedure.Name))
                .Text(" — " + words.Of(member.Why))
                .Text(member.Authority is { } authority ? $" ({words.Of(authority.Name)})" : "")
                .Close("li");
        }

        html.Close("ul");
        List(html, words.WhatToBring, result.Materials.Where(m => m.IsGap).Select(m => words.Line(m.Name, m.Note)), words.NothingToBring);
        List(html, words.FetchedForYou, result.Materials.Where(m => !m.IsGap && m.Status is MaterialStatus.Fetched or MaterialStatus.ELicence or MaterialStatus.PassedOn).Select(m => words.Line(m.Name, m.Note)));
        html.Element("h2", words.Visits)
            .Open("p").Element("strong", $"{words.TripsForMatter}: {words.VisitCount(result.Visits.Count)}").Close("p")
            .Element("p", $"{words.NaiveSum}: {words.VisitCount(result.Visits.NaiveSum)}");
        html.Open("ol", ("class", "visits"));
        foreach (var trip in result.Visits.Trips)
        {
            html.Open("li").Element("strong", words.Of(trip.Place)).Text(" — " + words.Of(trip.Why)).Close("li");
        }

        html.Close("ol");
        apply?.Invoke(html);
        StartAgain(html, page, result.Bundle.Code);
    }

    private static void Refusals(Html html, Words words, IReadOnlyList<Denial> refusals) =>
        List(html, words.Refusal, refusals.Select(r => words.Of(r.Statement)));

    // Grouped by who has to act: the applicant, the government's departments, or no one (held already).
    private static void Materials(Html html, Words words, IReadOnlyList<MaterialResult> materials)
    {
        List(html, words.WhatToBring, materials.Where(m => m.Class is MaterialClass.ToSupply or MaterialClass.Undecided or MaterialClass.Commitment).Select(m => words.Line(m.Name, m.Note)), words.NothingToBring);
        List(html, words.FetchedForYou, materials.Where(m => m.Class is MaterialClass.FromDepartments or MaterialClass.Generated).Select(m =>
            m.Source is { } source ? $"{words.Line(m.Name, m.Note)} ({words.From}: {words.Of(source.Name)})" : words.Line(m.Name, m.Note)));
        List(html, words.YouHold, materials.Where(m => m.Class == MaterialClass.Held).Select(m => words.Line(m.Name, m.Note)));
    }

    private static void Fees(Html html, Words words, IReadOnlyList<FeeDue> fees) =>
        List(html, words.Fees, fees.Where(f => f.Fee.Amount > 0).Select(f => $"{words.Of(f.Fee.Name)}: ¥{f.Fee.Amount.ToString("0.##", CultureInfo.InvariantCulture)}{(f.Applies == Truth.Unknown ? (words.English ? " (may apply)" : "（可能收取）") : "")}"), words.NoFee);

    private static void TimeLimits(Html html, Words words, TimeLimits limits)
    {
        var lines = new List<string>();
        if (limits.Statutory is { } statutory)
        {
            lines.Add($"{words.Statutory}: {words.Days(statutory.Days, statutory.WorkingDays)}");
        }

        if (limits.Promised is { } promised)
        {
            lines.Add($"{words.Promised}: {words.Days(promised.Days, promised.WorkingDays)}");
        }

        List(html, words.TimeLimits, lines);
    }

    private static void Visits(Html html, Words words, VisitPrediction visits)
    {
        html.Element("h2", words.Visits).Open("p").Element("strong", words.VisitCount(visits.Count)).Close("p");
        html.Open("ol", ("class", "visits"));
        foreach (var reason in visits.Reasons)
        {
            html.Open("li").Element("strong", words.VisitNumber(reason.Visit)).Text(" — " + words.Of(reason.Why.Text)).Close("li");
        }

        html.Close("ol");
        List(html, words.Avoided, visits.Avoided.Select(a => words.Of(a.Instead.Text)));
    }

    private static void StartAgain(Html html, PageContext page, string code) =>
        html.Open("p").Element("a", page.Words.StartAgain, ("href", page.Link("/check/" + Uri.EscapeDataString(code)))).Close("p");

    // A heading and its list; with nothing to list, the heading and what "nothing" means, or neither.
    private static void List(Html html, string heading, IEnumerable<string> items, string? whenEmpty = null)
    {
        var list = items.ToList();
        if (list.Count == 0)
        {
            if (whenEmpty is not null)
            {
                html.Element("h2", heading).Element("p", whenEmpty);
            }

            return;
        }

        html.Element("h2", heading).Open("ul");
        foreach (var item in list)
        {
            html.Element("li", item);
        }

        html.Close("ul");
    }
}
