using OneVisit.Cli.Common;
using OneVisit.Rules.Catalog;
using OneVisit.Workflows.Cases;

namespace OneVisit.Cli.Cases;

/// <summary>The case commands' text output: aligned tables, times in the offices' zone.</summary>
internal sealed class CaseText(Terminal output, ProcedureCatalog catalog, TimeZoneInfo zone, string? zoneAsked = null)
{
    public void WriteList(IReadOnlyList<CaseSummary> cases, string database)
    {
        if (cases.Count == 0)
        {
            output.WriteLine($"No cases in {database}.");
            return;
        }

        var table = new TextTable("case", "submitted", "stage", "outcome", "procedure", "authority", "applicant");
        foreach (var summary in cases)
        {
            table.Add(
                Tone(summary.Stage, summary.Outcome),
                summary.CaseId,
                CaseWords.Time(summary.SubmittedAt, zone),
                CaseWords.Stage(summary.Stage),
                CaseWords.Outcome(summary.Outcome),
                $"{summary.ProcedureCode} {ProcedureName(summary.ProcedureCode)}",
                AuthorityName(summary.AuthorityId),
                summary.ApplicantId);
        }

        table.Write(output);
        var inZone = zoneAsked is null ? "" : $" --time-zone {zoneAsked}";
        output.WriteLine($"{cases.Count} case{(cases.Count == 1 ? "" : "s")} in {database}. Show one: onevisit cases show <case> --db {database}{inZone}", ConsoleColour.Dim);
    }

    public void WriteCase(CaseDetails details)
    {
        var snapshot = details.Case;
        output.WriteLine($"Case {snapshot.CaseId}: {snapshot.ProcedureName} [{snapshot.ProcedureCode} v{snapshot.ProcedureVersion}]");
        var stage = CaseWords.Stage(snapshot.Stage) + (snapshot.Outcome is { } outcome ? $": {CaseWords.Outcome(outcome)}" : "") + (snapshot.OutcomeReason is { } reason ? $" ({reason})" : "");
        var facts = new TextTable("", "")
            .Add(ConsoleColour.None, "applicant", snapshot.ApplicantId)
            .Add(Tone(snapshot.Stage, snapshot.Outcome), "stage", stage)
            .Add("authority", AuthorityName(snapshot.AuthorityId) + (snapshot.ForwardedFromWindowId is { } window ? $", forwarded from the window {WindowName(window)}" : ""))
            .Add("submitted", CaseWords.Time(snapshot.SubmittedAt, zone))
            .Add("closed", snapshot.ClosedAt is { } closed ? $"{CaseWords.Time(closed, zone)} ({CaseWords.Duration(closed - snapshot.SubmittedAt)} after submission)" : "not yet")
            .Add("decision", snapshot.Decision is { } decision ? $"{(decision.Approved ? "approved" : "refused")} by {decision.OfficerId}{(decision.Reason is { } why ? $": {why}" : "")}" : "not yet")
            .Add("delivery", CaseWords.Delivery(snapshot.Delivery))
            .Add("visits", $"{snapshot.PredictedVisits} predicted, {snapshot.VisitsMade} made");
        if (snapshot.ClockPausedFor is { } paused)
        {
            facts.Add(ConsoleColour.Yellow, "clock", "paused, " + paused);
        }

        facts.Write(output, "  ");

        Section("Waiting for", snapshot.Awaiting.Count, "nothing", () =>
        {
            var table = new TextTable("kind", "from", "what", "due");
            foreach (var item in snapshot.Awaiting)
            {
                table.Add(item.Kind, CaseWords.Party(catalog, item.From), item.What, item.Due is { } due ? CaseWords.Due(due, zone) : "");
            }

            return table;
        });
        Section("Evidence requests", snapshot.Evidence.Count, "none: nothing was fetched from other departments", () =>
        {
            var table = new TextTable("material", "document", "department", "state", "note");
            foreach (var item in snapshot.Evidence)
            {
                table.Add(item.State == "received" ? ConsoleColour.Green : ConsoleColour.None, item.MaterialId, DocumentName(item.DocumentId), AuthorityName(item.DepartmentId), item.State, item.Note ?? "");
            }

            return table;
        });
        Section("Deadlines", snapshot.Deadlines.Count, "none: the procedure sets no time limit", () =>
        {
            var table = new TextTable("limit", "days", "due", "state");
            foreach (var deadline in snapshot.Deadlines)
            {
                table.Add(deadline.Met == false ? ConsoleColour.Red : ConsoleColour.None, deadline.Kind, CaseWords.Limit(deadline), deadline.Due is { } due ? CaseWords.Due(due, zone) : "clock not started", CaseWords.DeadlineState(deadline.Met));
            }

            return table;
        });
        Section("Commitments", details.Commitments.Count, "none", () =>
        {
            var table = new TextTable("material", "kind", "due on", "recorded");
            foreach (var entry in details.Commitments)
            {
                table.Add(entry.MaterialId, Rules.Catalog.CatalogWords.Of(entry.Kind), entry.DueOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), CaseWords.Time(entry.RecordedAt, zone));
            }

            return table;
        });
        Section("Visits made", details.Visits.Count, "none", () =>
        {
            var table = new TextTable("when", "purpose", "window");
            foreach (var visit in details.Visits)
            {
                table.Add(CaseWords.Time(visit.At, zone), visit.Purpose, visit.WindowId is { } window ? WindowName(window) : "");
            }

            return table;
        });
        Section("Audit trail", details.Audit.Count, "empty", () =>
        {
            var table = new TextTable("when", "actor", "action", "detail");
            foreach (var entry in details.Audit)
            {
                // What was asked of whom is in the detail already; the purpose says why (the JSON has both fields).
                var detail = entry.Purpose is { } purpose ? $"{entry.Detail}, for {purpose}" : entry.Detail.TrimEnd();
                table.Add(entry.Action is "escalated" ? ConsoleColour.Yellow : ConsoleColour.None, CaseWords.Time(entry.At, zone), CaseWords.Party(catalog, entry.Actor), entry.Action, detail);
            }

            return table;
        });
    }

    private void Section(string title, int count, string empty, Func<TextTable> table)
    {
        output.WriteLine();
        if (count == 0)
        {
            output.Write($"{title}: ");
            output.WriteLine(empty, ConsoleColour.Dim);
            return;
        }

        output.WriteLine($"{title}:");
        table().Write(output, "  ");
    }

    private static ConsoleColour Tone(CaseStage stage, CaseOutcome? outcome) => (stage, outcome) switch
    {
        (CaseStage.Closed, CaseOutcome.Approved) => ConsoleColour.Green,
        (CaseStage.Closed, _) => ConsoleColour.Red,
        (CaseStage.AwaitingSupplement, _) => ConsoleColour.Yellow,
        _ => ConsoleColour.None,
    };

    private string ProcedureName(string code) => catalog.Procedures.TryGetValue(code, out var procedure) ? procedure.Name.Text : "";

    private string AuthorityName(string id) => catalog.Authorities.TryGetValue(id, out var authority) ? $"{authority.Name.Text} ({id})" : id;

    private string WindowName(string id) => catalog.Windows.TryGetValue(id, out var window) ? $"{window.Name.Text} ({id})" : id;

    private string DocumentName(string id) => catalog.Documents.TryGetValue(id, out var document) ? document.Name.Text : id;

}
