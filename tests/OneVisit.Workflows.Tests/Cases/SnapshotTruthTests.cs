using Microsoft.Extensions.DependencyInjection;
using OneVisit.Rules.Catalog;
using OneVisit.Rules.Precheck;
using OneVisit.Workflows.Audit;
using OneVisit.Workflows.Cases;
using OneVisit.Workflows.Deadlines;
using OneVisit.Workflows.Evidence;
using OneVisit.Workflows.Simulation;
using OneVisit.Workflows.Tests.Support;
using static OneVisit.Workflows.Tests.Cases.WaitsEndCases;

namespace OneVisit.Workflows.Tests.Cases;

/// <summary>A snapshot tells the truth in every state a case ends in or can be stuck in: no wait that is over, no clock that is not running.</summary>
public sealed class SnapshotTruthTests
{
    [Fact]
    public async Task GetAsync_CaseNotAdmitted_RunsNoClockAsksNoDepartmentAndDeliversNothing()
    {
        await using var harness = await CaseHarness.StartAsync();
        var submitted = await harness.Cases.SubmitAsync(CaseHarness.WithFacts(harness.Errand("02-vehicle-transfer-out.yaml", "seized"), f => f["vehicle.is_seized"] = true));

        var closed = await harness.WaitForStage(submitted.CaseId, CaseStage.Closed);

        Assert.Equal(CaseOutcome.NotAdmitted, closed.Outcome);
        Assert.NotEmpty(closed.Deadlines);
        Assert.All(closed.Deadlines, d => Assert.Equal((DeadlineState.Stopped, (DateOnly?)null, (DateTimeOffset?)null, (bool?)null), (d.State, d.LastDay, d.Due, d.Met)));
        var licence = Assert.Single(closed.Evidence);
        Assert.Equal("not_requested", licence.State);
        Assert.Empty(closed.Awaiting);
        Assert.Null(closed.Delivery);
        Assert.Null(closed.ClockPausedFor);
        Assert.Empty(harness.Departments.Received);
        Assert.DoesNotContain(await harness.Audit.ForCaseAsync(submitted.CaseId), a => a.Action == AuditActions.EvidenceRequested);
    }

    [Fact]
    public async Task GetAsync_WithdrawnCase_ShowsWhatCameWhatWasMissedAndWhatWasCancelled()
    {
        // Branch registration, supplemented at once: the property register refuses (the applicant is asked and never
        // answers), the provincial market regulator never answers at all, the others issue.
        var silent = new SilentDepartment();
        await using var harness = await CaseHarness.StartAsync(
            d => d.Answers[Registry] = SimulatedAnswer.Refuse,
            options: o => o.EvidenceTimeout = TimeSpan.FromDays(60),
            workflows: w => w.AddEvidenceProvider("zj_amr", silent));
        var submitted = await harness.Cases.SubmitAsync(harness.Errand("01-branch-registration.yaml", "withdrawn"));
        await harness.WaitForStage(submitted.CaseId, CaseStage.AwaitingSupplement);
        await harness.Cases.SupplyDocumentsAsync(submitted.CaseId, new SuppliedDocuments(
        [
            new HeldDocument("lease_contract", IssuedOn: new DateOnly(2017, 2, 1)),
            new HeldDocument("branch_head_appointment", IssuedOn: new DateOnly(2017, 2, 15)),
        ]));
        var stuck = await harness.WaitUntil(submitted.CaseId, s => s.Evidence.Count(e => e.State == "received") == 2 && s.Evidence.Any(e => e.State == "awaiting_applicant"));
        Assert.Equal("requested", stuck.Evidence.Single(e => e.DepartmentId == "zj_amr").State);
        await silent.Asked.Task.WaitAsync(TimeSpan.FromSeconds(30));

        harness.Time.SetUtcNow(TenWorkingDaysDue);
        var closed = await harness.WaitForStage(submitted.CaseId, CaseStage.Closed);

        Assert.Equal(CaseOutcome.Withdrawn, closed.Outcome);
        Assert.Empty(closed.Awaiting);
        Assert.Null(closed.Delivery);
        Assert.Null(closed.ClockPausedFor);
        Assert.Equal(["cancelled", "missed", "received", "received"], closed.Evidence.Select(e => e.State).Order());
        Assert.Equal("cancelled", closed.Evidence.Single(e => e.DepartmentId == "zj_amr").State);
        Assert.Equal("missed", closed.Evidence.Single(e => e.DepartmentId == Registry).State);
        Assert.All(closed.Deadlines, d => Assert.Equal(DeadlineState.Stopped, d.State));
        Assert.DoesNotContain(closed.Evidence, e => e.State is "pending" or "requested" or "waiting" or "awaiting_applicant");
    }

    [Fact]
    public async Task GetAsync_OpenCasePastItsStatutoryLimit_ShowsItMissedWithTheDateTheEscalationGave()
    {
        var escalations = new EscalationRecorder();
        await using var harness = await CaseHarness.StartAsync(services: s => s.AddSingleton<ICaseEscalationObserver>(escalations));
        var submitted = await harness.Cases.SubmitAsync(harness.Errand("03-company-name-province.yaml", "overdue"));
        var review = await harness.WaitForStage(submitted.CaseId, CaseStage.UnderReview);
        var statutory = review.Deadlines.Single(d => d.Kind == "statutory");
        Assert.Equal((DeadlineState.Running, TenWorkingDaysOn, TenWorkingDaysDue), (statutory.State, statutory.LastDay!.Value, statutory.Due!.Value));

        // The instant the limit's last day ends, the limit has passed: the escalation says so, and so must the snapshot.
        harness.Time.SetUtcNow(TenWorkingDaysDue);
        var passed = await escalations.Next(e => e.Limit == "statutory" && e.Passed);
        var overdue = await harness.Cases.GetAsync(submitted.CaseId);

        Assert.Equal(CaseStage.UnderReview, overdue.Stage);
        statutory = overdue.Deadlines.Single(d => d.Kind == "statutory");
        Assert.Equal((DeadlineState.Missed, (bool?)false), (statutory.State, statutory.Met));
        Assert.Equal(passed.Due, statutory.Due);
        var line = Assert.Single(await harness.Audit.ForCaseAsync(submitted.CaseId), a => a.Action == AuditActions.Escalated && a.Detail.StartsWith("The statutory", StringComparison.Ordinal) && a.Detail.EndsWith("has passed", StringComparison.Ordinal));
        Assert.Contains($"due by the end of {statutory.LastDay:yyyy-MM-dd}", line.Detail);
        Assert.Equal(passed.What, line.Detail);
        Assert.All(overdue.Deadlines, d => Assert.Equal(DeadlineState.Missed, d.State));
        var decide = Assert.Single(overdue.Awaiting);
        Assert.True(decide.Overdue);

        // Decided late, the limit stays missed once the case is closed.
        await harness.Cases.DecideAsync(submitted.CaseId, new OfficerDecision(Approved: true));
        var closed = await harness.WaitForStage(submitted.CaseId, CaseStage.Closed);
        Assert.Equal(DeadlineState.Missed, closed.Deadlines.Single(d => d.Kind == "statutory").State);
    }

    [Fact]
    public async Task GetAsync_EscalationAfterAPause_NamesTheSnapshotsLastDay()
    {
        // Errand 4 on its three calendar days, paused two weeks while the applicant is asked for the certificate.
        var escalations = new EscalationRecorder();
        await using var harness = await CaseHarness.StartAsync(d => d.Answers[Registry] = SimulatedAnswer.NotFound, services: s => s.AddSingleton<ICaseEscalationObserver>(escalations));
        var submitted = await harness.Cases.SubmitAsync(harness.Errand("04-housing-fund-rent-withdrawal.yaml", "paused"));
        await harness.WaitUntil(submitted.CaseId, s => s.Awaiting.Any(a => a.Kind == "applicant"));
        harness.Time.SetUtcNow(Local(2017, 3, 6, 10));
        await harness.Cases.SupplyDocumentsAsync(submitted.CaseId, new SuppliedDocuments([new HeldDocument(Certificate)]));
        var review = await harness.WaitForStage(submitted.CaseId, CaseStage.UnderReview);
        var statutory = review.Deadlines.Single(d => d.Kind == "statutory");
        Assert.Equal(DeadlineState.Running, statutory.State);

        harness.Time.SetUtcNow(statutory.Due!.Value);
        var passed = await escalations.Next(e => e.Limit == "statutory" && e.Passed);

        Assert.Equal(statutory.Due, passed.Due);
        Assert.Contains($"due by the end of {statutory.LastDay:yyyy-MM-dd}", passed.What);
        Assert.Equal(DeadlineState.Missed, (await harness.Cases.GetAsync(submitted.CaseId)).Deadlines.Single(d => d.Kind == "statutory").State);
    }

    [Fact]
    public async Task GetAsync_CaseApprovedInTime_ShowsItsLimitsMetAndItsDelivery()
    {
        await using var harness = await CaseHarness.StartAsync();
        var submitted = await harness.Cases.SubmitAsync(harness.Errand("03-company-name-province.yaml", "approved"));
        await harness.WaitForStage(submitted.CaseId, CaseStage.UnderReview);
        harness.Time.Advance(TimeSpan.FromHours(3));
        await harness.Cases.DecideAsync(submitted.CaseId, new OfficerDecision(Approved: true));

        var closed = await harness.WaitForStage(submitted.CaseId, CaseStage.Closed);

        Assert.Equal(CaseOutcome.Approved, closed.Outcome);
        Assert.Equal(ResultDelivery.Online, closed.Delivery);
        Assert.Empty(closed.Awaiting);
        Assert.Equal("received", closed.Evidence.Single().State);
        var statutory = closed.Deadlines.Single(d => d.Kind == "statutory");
        Assert.Equal((DeadlineState.Met, (bool?)true, TenWorkingDaysOn), (statutory.State, statutory.Met, statutory.LastDay!.Value));
        var promised = closed.Deadlines.Single(d => d.Kind == "promised");
        Assert.Equal((DeadlineState.Met, new DateOnly(2017, 2, 21)), (promised.State, promised.LastDay!.Value));

        // Days later it is still met: a closed case's limits do not move with the clock.
        harness.Time.SetUtcNow(Local(2017, 4, 1));
        Assert.All((await harness.Cases.GetAsync(submitted.CaseId)).Deadlines, d => Assert.Equal(DeadlineState.Met, d.State));
    }

    [Fact]
    public async Task GetAsync_RefusedCase_DeliversNothing()
    {
        await using var harness = await CaseHarness.StartAsync();
        var submitted = await harness.Cases.SubmitAsync(harness.Errand("03-company-name-province.yaml", "refused"));
        await harness.WaitForStage(submitted.CaseId, CaseStage.UnderReview);
        await harness.Cases.DecideAsync(submitted.CaseId, new OfficerDecision(Approved: false, Reason: "name already taken"));

        var closed = await harness.WaitForStage(submitted.CaseId, CaseStage.Closed);

        Assert.Equal((CaseOutcome.Refused, "name already taken"), (closed.Outcome, closed.OutcomeReason));
        Assert.Null(closed.Delivery);
        Assert.Empty(closed.Awaiting);
        Assert.All(closed.Deadlines, d => Assert.Equal(DeadlineState.Met, d.State));
    }

    [Fact]
    public async Task GetAsync_RequestNeverAnswered_TimedOutAtTheOfficesLocalTime()
    {
        // Asked at 09:00 on Monday in Hangzhou, waited for the host's one day: "no answer by 2017-02-21 09:00", not
        // the same instant written in UTC (01:00), which nobody at the office or the applicant would read right.
        var silent = new SilentDepartment();
        await using var harness = await CaseHarness.StartAsync(workflows: w => w.AddEvidenceProvider(Registry, silent));
        // The fake clock hands back instants in the offset it was given (+08:00); the system clock's are in UTC.
        harness.Time.SetUtcNow(CaseHarness.Morning.ToUniversalTime());
        Assert.Equal(TimeSpan.Zero, harness.Time.GetUtcNow().Offset);
        var submitted = await harness.Cases.SubmitAsync(harness.Errand("04-housing-fund-rent-withdrawal.yaml", "silent"));
        var requested = await harness.WaitUntil(submitted.CaseId, s => s.Evidence.Any(e => e.State == "requested"));
        Assert.Equal(new DateOnly(2017, 2, 21), requested.Awaiting.Single().LastDay);
        await silent.Asked.Task.WaitAsync(TimeSpan.FromSeconds(30));

        harness.Time.Advance(TimeSpan.FromDays(1));
        var asked = await harness.WaitUntil(submitted.CaseId, s => s.Awaiting.Any(a => a.Kind == "applicant"));

        Assert.Contains("no answer from hz_real_estate_registry by 2017-02-21 09:00", asked.Evidence.Single().Note);
        Assert.Contains(await harness.Audit.ForCaseAsync(submitted.CaseId), a => a.Action == AuditActions.EvidenceTimedOut && a.Detail.EndsWith("no answer by 2017-02-21 09:00", StringComparison.Ordinal));
    }

    /// <summary>A department that takes every request and never answers (until the runtime stops).</summary>
    private sealed class SilentDepartment : IEvidenceProvider
    {
        public TaskCompletionSource Asked { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task<EvidenceResponse> RequestAsync(EvidenceRequest request, CancellationToken cancellationToken)
        {
            Asked.TrySetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
            throw new InvalidOperationException("unreachable");
        }
    }
}
