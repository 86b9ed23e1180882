using OneVisit.Cli.Common;
using OneVisit.Rules.Catalog;
using OneVisit.Workflows.Bundles;
using OneVisit.Workflows.Cases;

namespace OneVisit.Cli.Cases;

/// <summary>
/// A bundle case (一件事) as <c>cases show</c> prints it: its one acceptance, time limit, delivery and visits, then
/// its members (where each stands and why), what passed between them, its visits and its audit trail.
/// The demo prints its members and what passed on with the same tables.
/// </summary>
internal sealed class BundleCaseText(Terminal output, ProcedureCatalog catalog, TimeZoneInfo zone, TextLanguage language)
{
    private readonly CaseLabels _labels = CaseLabels.For(language);

    private readonly BundleCaseLabels _bundle = BundleCaseLabels.For(language);

    private readonly CaseText _case = new(output, catalog, zone, language);

    public void WriteBundle(BundleDetails details)
    {
        var bundle = details.Bundle;
        output.WriteLine(_bundle.Heading(bundle.BundleCaseId, language.Pick(bundle.BundleName), bundle.BundleCode, bundle.BundleVersion));
        var stage = _labels.StageLine(_labels.Of(bundle.Stage), bundle.Outcome is { } outcome ? _labels.Of(outcome) : null, bundle.OutcomeReason);
        new TextTable("", "")
            .Add(ConsoleColour.None, _labels.Applicant, bundle.ApplicantId)
            .Add(CaseText.Tone(bundle.Stage, bundle.Outcome), _labels.Stage, stage)
            .Add(_bundle.AcceptedAt, bundle.WindowId is { } window ? _case.WindowName(window) : _labels.NotYet)
            .Add(_labels.Submitted, _labels.Time(bundle.SubmittedAt, zone))
            .Add(_bundle.Accepted, bundle.AcceptedAt is { } accepted ? _labels.Time(accepted, zone) : _labels.NotYet)
            .Add(_labels.Closed, bundle.ClosedAt is { } closed ? _labels.ClosedAfter(_labels.Time(closed, zone), _labels.Duration(closed - bundle.SubmittedAt)) : _labels.NotYet)
            .Add(TimeLimitTone(bundle.TimeLimit), _bundle.TimeLimit, TimeLimit(bundle.TimeLimit))
            .Add(_labels.Delivery, Delivery(bundle))
            .Add(_labels.Visits, _bundle.Visits(bundle.PredictedVisits, bundle.VisitsMade, bundle.NaiveVisits))
            .Write(output, "  ");
        if (bundle.Notice is { } notice)
        {
            output.WriteLine();
            output.WriteLine(_labels.Section(_bundle.Notice));
            output.WriteLine("  " + notice.TrimEnd().Replace("\n", "\n  ", StringComparison.Ordinal));
        }

        output.WriteLine();
        output.WriteLine(_labels.Section(_bundle.Members));
        Members(bundle).Write(output, "  ");
        output.WriteLine();
        if (bundle.Passed.Count == 0)
        {
            output.Write(_labels.Section(_bundle.Passed) + (language == TextLanguage.English ? " " : ""));
            output.WriteLine(_bundle.NothingPassed, ConsoleColour.Dim);
        }
        else
        {
            output.WriteLine(_labels.Section(_bundle.Passed));
            Passed(bundle).Write(output, "  ");
        }

        _case.WriteVisits(details.Visits);
        _case.WriteAudit(details.Audit);
    }

    /// <summary>Each member: where it stands, its case, its authority, and why (what it waits for, why it stopped).</summary>
    public TextTable Members(BundleCaseSnapshot bundle)
    {
        var table = new TextTable(_bundle.MemberHeaders);
        foreach (var member in bundle.Members)
        {
            table.Add(
                MemberTone(member.State),
                $"{member.ProcedureCode} {language.Pick(member.ProcedureName)}",
                _bundle.Of(member.State),
                member.CaseId ?? "",
                member.AuthorityId is { } authority ? _labels.Party(catalog, authority) : "",
                Why(member));
        }

        return table;
    }

    /// <summary>What one member's output gave another, and how it travelled.</summary>
    public TextTable Passed(BundleCaseSnapshot bundle)
    {
        var table = new TextTable(_bundle.PassedHeaders);
        foreach (var passed in bundle.Passed)
        {
            table.Add(
                language.Pick(passed.DocumentName),
                $"{passed.FromProcedure} ({passed.FromCaseId})",
                $"{passed.ToProcedure} ({passed.ToCaseId})",
                CatalogueTerms.For(language).Of(passed.Via),
                _labels.Time(passed.At, zone));
        }

        return table;
    }

    /// <summary>The one delivery of a bundle that delivers once (the ways its results go, released together), else each member's own.</summary>
    public string Delivery(BundleCaseSnapshot bundle) =>
        !bundle.DeliversOnce ? _bundle.EachOnItsOwn
        : bundle.Deliveries.Count > 0 ? _bundle.Once(string.Join(_bundle.ListSeparator, bundle.Deliveries.Select(CatalogueTerms.For(language).Of)))
        : _labels.NoDelivery;

    public string TimeLimit(CaseDeadline? limit) => limit is null
        ? _labels.ClockNotStarted
        : _bundle.TimeLimitValue(_labels.LimitOf(limit), limit.Due is { } due ? _labels.Due(due, zone) : _labels.ClockNotStarted, _labels.DeadlineState(limit.State));

    /// <summary>The runtime's words for why a member stands where it does; for one that cannot start yet, the outputs it waits for.</summary>
    private string Why(BundleMemberStatus member) => member.State == BundleMemberState.CannotStartYet && member.WaitsFor.Count > 0
        ? _bundle.WaitsFor(string.Join(_bundle.ListSeparator, member.WaitsFor))
        : member.Why ?? "";

    private static ConsoleColour MemberTone(BundleMemberState state) => state switch
    {
        BundleMemberState.Done => ConsoleColour.Green,
        BundleMemberState.Refused or BundleMemberState.Stopped => ConsoleColour.Red,
        BundleMemberState.CannotStartYet or BundleMemberState.Waiting => ConsoleColour.Yellow,
        BundleMemberState.NotIncluded => ConsoleColour.Dim,
        _ => ConsoleColour.None,
    };

    private static ConsoleColour TimeLimitTone(CaseDeadline? limit) => limit?.State == DeadlineState.Missed ? ConsoleColour.Red : ConsoleColour.None;

}

/// <summary>A bundle case with its visit ledger and audit trail, as <c>cases show</c> prints it.</summary>
internal sealed record BundleDetails(
    BundleCaseSnapshot Bundle,
    IReadOnlyList<Workflows.Audit.AuditEntry> Audit,
    IReadOnlyList<Workflows.Visits.VisitRecord> Visits);
