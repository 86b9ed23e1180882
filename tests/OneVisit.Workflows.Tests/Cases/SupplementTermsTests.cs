using OneVisit.Rules.Catalog;
using OneVisit.Workflows.Audit;
using OneVisit.Workflows.Cases;
using OneVisit.Workflows.Simulation;
using OneVisit.Workflows.Tests.Support;
using static OneVisit.Workflows.Tests.Cases.WaitsEndCases;

namespace OneVisit.Workflows.Tests.Cases;

/// <summary>
/// A procedure's <c>supplement</c> block (补正) read from YAML: its working days set the last day of the deficiency
/// notice and of an ask, where a procedure without the block keeps the host's ten; its <c>on_missed: withdraw</c>
/// is the default said out loud. The founding morning is Monday 2017-02-20: five working days later is Monday
/// 2017-02-27, ten is Monday 2017-03-06, fifteen is Monday 2017-03-13.
/// </summary>
public sealed class SupplementTermsTests
{
    private const string BranchRegistration = "procedures/330100-sc-0001-branch-registration.yaml";
    private const string FoodLicenceFile = "procedures/330100-sc-0012-food-business-licence.yaml";

    private static readonly DateOnly FiveWorkingDaysOn = new(2017, 2, 27);
    private static readonly DateTimeOffset FiveWorkingDaysDue = Local(2017, 2, 28);

    [Fact]
    public async Task Supplement_WorkingDays_SetTheNoticesLastDayAndAProcedureWithoutThemKeepsTheHosts()
    {
        using var catalogue = WithSupplement(BranchRegistration, "  working_days: 5\n");
        await using var harness = await CaseHarness.StartAsync(d => d.Answers[Registry] = SimulatedAnswer.Refuse, catalog: catalogue.Path);
        Assert.Null(harness.Catalog.Procedures["330100-SC-0004"].Supplement);

        var notice = await harness.Cases.SubmitAsync(harness.Errand("01-branch-registration.yaml", "notice"));
        var ask = await harness.Cases.SubmitAsync(harness.Errand("04-housing-fund-rent-withdrawal.yaml", "ask"));
        var waiting = await harness.WaitForStage(notice.CaseId, CaseStage.AwaitingSupplement);
        var asked = await harness.WaitUntil(ask.CaseId, s => s.Awaiting.Any(a => a.Kind == "applicant"));

        Assert.Equal(2, waiting.Awaiting.Count);
        Assert.All(waiting.Awaiting, a => Assert.Equal((FiveWorkingDaysOn, FiveWorkingDaysDue), (a.LastDay!.Value, a.Due!.Value)));
        Assert.Equal(FiveWorkingDaysDue, await harness.PendingTimerAsync(notice.CaseId, "timeout"));
        // Two working days before Monday 2017-02-27 is Thursday 2017-02-23: reminded at its end.
        Assert.Equal(Local(2017, 2, 24), await harness.PendingTimerAsync(notice.CaseId, "reminder:supplement:1"));
        Assert.Contains("2017-02-27", Assert.Single(await harness.Audit.ForCaseAsync(notice.CaseId), a => a.Action == AuditActions.NoticeIssued).Detail);
        Assert.Equal((TenWorkingDaysOn, TenWorkingDaysDue), (asked.Awaiting.Single().LastDay!.Value, asked.Awaiting.Single().Due!.Value));

        harness.Time.SetUtcNow(FiveWorkingDaysDue);
        var closed = await harness.WaitForStage(notice.CaseId, CaseStage.Closed);

        Assert.Equal(CaseOutcome.Withdrawn, closed.Outcome);
        Assert.Contains("2017-02-27", closed.OutcomeReason);
        var still = await harness.Cases.GetAsync(ask.CaseId);
        Assert.Equal((CaseStage.FetchingEvidence, false), (still.Stage, still.Awaiting.Single().Overdue));
    }

    [Fact]
    public async Task Supplement_WorkingDays_SetTheAsksLastDayAndAProcedureWithoutThemKeepsTheHosts()
    {
        using var catalogue = WithSupplement(HousingFund, "  working_days: 15\n");
        await using var harness = await CaseHarness.StartAsync(d => d.Answers[Registry] = SimulatedAnswer.Refuse, catalog: catalogue.Path);
        Assert.Null(harness.Catalog.Procedures["330100-SC-0001"].Supplement);

        var ask = await harness.Cases.SubmitAsync(harness.Errand("04-housing-fund-rent-withdrawal.yaml", "ask"));
        var notice = await harness.Cases.SubmitAsync(harness.Errand("01-branch-registration.yaml", "notice"));
        var asked = await harness.WaitUntil(ask.CaseId, s => s.Awaiting.Any(a => a.Kind == "applicant"));
        var waiting = await harness.WaitForStage(notice.CaseId, CaseStage.AwaitingSupplement);

        var owed = asked.Awaiting.Single();
        Assert.Equal((Certificate, FifteenWorkingDaysOn, FifteenWorkingDaysDue), (owed.MaterialId, owed.LastDay!.Value, owed.Due!.Value));
        Assert.Equal(FifteenWorkingDaysDue, await harness.PendingTimerAsync(ask.CaseId, "timeout"));
        Assert.Contains("2017-03-13", Assert.Single(await harness.Audit.ForCaseAsync(ask.CaseId), a => a.Action == AuditActions.ApplicantAsked).Detail);
        Assert.All(waiting.Awaiting, a => Assert.Equal((TenWorkingDaysOn, TenWorkingDaysDue), (a.LastDay!.Value, a.Due!.Value)));

        harness.Time.SetUtcNow(TenWorkingDaysDue);
        Assert.Equal(CaseOutcome.Withdrawn, (await harness.WaitForStage(notice.CaseId, CaseStage.Closed)).Outcome);
        var still = await harness.Cases.GetAsync(ask.CaseId);
        Assert.Equal((CaseStage.FetchingEvidence, false), (still.Stage, still.Awaiting.Single().Overdue));

        harness.Time.SetUtcNow(FifteenWorkingDaysDue);
        var closed = await harness.WaitForStage(ask.CaseId, CaseStage.Closed);

        Assert.Equal(CaseOutcome.Withdrawn, closed.Outcome);
        Assert.Contains("2017-03-13", closed.OutcomeReason);
    }

    [Theory]
    [InlineData("ask")]
    [InlineData("gap")]
    public async Task Supplement_OnMissedWithdrawSaidExplicitly_BehavesLikeTheDefault(string wait)
    {
        // The same miss twice: once on the sample catalogue, which says nothing, and once on a copy that says
        // withdraw (the procedure's supplement for an ask, the exemption for a gap).
        using var catalogue = TempCatalogue.Copy(RepositoryRoot.SampleCatalogue);
        if (wait == "ask")
        {
            catalogue.Edit(HousingFund, yaml => Before(yaml, "supplement:\n  on_missed: withdraw\n"));
        }
        else
        {
            catalogue.Edit(FoodLicenceFile, yaml => yaml.Replace("        deadline_working_days: 10\n", "        deadline_working_days: 10\n        on_missed: withdraw\n", StringComparison.Ordinal));
        }

        var (byDefault, defaultActions, saidNothing) = await MissAsync(wait, catalog: null);
        var (explicitly, explicitActions, saidWithdraw) = await MissAsync(wait, catalogue.Path);
        if (wait == "ask")
        {
            Assert.Null(saidNothing);
            Assert.Equal(MissedDeadline.Withdraw, saidWithdraw!.OnMissed);
        }

        Assert.Equal(CaseOutcome.Withdrawn, byDefault.Outcome);
        Assert.Equal((byDefault.Stage, byDefault.Outcome, byDefault.OutcomeReason), (explicitly.Stage, explicitly.Outcome, explicitly.OutcomeReason));
        Assert.Equal(byDefault.Evidence.Select(e => (e.MaterialId, e.State)), explicitly.Evidence.Select(e => (e.MaterialId, e.State)));
        Assert.Equal(byDefault.AcceptedGaps.Select(g => (g.MaterialId, g.State, g.OnMissed)), explicitly.AcceptedGaps.Select(g => (g.MaterialId, g.State, g.OnMissed)));
        Assert.Empty(explicitly.ForOfficer);
        Assert.Equal(defaultActions, explicitActions);
        Assert.Contains(AuditActions.DeadlineMissed, explicitActions);
        Assert.Contains(AuditActions.Withdrawn, explicitActions);
        Assert.DoesNotContain($"{AuditActions.Escalated}: officer_decides", explicitActions);
    }

    [Fact]
    public async Task Supplement_DeficiencyNoticeMissedWhenItSaysOfficerDecides_IsStillWithdrawn()
    {
        // docs/cases.md: nothing was accepted yet for an officer to decide, so the notice's miss always withdraws;
        // supplement.on_missed is for what the office asks after acceptance.
        using var catalogue = WithSupplement(BranchRegistration, "  on_missed: officer_decides\n");
        await using var harness = await CaseHarness.StartAsync(catalog: catalogue.Path);
        Assert.Equal(MissedDeadline.OfficerDecides, harness.Catalog.Procedures["330100-SC-0001"].Supplement!.OnMissed);
        var submitted = await harness.Cases.SubmitAsync(harness.Errand("01-branch-registration.yaml", "notice"));
        await harness.WaitForStage(submitted.CaseId, CaseStage.AwaitingSupplement);

        harness.Time.SetUtcNow(TenWorkingDaysDue);
        var closed = await harness.WaitForStage(submitted.CaseId, CaseStage.Closed);

        Assert.Equal(CaseOutcome.Withdrawn, closed.Outcome);
        Assert.Empty(closed.ForOfficer);
        Assert.DoesNotContain(await harness.Audit.ForCaseAsync(submitted.CaseId), a => a.Action == AuditActions.Escalated);
    }

    /// <summary>A copy of the sample catalogue whose <paramref name="procedure"/> has a supplement block of these lines.</summary>
    private static TempCatalogue WithSupplement(string procedure, string lines)
    {
        var catalogue = TempCatalogue.Copy(RepositoryRoot.SampleCatalogue);
        catalogue.Edit(procedure, yaml => Before(yaml, "supplement:\n" + lines));
        return catalogue;
    }

    /// <summary>Puts <paramref name="block"/> before the procedure's <c>channels</c> line.</summary>
    private static string Before(string yaml, string block) => yaml.Replace("\nchannels: ", "\n" + block + "channels: ", StringComparison.Ordinal);

    /// <summary>
    /// Lets an ask (errand 04, the registry refusing) or a gap (the food licence) run past its last day, Monday
    /// 2017-03-06; returns the closed case, its audit actions in a fixed order (an escalation to the officer told
    /// apart from the time limits' own), and the housing-fund procedure's supplement block as loaded.
    /// </summary>
    private static async Task<(CaseSnapshot Closed, string[] Actions, SupplementTerms? Supplement)> MissAsync(string wait, string? catalog)
    {
        await using var harness = await CaseHarness.StartAsync(d => d.Answers[Registry] = SimulatedAnswer.Refuse, catalog: catalog);
        var submitted = await harness.Cases.SubmitAsync(wait == "ask" ? harness.Errand("04-housing-fund-rent-withdrawal.yaml", "miss") : FoodLicence("miss"));
        if (wait == "ask")
        {
            var asked = await harness.WaitUntil(submitted.CaseId, s => s.Awaiting.Any(a => a.Kind == "applicant"));
            Assert.Equal(TenWorkingDaysOn, asked.Awaiting.Single().LastDay);
        }
        else
        {
            await WaitForGap(harness, submitted.CaseId);
        }

        harness.Time.SetUtcNow(TenWorkingDaysDue);
        var closed = await harness.WaitForStage(submitted.CaseId, CaseStage.Closed);
        var actions = (await harness.Audit.ForCaseAsync(submitted.CaseId)).Select(a => a.Action == AuditActions.Escalated && a.Detail.Contains("officer_decides", StringComparison.Ordinal) ? $"{a.Action}: officer_decides" : a.Action).Order(StringComparer.Ordinal).ToArray();
        return (closed, actions, harness.Catalog.Procedures["330100-SC-0004"].Supplement);
    }
}
