using OneVisit.Cli.Common;
using OneVisit.Rules.Catalog;
using OneVisit.Workflows.Cases;

namespace OneVisit.Cli.Cases;

/// <summary>The case commands' text output: aligned tables, times in the offices' zone, words in the language asked for.</summary>
internal sealed class CaseText(Terminal output, ProcedureCatalog catalog, TimeZoneInfo zone, TextLanguage language, string? zoneAsked = null)
{
    private readonly CaseLabels _labels = CaseLabels.For(language);

    public void WriteList(IReadOnlyList<CaseSummary> cases, string database)
    {
        if (cases.Count == 0)
        {
            output.WriteLine(_labels.NoCases(database));
            return;
        }

        // A kind column after the case: bundle cases (一件事) and the members' bundle; plain cases leave it blank.
        var bundleWords = BundleCaseLabels.For(language);
        var table = new TextTable([_labels.ListHeaders[0], bundleWords.Kind, .. _labels.ListHeaders[1..]]);
        foreach (var summary in cases)
        {
            table.Add(
                Tone(summary.Stage, summary.Outcome),
                summary.CaseId,
                summary.IsBundle ? bundleWords.KindBundle : summary.BundleCaseId is { } owner ? bundleWords.KindMember(owner) : "",
                _labels.Time(summary.SubmittedAt, zone),
                _labels.Of(summary.Stage),
                _labels.Of(summary.Outcome),
                $"{summary.ProcedureCode} {(summary.IsBundle ? BundleName(summary.ProcedureCode) : ProcedureName(summary.ProcedureCode))}",
                AuthorityName(summary.AuthorityId),
                summary.ApplicantId);
        }

        table.Write(output);
        var options = (zoneAsked is null ? "" : $" --time-zone {zoneAsked}") + (language == TextLanguage.English ? " --lang en" : "");
        output.WriteLine(_labels.ListFooter(cases.Count, database, options), ConsoleColour.Dim);
    }

    public void WriteCase(CaseDetails details)
    {
        var snapshot = details.Case;
        output.WriteLine(_labels.CaseHeading(snapshot.CaseId, language.Pick(snapshot.ProcedureName), snapshot.ProcedureCode, snapshot.ProcedureVersion));
        WriteAuditChain(details.AuditChain, details.Database);
        var stage = _labels.StageLine(_labels.Of(snapshot.Stage), snapshot.Outcome is { } outcome ? _labels.Of(outcome) : null, snapshot.OutcomeReason);
        var facts = new TextTable("", "")
            .Add(ConsoleColour.None, _labels.Applicant, snapshot.ApplicantId)
            .Add(Tone(snapshot.Stage, snapshot.Outcome), _labels.Stage, stage)
            .Add(_labels.Authority, AuthorityName(snapshot.AuthorityId) + (snapshot.ForwardedFromWindowId is { } window ? _labels.ForwardedFrom(WindowName(window)) : ""))
            .Add(_labels.Submitted, _labels.Time(snapshot.SubmittedAt, zone))
            .Add(_labels.Closed, snapshot.ClosedAt is { } closed ? _labels.ClosedAfter(_labels.Time(closed, zone), _labels.Duration(closed - snapshot.SubmittedAt)) : _labels.NotYet)
            .Add(_labels.Decision, snapshot.Decision is { } decision ? _labels.DecidedBy(decision.Approved, decision.OfficerId, decision.Reason) : _labels.NotYet)
            .Add(_labels.Delivery, snapshot.Delivery is { } delivery ? CatalogueTerms.For(language).Of(delivery) : _labels.NoDelivery)
            .Add(_labels.Visits, _labels.VisitCounts(snapshot.PredictedVisits, snapshot.VisitsMade));
        if (details.Bundle is { } bundle)
        {
            var words = BundleCaseLabels.For(language);
            facts.Add(ConsoleColour.None, words.Bundle, words.MemberOf(bundle.BundleCaseId, bundle.BundleCode, language.Pick(bundle.BundleName)));
        }

        if (snapshot.ClockPausedFor is { } paused)
        {
            facts.Add(ConsoleColour.Yellow, _labels.Clock, _labels.Paused(paused));
        }

        facts.Write(output, "  ");
        WriteWork(snapshot);
        WriteLedgers(details.Commitments, details.Visits, details.Audit);
    }

    /// <summary>A case whose documents retention purged: what remains of it (its index row, ledgers and audit trail).</summary>
    public void WritePurged(PurgedCaseDetails details)
    {
        var summary = details.Purged.Case;
        var name = summary.IsBundle ? BundleName(summary.ProcedureCode) : ProcedureName(summary.ProcedureCode);
        output.WriteLine(_labels.PurgedHeading(summary.CaseId, name, summary.ProcedureCode));
        WriteAuditChain(details.AuditChain, details.Database);
        output.WriteLine(_labels.PurgedNote(_labels.Time(details.Purged.PurgedAt, zone)), ConsoleColour.Yellow);
        var facts = new TextTable("", "")
            .Add(ConsoleColour.None, _labels.Applicant, summary.ApplicantId)
            .Add(Tone(summary.Stage, summary.Outcome), _labels.Stage, _labels.StageLine(_labels.Of(summary.Stage), summary.Outcome is { } outcome ? _labels.Of(outcome) : null, null))
            .Add(_labels.Authority, AuthorityName(summary.AuthorityId))
            .Add(_labels.Submitted, _labels.Time(summary.SubmittedAt, zone))
            .Add(_labels.Closed, summary.ClosedAt is { } closed ? _labels.ClosedAfter(_labels.Time(closed, zone), _labels.Duration(closed - summary.SubmittedAt)) : _labels.NotYet)
            .Add(_labels.Purged, _labels.Time(details.Purged.PurgedAt, zone));
        if (summary.BundleCaseId is { } owner)
        {
            facts.Add(ConsoleColour.None, BundleCaseLabels.For(language).Bundle, owner);
        }

        facts.Write(output, "  ");
        WriteLedgers(details.Commitments, details.Visits, details.Audit);
    }

    /// <summary>A line under the heading when the case's audit chain does not verify: a forged trail must not read as the truth.</summary>
    private void WriteAuditChain(Workflows.Audit.AuditChainCheck? chain, string? database)
    {
        var words = Audit.AuditLabels.For(language);
        switch (chain)
        {
            case { State: Workflows.Audit.AuditChainState.Broken } broken:
                var command = $"onevisit audit verify --case {broken.CaseId}{(database is { } db ? $" --db {db}" : "")} --key <base64>";
                output.WriteLine(words.ShowBroken(new Audit.AuditText(output, language).Describe(broken), command), ConsoleColour.Red);
                break;
            case { State: Workflows.Audit.AuditChainState.NotChained } unchained:
                output.WriteLine(words.ShowNotChained(unchained.UnchainedLines), ConsoleColour.Yellow);
                break;
        }
    }

    /// <summary>What the case waits for, what it asked other departments, and its limits.</summary>
    private void WriteWork(CaseSnapshot snapshot)
    {
        Section(_labels.WaitingFor, snapshot.Awaiting.Count, _labels.Nothing, () =>
        {
            var table = new TextTable(_labels.WaitingHeaders);
            foreach (var item in snapshot.Awaiting)
            {
                table.Add(item.Overdue ? ConsoleColour.Red : ConsoleColour.None, _labels.Party(catalog, item.From), _labels.Word(item.Action), What(snapshot.ProcedureCode, item), item.Due is { } due ? _labels.Due(due, zone) + (item.Overdue ? _labels.Passed : "") : "");
            }

            return table;
        });
        Section(_labels.EvidenceRequests, snapshot.Evidence.Count, _labels.NoEvidence, () =>
        {
            var table = new TextTable(_labels.EvidenceHeaders);
            foreach (var item in snapshot.Evidence)
            {
                table.Add(item.State == "received" ? ConsoleColour.Green : ConsoleColour.None, item.MaterialId, DocumentName(item.DocumentId), AuthorityName(item.DepartmentId), _labels.Word(item.State), item.Note ?? "");
            }

            return table;
        });
        Section(_labels.Deadlines, snapshot.Deadlines.Count, _labels.NoDeadlines, () =>
        {
            var table = new TextTable(_labels.DeadlineHeaders);
            foreach (var deadline in snapshot.Deadlines)
            {
                table.Add(deadline.State == DeadlineState.Missed ? ConsoleColour.Red : ConsoleColour.None, _labels.Word(deadline.Kind), _labels.LimitOf(deadline), deadline.Due is { } due ? _labels.Due(due, zone) : _labels.ClockNotStarted, _labels.DeadlineState(deadline.State));
            }

            return table;
        });
    }

    /// <summary>The commitment and visit ledgers and the audit trail.</summary>
    private void WriteLedgers(IReadOnlyList<Workflows.Commitments.CommitmentEntry> commitments, IReadOnlyList<Workflows.Visits.VisitRecord> visits, IReadOnlyList<Workflows.Audit.AuditEntry> audit)
    {
        Section(_labels.Commitments, commitments.Count, _labels.None, () =>
        {
            var table = new TextTable(_labels.CommitmentHeaders);
            foreach (var entry in commitments)
            {
                table.Add(entry.MaterialId, _labels.Of(entry.Kind), entry.DueOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), _labels.Time(entry.RecordedAt, zone));
            }

            return table;
        });
        WriteVisits(visits);
        WriteAudit(audit);
    }

    /// <summary>The visit ledger: every trip recorded, with its purpose and window.</summary>
    public void WriteVisits(IReadOnlyList<Workflows.Visits.VisitRecord> visits)
    {
        Section(_labels.VisitsMade, visits.Count, _labels.None, () =>
        {
            var table = new TextTable(_labels.VisitHeaders);
            foreach (var visit in visits)
            {
                table.Add(_labels.Time(visit.At, zone), _labels.Word(visit.Purpose), visit.WindowId is { } window ? WindowName(window) : "");
            }

            return table;
        });
    }

    /// <summary>The audit trail: who did what, when, and what was asked of whom for what purpose.</summary>
    public void WriteAudit(IReadOnlyList<Workflows.Audit.AuditEntry> audit)
    {
        Section(_labels.AuditTrail, audit.Count, _labels.None, () =>
        {
            var table = new TextTable(_labels.AuditHeaders);
            foreach (var entry in audit)
            {
                // What was asked of whom is in the detail already; the purpose says why (the JSON has both fields).
                var detail = entry.Purpose is { } purpose ? _labels.ForPurpose(entry.Detail, purpose) : entry.Detail.TrimEnd();
                table.Add(entry.Action is "escalated" ? ConsoleColour.Yellow : ConsoleColour.None, _labels.Time(entry.At, zone), _labels.Party(catalog, entry.Actor), _labels.Word(entry.Action), detail);
            }

            return table;
        });
    }

    private void Section(string title, int count, string empty, Func<TextTable> table)
    {
        output.WriteLine();
        if (count == 0)
        {
            output.Write(_labels.Section(title) + (language == TextLanguage.English ? " " : ""));
            output.WriteLine(empty, ConsoleColour.Dim);
            return;
        }

        output.WriteLine(_labels.Section(title));
        table().Write(output, "  ");
    }

    /// <summary>The colour of a stage and outcome, for a case and a bundle case alike.</summary>
    internal static ConsoleColour Tone(CaseStage stage, CaseOutcome? outcome) => (stage, outcome) switch
    {
        (CaseStage.Closed, CaseOutcome.Approved) => ConsoleColour.Green,
        (CaseStage.Closed, CaseOutcome.PartlyApproved) => ConsoleColour.Yellow,
        (CaseStage.Closed, _) => ConsoleColour.Red,
        (CaseStage.AwaitingSupplement, _) => ConsoleColour.Yellow,
        _ => ConsoleColour.None,
    };

    /// <summary>
    /// What a wait asks for: the runtime writes the document's name in the catalogue's own words (Chinese); in
    /// English the catalogue's English name of the material's document is shown where it has one.
    /// </summary>
    private string What(string procedureCode, AwaitedItem item)
    {
        if (language != TextLanguage.English || item.MaterialId is not { } materialId
            || !catalog.Procedures.TryGetValue(procedureCode, out var procedure)
            || procedure.Materials.FirstOrDefault(m => m.Id == materialId) is not { } material
            || !catalog.Documents.TryGetValue(material.DocumentId, out var document) || document.Name.English is not { } english)
        {
            return item.What;
        }

        return item.Action == "supply_or_commit" ? $"{english} (or a signed commitment)" : english;
    }

    private string BundleName(string code) => catalog.Bundles.TryGetValue(code, out var bundle) ? language.Pick(bundle.Name) : "";

    private string ProcedureName(string code) => catalog.Procedures.TryGetValue(code, out var procedure) ? language.Pick(procedure.Name) : "";

    private string AuthorityName(string id) => catalog.Authorities.TryGetValue(id, out var authority) ? $"{language.Pick(authority.Name)} ({id})" : id;

    public string WindowName(string id) => catalog.Windows.TryGetValue(id, out var window) ? $"{language.Pick(window.Name)} ({id})" : id;

    private string DocumentName(string id) => catalog.Documents.TryGetValue(id, out var document) ? language.Pick(document.Name) : id;
}
