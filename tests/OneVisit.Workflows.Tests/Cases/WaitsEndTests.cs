using Microsoft.Extensions.DependencyInjection;
using OneVisit.Rules.Catalog;
using OneVisit.Rules.Precheck;
using OneVisit.Workflows.Audit;
using OneVisit.Workflows.Cases;
using OneVisit.Workflows.Deadlines;
using OneVisit.Workflows.Evidence;
using OneVisit.Workflows.Simulation;
using OneVisit.Workflows.Tests.Support;

namespace OneVisit.Workflows.Tests.Cases;

/// <summary>
/// Every wait ends: a reminder before its last day, then its consequence, all on the fake clock. The founding
/// morning is Monday 2017-02-20; ten working days later is Monday 2017-03-06, whose end (2017-03-07 00:00 in
/// Hangzhou) is the due instant, and the reminder goes two working days before the last day, at the end of
/// Thursday 2017-03-02.
/// </summary>
public abstract class WaitsEndCases
{
    private protected WaitsEndCases(CaseStore store) => Store = store;

    /// <summary>The store this run of the suite puts its cases on.</summary>
    private protected CaseStore Store { get; }

    internal const string Registry = "hz_real_estate_registry";
    internal const string Certificate = "no_housing_certificate";
    internal const string HouseRules = "food_safety_rules";
    internal const string WaterReport = "water_quality_report";
    internal const string Drainage = "hz_urban_shangcheng";
    internal const string HousingFund = "procedures/330100-sc-0004-housing-fund-rent-withdrawal.yaml";
    internal const string HousingFundChannels = "channels: [window, online, mobile]\n";

    internal static readonly DateOnly TenWorkingDaysOn = new(2017, 3, 6);
    internal static readonly DateTimeOffset TenWorkingDaysDue = Local(2017, 3, 7);
    internal static readonly DateTimeOffset ReminderAt = Local(2017, 3, 3);
    internal static readonly DateOnly FifteenWorkingDaysOn = new(2017, 3, 13);
    internal static readonly DateTimeOffset FifteenWorkingDaysDue = Local(2017, 3, 14);

    internal static DateTimeOffset Local(int year, int month, int day, int hour = 0) => new(year, month, day, hour, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public async Task Deadline_DeficiencyNoticeMissed_RemindsThenWithdrawsTheApplication()
    {
        var escalations = new EscalationRecorder();
        await using var harness = await Store.StartAsync(services: s => s.AddSingleton<ICaseEscalationObserver>(escalations));
        var submitted = await harness.Cases.SubmitAsync(harness.Errand("01-branch-registration.yaml", "notice"));
        var waiting = await harness.WaitForStage(submitted.CaseId, CaseStage.AwaitingSupplement);
        Assert.All(waiting.Awaiting, a => Assert.Equal((TenWorkingDaysDue, TenWorkingDaysOn, false), (a.Due!.Value, a.LastDay!.Value, a.Overdue)));
        Assert.Equal(ReminderAt, await harness.PendingTimerAsync(submitted.CaseId, "reminder:supplement:1"));

        harness.Time.SetUtcNow(ReminderAt);
        var reminder = await escalations.Next(e => e.Reason == EscalationReasons.Reminder);

        Assert.Equal((submitted.CaseId, "supplement:1", false, TenWorkingDaysDue), (reminder.CaseId, reminder.Limit, reminder.Passed, reminder.Due));
        Assert.Contains("2017-03-06", reminder.What);
        var reminded = Assert.Single(await harness.Audit.ForCaseAsync(submitted.CaseId), a => a.Action == AuditActions.Reminded);
        Assert.Equal(reminder.What, reminded.Detail);
        Assert.Contains("房屋租赁合同", reminded.Detail);
        Assert.Equal(CaseStage.AwaitingSupplement, (await harness.Cases.GetAsync(submitted.CaseId)).Stage);

        harness.Time.SetUtcNow(TenWorkingDaysDue);
        var closed = await harness.WaitForStage(submitted.CaseId, CaseStage.Closed);

        Assert.Equal(CaseOutcome.Withdrawn, closed.Outcome);
        Assert.Contains("2017-03-06", closed.OutcomeReason);
        Assert.Empty(closed.Awaiting);
        Assert.Equal(0, await harness.ScalarAsync("SELECT COUNT(*) FROM ov_timers WHERE case_id = $c AND NOT fired", ("$c", submitted.CaseId)));
        await Assert.ThrowsAsync<CaseClosedException>(() => harness.Cases.SupplyDocumentsAsync(submitted.CaseId, new SuppliedDocuments([new HeldDocument("lease_contract")])));
    }

    [Fact]
    public async Task SupplyDocumentsAsync_PartialSupplement_KeepsTheNoticesLastDayAndRemindsOfWhatIsStillOwed()
    {
        var escalations = new EscalationRecorder();
        await using var harness = await Store.StartAsync(services: s => s.AddSingleton<ICaseEscalationObserver>(escalations));
        var submitted = await harness.Cases.SubmitAsync(harness.Errand("01-branch-registration.yaml", "partial"));
        var waiting = await harness.WaitForStage(submitted.CaseId, CaseStage.AwaitingSupplement);
        Assert.All(waiting.Deadlines, d => Assert.Equal((DeadlineState.NotStarted, (DateOnly?)null), (d.State, d.LastDay)));
        harness.Time.Advance(TimeSpan.FromDays(2));

        await harness.Cases.SupplyDocumentsAsync(submitted.CaseId, new SuppliedDocuments([new HeldDocument("lease_contract", IssuedOn: new DateOnly(2017, 2, 1))]));
        var still = await harness.WaitUntil(submitted.CaseId, s => s.Awaiting.Count == 1);

        var owed = still.Awaiting.Single();
        Assert.Equal(("branch_head_appointment", TenWorkingDaysOn, CaseStage.AwaitingSupplement), (owed.MaterialId, owed.LastDay!.Value, still.Stage));
        Assert.Equal(ReminderAt, await harness.PendingTimerAsync(submitted.CaseId, "reminder:supplement:2"));
        Assert.Equal(0, await harness.ScalarAsync("SELECT COUNT(*) FROM ov_timers WHERE case_id = $c AND NOT fired AND kind = 'reminder:supplement:1'", ("$c", submitted.CaseId)));
        harness.Time.SetUtcNow(ReminderAt);
        var reminder = await escalations.Next(e => e.Reason == EscalationReasons.Reminder);
        Assert.Equal("supplement:2", reminder.Limit);
        Assert.Contains("分公司负责人任职文件", reminder.What);
        Assert.DoesNotContain("房屋租赁合同", reminder.What);

        harness.Time.SetUtcNow(TenWorkingDaysDue);
        Assert.Equal(CaseOutcome.Withdrawn, (await harness.WaitForStage(submitted.CaseId, CaseStage.Closed)).Outcome);
    }

    [Fact]
    public async Task Deadline_ApplicantAskMissed_RemindsThenWithdrawsTheCaseByDefault()
    {
        var escalations = new EscalationRecorder();
        await using var harness = await Store.StartAsync(d => d.Answers[Registry] = SimulatedAnswer.Refuse, services: s => s.AddSingleton<ICaseEscalationObserver>(escalations));
        var submitted = await harness.Cases.SubmitAsync(harness.Errand("04-housing-fund-rent-withdrawal.yaml", "ask"));
        var asked = await harness.WaitUntil(submitted.CaseId, s => s.Awaiting.Any(a => a.Kind == "applicant"));
        var ask = asked.Awaiting.Single();
        Assert.Equal(("applicant", Certificate, TenWorkingDaysOn, TenWorkingDaysDue), (ask.From, ask.MaterialId, ask.LastDay!.Value, ask.Due!.Value));
        Assert.Equal(ReminderAt, await harness.PendingTimerAsync(submitted.CaseId, $"reminder:ask:{Certificate}"));

        harness.Time.SetUtcNow(ReminderAt);
        var reminder = await escalations.Next(e => e.Reason == EscalationReasons.Reminder);
        Assert.Equal(($"ask:{Certificate}", TenWorkingDaysDue), (reminder.Limit, reminder.Due));
        Assert.Single(await harness.Audit.ForCaseAsync(submitted.CaseId), a => a.Action == AuditActions.Reminded && a.Detail.Contains("2017-03-06", StringComparison.Ordinal));

        harness.Time.SetUtcNow(TenWorkingDaysDue);
        var closed = await harness.WaitForStage(submitted.CaseId, CaseStage.Closed);

        Assert.Equal(CaseOutcome.Withdrawn, closed.Outcome);
        Assert.Equal("missed", closed.Evidence.Single().State);
        Assert.Null(closed.Delivery);
        Assert.Empty(closed.ForOfficer);
        var audit = await harness.Audit.ForCaseAsync(submitted.CaseId);
        Assert.Contains(audit, a => a.Action == AuditActions.DeadlineMissed);
        Assert.DoesNotContain(audit, a => a.Action == AuditActions.Escalated);
        await Assert.ThrowsAsync<CaseClosedException>(() => harness.Cases.SignCommitmentAsync(submitted.CaseId, new SignedCommitment(Certificate)));
    }

    [Theory]
    [InlineData(SimulatedAnswer.Refuse, false)]
    [InlineData(SimulatedAnswer.NotFound, true)]
    public async Task Deadline_ApplicantAskMissedWhenCatalogueSaysOfficerDecides_GoesToTheOfficer(SimulatedAnswer answer, bool approved)
    {
        using var catalogue = TempCatalogue.Copy(RepositoryRoot.SampleCatalogue);
        catalogue.Edit(HousingFund, yaml => yaml.Replace(HousingFundChannels, "supplement:\n  on_missed: officer_decides\n" + HousingFundChannels, StringComparison.Ordinal));
        var escalations = new EscalationRecorder();
        await using var harness = await Store.StartAsync(d => d.Answers[Registry] = answer, services: s => s.AddSingleton<ICaseEscalationObserver>(escalations), catalog: catalogue.Path);
        var submitted = await harness.Cases.SubmitAsync(harness.Errand("04-housing-fund-rent-withdrawal.yaml", "officer"));
        var asked = await harness.WaitUntil(submitted.CaseId, s => s.Awaiting.Any(a => a.Kind == "applicant"));
        Assert.Equal((Certificate, TenWorkingDaysOn), (asked.Awaiting.Single().MaterialId, asked.Awaiting.Single().LastDay!.Value));
        Assert.Equal(MissedDeadline.OfficerDecides, harness.Catalog.Procedures["330100-SC-0004"].Supplement!.OnMissed);

        harness.Time.SetUtcNow(TenWorkingDaysDue);
        var missed = await escalations.Next(e => e.Reason == EscalationReasons.MissedByApplicant);
        var review = await harness.WaitForStage(submitted.CaseId, CaseStage.UnderReview);

        Assert.Equal(($"ask:{Certificate}", true, "hz_housing_fund", TenWorkingDaysDue), (missed.Limit, missed.Passed, missed.AuthorityId, missed.Due));
        Assert.Equal("missed", review.Evidence.Single().State);
        var weigh = Assert.Single(review.ForOfficer);
        Assert.Equal(missed.What, weigh);
        Assert.Contains(harness.Catalog.Documents[Certificate].Name.Text, weigh);
        Assert.Contains("2017-03-06", weigh);
        var decide = Assert.Single(review.Awaiting);
        Assert.Equal(("decision", "decide"), (decide.Kind, decide.Action));
        Assert.Contains(weigh, decide.What);
        Assert.Null(review.ClockPausedFor);
        var audit = await harness.Audit.ForCaseAsync(submitted.CaseId);
        Assert.Equal(weigh, Assert.Single(audit, a => a.Action == AuditActions.DeadlineMissed).Detail);
        Assert.Contains("officer_decides", Assert.Single(audit, a => a.Action == AuditActions.Escalated && a.Detail.StartsWith(weigh, StringComparison.Ordinal)).Detail);
        Assert.Contains(audit, a => a.Action == AuditActions.Routed && a.Detail.Contains(weigh, StringComparison.Ordinal));
        Assert.DoesNotContain(audit, a => a.Action == AuditActions.Withdrawn);

        await harness.Cases.DecideAsync(submitted.CaseId, new OfficerDecision(approved, Reason: approved ? null : "no proof of not owning a home"));
        var closed = await harness.WaitForStage(submitted.CaseId, CaseStage.Closed);
        Assert.Equal(approved ? CaseOutcome.Approved : CaseOutcome.Refused, closed.Outcome);
        Assert.Empty(closed.Awaiting);
    }

    [Fact]
    public async Task SupplyDocumentsAsync_GapSuppliedInTime_LetsTheCaseGoOnToReview()
    {
        var escalations = new EscalationRecorder();
        await using var harness = await Store.StartAsync(services: s => s.AddSingleton<ICaseEscalationObserver>(escalations));
        var submitted = await harness.Cases.SubmitAsync(FoodLicence("gap-in-time"));
        var owing = await WaitForGap(harness, submitted.CaseId);

        Assert.Equal(ReminderAt, await harness.PendingTimerAsync(submitted.CaseId, $"reminder:gap:{HouseRules}"));
        Assert.Equal(TenWorkingDaysDue, await harness.PendingTimerAsync(submitted.CaseId, "timeout"));
        Assert.NotEqual(CaseStage.UnderReview, owing.Stage);
        harness.Time.SetUtcNow(ReminderAt);
        var reminder = await escalations.Next(e => e.Reason == EscalationReasons.Reminder);
        Assert.Equal($"gap:{HouseRules}", reminder.Limit);

        await harness.Cases.SupplyDocumentsAsync(submitted.CaseId, new SuppliedDocuments([new HeldDocument(HouseRules)]));
        var review = await harness.WaitForStage(submitted.CaseId, CaseStage.UnderReview);

        Assert.Equal("supplied", review.AcceptedGaps.Single().State);
        Assert.DoesNotContain(review.Awaiting, a => a.Kind == "gap");
        Assert.Equal(0, await harness.ScalarAsync("SELECT COUNT(*) FROM ov_timers WHERE case_id = $c AND NOT fired AND kind IN ('timeout', $r)", ("$c", submitted.CaseId), ("$r", $"reminder:gap:{HouseRules}")));
        Assert.Contains(await harness.Audit.ForCaseAsync(submitted.CaseId), a => a.Action == AuditActions.Supplemented && a.Actor.StartsWith("applicant:", StringComparison.Ordinal));

        // Its deadline passing later changes nothing: the wait was settled, so the late supply is refused as such.
        harness.Time.SetUtcNow(TenWorkingDaysDue);
        await harness.Cases.DecideAsync(submitted.CaseId, new OfficerDecision(Approved: true));
        Assert.Equal(CaseOutcome.Approved, (await harness.WaitForStage(submitted.CaseId, CaseStage.Closed)).Outcome);
    }

    [Fact]
    public async Task Deadline_GapMissed_WithdrawsTheCase()
    {
        await using var harness = await Store.StartAsync();
        var submitted = await harness.Cases.SubmitAsync(FoodLicence("gap-missed"));
        await WaitForGap(harness, submitted.CaseId);

        harness.Time.SetUtcNow(TenWorkingDaysDue);
        var closed = await harness.WaitForStage(submitted.CaseId, CaseStage.Closed);

        Assert.Equal(CaseOutcome.Withdrawn, closed.Outcome);
        Assert.Contains("2017-03-06", closed.OutcomeReason);
        Assert.Contains(harness.Catalog.Documents[HouseRules].Name.Text, closed.OutcomeReason);
        Assert.Equal("missed", closed.AcceptedGaps.Single().State);
        Assert.Empty(closed.Awaiting);
        Assert.Null(closed.Delivery);
        Assert.All(closed.Evidence, e => Assert.Equal("received", e.State));
        await Assert.ThrowsAsync<CaseClosedException>(() => harness.Cases.SupplyDocumentsAsync(submitted.CaseId, new SuppliedDocuments([new HeldDocument(HouseRules)])));
    }

    [Fact]
    public async Task Deadline_GapMissedWhenItsExemptionSaysOfficerDecides_GoesToTheOfficer()
    {
        // The sample catalogue as shipped: the drainage permit's water-quality report is accepted with a gap of
        // fifteen working days (last day Monday 2017-03-13) and on_missed: officer_decides, while the procedure's
        // own supplement says withdraw; the gap's word is the one that counts for the gap.
        var escalations = new EscalationRecorder();
        await using var harness = await Store.StartAsync(services: s => s.AddSingleton<ICaseEscalationObserver>(escalations));
        var submitted = await harness.Cases.SubmitAsync(DrainagePermit("gap-officer"));
        var owing = await harness.WaitUntil(submitted.CaseId, s => s.Awaiting.Any(a => a.Kind == "gap") && s.Evidence.All(e => e.State == "received"));
        var gap = Assert.Single(owing.AcceptedGaps);
        Assert.Equal((WaterReport, FifteenWorkingDaysOn, "owed", "officer_decides"), (gap.MaterialId, gap.LastDay, gap.State, gap.OnMissed));
        Assert.Equal(FifteenWorkingDaysDue, await harness.PendingTimerAsync(submitted.CaseId, "timeout"));

        harness.Time.SetUtcNow(FifteenWorkingDaysDue);
        var missed = await escalations.Next(e => e.Reason == EscalationReasons.MissedByApplicant);
        var review = await harness.WaitForStage(submitted.CaseId, CaseStage.UnderReview);

        Assert.Equal(($"gap:{WaterReport}", true, Drainage, FifteenWorkingDaysDue), (missed.Limit, missed.Passed, missed.AuthorityId, missed.Due));
        Assert.Equal("missed", review.AcceptedGaps.Single().State);
        var weigh = Assert.Single(review.ForOfficer);
        Assert.Equal(missed.What, weigh);
        Assert.Contains(harness.Catalog.Documents[WaterReport].Name.Text, weigh);
        Assert.Contains("2017-03-13", weigh);
        Assert.Equal(("decision", "decide"), (review.Awaiting.Single().Kind, review.Awaiting.Single().Action));
        var audit = await harness.Audit.ForCaseAsync(submitted.CaseId);
        Assert.Equal(weigh, Assert.Single(audit, a => a.Action == AuditActions.DeadlineMissed).Detail);
        Assert.Contains("officer_decides", Assert.Single(audit, a => a.Action == AuditActions.Escalated && a.Detail.StartsWith(weigh, StringComparison.Ordinal)).Detail);
        Assert.DoesNotContain(audit, a => a.Action == AuditActions.Withdrawn);

        await harness.Cases.DecideAsync(submitted.CaseId, new OfficerDecision(Approved: true));
        var closed = await harness.WaitForStage(submitted.CaseId, CaseStage.Closed);
        Assert.Equal((CaseOutcome.Approved, ResultDelivery.Mail), (closed.Outcome, closed.Delivery));
    }

    [Fact]
    public async Task SubmitAsync_GapInAProcedureThatFetchesNothing_IsWaitedFor()
    {
        // A copy of the sample catalogue where the food licence fetches nothing: the business licence and the ID card
        // are handed in, so the gap is the only thing the case waits for after acceptance.
        using var catalogue = TempCatalogue.Copy(RepositoryRoot.SampleCatalogue);
        catalogue.Edit("procedures/330100-sc-0012-food-business-licence.yaml", yaml => yaml
            .Replace("    exemptions:\n      - kind: e_licence         # [P]\n      - kind: data_sharing      # [P]\n", "", StringComparison.Ordinal)
            .Replace("    form: copy\n    exemptions:\n      - kind: data_sharing      # [P]\n  - id: floor_plan", "    form: copy\n  - id: floor_plan", StringComparison.Ordinal));
        await using var harness = await Store.StartAsync(catalog: catalogue.Path);
        var submission = FoodLicence("gap-only");
        submission = submission with
        {
            Application = submission.Application with
            {
                Documents = [.. submission.Application.Documents, new HeldDocument("business_licence", IssuedOn: new DateOnly(2016, 5, 1)), new HeldDocument("resident_id_card", IssuedOn: new DateOnly(2012, 5, 4), ExpiresOn: new DateOnly(2032, 5, 4))],
            },
        };
        var submitted = await harness.Cases.SubmitAsync(submission);
        var owing = await WaitForGap(harness, submitted.CaseId);

        Assert.Empty(owing.Evidence);
        Assert.Equal(CaseStage.Accepted, owing.Stage);
        Assert.Equal(TenWorkingDaysDue, await harness.PendingTimerAsync(submitted.CaseId, "timeout"));
        harness.Time.SetUtcNow(TenWorkingDaysDue);
        Assert.Equal(CaseOutcome.Withdrawn, (await harness.WaitForStage(submitted.CaseId, CaseStage.Closed)).Outcome);
    }

    [Fact]
    public async Task Deadline_LaterAnswerNotGivenByItsOwnDate_AsksTheApplicant()
    {
        // The registry expects to answer on Thursday at noon: later than the host's one-day default, which must not cut it short.
        var expected = Local(2017, 2, 23, 12);
        await using var harness = await Store.StartAsync(workflows: w => w.AddEvidenceProvider(Registry, new AnswersLater(expected)));
        var submitted = await harness.Cases.SubmitAsync(harness.Errand("04-housing-fund-rent-withdrawal.yaml", "later"));
        var waiting = await harness.WaitUntil(submitted.CaseId, s => s.Evidence.Any(e => e.State == "waiting"));

        var item = Assert.Single(waiting.Awaiting);
        Assert.Equal(("evidence", Registry, "answer", Certificate), (item.Kind, item.From, item.Action, item.MaterialId));
        Assert.Equal((expected, new DateOnly(2017, 2, 23), false), (item.Due!.Value, item.LastDay!.Value, item.Overdue));
        Assert.Equal(expected, await harness.PendingTimerAsync(submitted.CaseId, "timeout"));
        harness.Time.Advance(TimeSpan.FromDays(1) + TimeSpan.FromHours(1));
        Assert.Equal("waiting", (await harness.Cases.GetAsync(submitted.CaseId)).Evidence.Single().State);

        harness.Time.SetUtcNow(expected);
        var asked = await harness.WaitUntil(submitted.CaseId, s => s.Awaiting.Any(a => a.Kind == "applicant"));

        Assert.Contains("the date it gave", asked.Evidence.Single().Note);
        // The applicant's own ask runs ten working days from the registry's date: Thursday 2017-03-09.
        Assert.Equal(new DateOnly(2017, 3, 9), asked.Awaiting.Single().LastDay);
        // The registry's answer after its own date is refused (the race itself is a conflict; see ConcurrencyTests).
        var late = await Assert.ThrowsAsync<UnexpectedCaseEventException>(() => harness.Cases.AnswerEvidenceAsync(submitted.CaseId, Certificate, EvidenceResponse.Issued("HZ-RE-LATE")));
        Assert.Contains("no longer waits", late.Message);
        Assert.Equal("awaiting_applicant", (await harness.Cases.GetAsync(submitted.CaseId)).Evidence.Single().State);
    }

    [Fact]
    public async Task Deadline_ResultNotCollected_ClosesTheCaseApprovedWithTheResultKept()
    {
        var escalations = new EscalationRecorder();
        await using var harness = await Store.StartAsync(services: s => s.AddSingleton<ICaseEscalationObserver>(escalations));
        var submitted = await harness.Cases.SubmitAsync(harness.Errand("02-vehicle-transfer-out.yaml", "pickup"));
        var review = await harness.WaitForStage(submitted.CaseId, CaseStage.UnderReview);
        await harness.Cases.DecideAsync(submitted.CaseId, new OfficerDecision(Approved: true));
        var ready = await harness.WaitForStage(submitted.CaseId, CaseStage.AwaitingPickup);

        // Twenty working days from Monday 2017-02-20: Monday 2017-03-20; reminded at the end of Thursday 2017-03-16.
        var pickup = Assert.Single(ready.Awaiting);
        Assert.Equal(("pickup", "applicant", "pick_up", new DateOnly(2017, 3, 20), Local(2017, 3, 21)), (pickup.Kind, pickup.From, pickup.Action, pickup.LastDay!.Value, pickup.Due!.Value));
        Assert.Equal(Local(2017, 3, 17), await harness.PendingTimerAsync(submitted.CaseId, "reminder:pickup"));
        harness.Time.SetUtcNow(Local(2017, 3, 17));
        Assert.Equal("pickup", (await escalations.Next(e => e.Reason == EscalationReasons.Reminder)).Limit);

        harness.Time.SetUtcNow(Local(2017, 3, 21));
        var closed = await harness.WaitForStage(submitted.CaseId, CaseStage.Closed);

        Assert.Equal(CaseOutcome.Approved, closed.Outcome);
        Assert.Contains("not collected by the end of 2017-03-20", closed.OutcomeReason);
        Assert.Equal(ResultDelivery.Pickup, closed.Delivery);
        Assert.Empty(closed.Awaiting);
        Assert.Equal(0, closed.VisitsMade);
        Assert.Contains(await harness.Audit.ForCaseAsync(submitted.CaseId), a => a.Action == AuditActions.DeadlineMissed);
        await Assert.ThrowsAsync<CaseClosedException>(() => harness.Cases.ConfirmPickupAsync(submitted.CaseId));
    }

    /// <summary>
    /// A food business licence (330100-SC-0012) handed in on the founding morning without the house food-safety
    /// rules, which the procedure accepts with a gap (容缺) of ten working days: last day 2017-03-06.
    /// </summary>
    internal static CaseSubmission FoodLicence(string key) => new()
    {
        IdempotencyKey = key,
        ApplicantId = "91330102MA2800001X",
        Application = new PrecheckRequest
        {
            ProcedureCode = "330100-SC-0012",
            AsOf = new DateOnly(2017, 2, 20),
            Documents =
            [
                new HeldDocument("food_licence_application", IssuedOn: new DateOnly(2017, 2, 20)),
                new HeldDocument("premises_floor_plan", IssuedOn: new DateOnly(2017, 2, 10)),
                new HeldDocument("food_safety_manager_proof", IssuedOn: new DateOnly(2017, 2, 10)),
            ],
        },
    };

    /// <summary>
    /// A drainage permit (330100-SC-0014) for a business that discharges industrial wastewater, handed in on the
    /// founding morning without the water-quality report, which the procedure accepts with a gap of fifteen working
    /// days; the business licence is fetched as an e-licence.
    /// </summary>
    internal static CaseSubmission DrainagePermit(string key) => new()
    {
        IdempotencyKey = key,
        ApplicantId = "91330102MA2800002X",
        Application = new PrecheckRequest
        {
            ProcedureCode = "330100-SC-0014",
            AsOf = new DateOnly(2017, 2, 20),
            Facts = new Dictionary<string, object?>
            {
                ["venue.discharges_to_sewer"] = true,
                ["venue.serves_food"] = false,
                ["venue.discharges_industrial_wastewater"] = true,
            },
            Documents =
            [
                new HeldDocument("drainage_permit_application", IssuedOn: new DateOnly(2017, 2, 20)),
                new HeldDocument("drainage_plan", IssuedOn: new DateOnly(2017, 2, 10)),
            ],
        },
    };

    /// <summary>Waits until the case owes its gap (and has every document it fetches), and checks how the gap is shown.</summary>
    internal static async Task<CaseSnapshot> WaitForGap(CaseHarness harness, string caseId)
    {
        var owing = await harness.WaitUntil(caseId, s => s.Stage != CaseStage.Submitted && s.Awaiting.Any(a => a.Kind == "gap") && s.Evidence.All(e => e.State == "received"));
        var gap = owing.Awaiting.Single(a => a.Kind == "gap");
        var name = harness.Catalog.Documents[HouseRules].Name.Text;
        Assert.Equal(("applicant", "supply", HouseRules, name), (gap.From, gap.Action, gap.MaterialId, gap.What));
        Assert.Equal((TenWorkingDaysOn, TenWorkingDaysDue, false), (gap.LastDay!.Value, gap.Due!.Value, gap.Overdue));
        var accepted = Assert.Single(owing.AcceptedGaps);
        Assert.Equal((HouseRules, name, TenWorkingDaysOn, "owed"), (accepted.MaterialId, accepted.DocumentName, accepted.LastDay, accepted.State));
        return owing;
    }

    /// <summary>A department that answers "later, by this date".</summary>
    private sealed class AnswersLater(DateTimeOffset expected) : IEvidenceProvider
    {
        public Task<EvidenceResponse> RequestAsync(EvidenceRequest request, CancellationToken cancellationToken) =>
            Task.FromResult(EvidenceResponse.Later(expected));
    }
}

public sealed class SqliteWaitsEndTests() : WaitsEndCases(CaseStore.Sqlite);

[Collection(PostgresCollection.Name)]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class PostgresWaitsEndTests(PostgresClusterFixture postgres) : WaitsEndCases(CaseStore.PostgreSql(postgres));
