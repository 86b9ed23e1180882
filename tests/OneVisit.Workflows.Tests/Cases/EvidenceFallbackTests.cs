using OneVisit.Workflows.Audit;
using OneVisit.Workflows.Cases;
using OneVisit.Workflows.Commitments;
using OneVisit.Workflows.Evidence;
using OneVisit.Workflows.Simulation;
using OneVisit.Workflows.Tests.Support;

namespace OneVisit.Workflows.Tests.Cases;

/// <summary>When a department answers later, not at all, or cannot help.</summary>
public sealed class EvidenceFallbackTests
{
    private const string Registry = "hz_real_estate_registry";

    [Fact]
    public async Task AnswerEvidenceAsync_LaterAnswer_IsWaitedForAndResumesTheCase()
    {
        await using var harness = await CaseHarness.StartAsync(d => d.Answers[Registry] = SimulatedAnswer.Later);
        var submitted = await harness.Cases.SubmitAsync(harness.Errand("04-housing-fund-rent-withdrawal.yaml", "later"));

        var waiting = await harness.WaitUntil(submitted.CaseId, s => s.Evidence.Any(e => e.State == "waiting"));
        Assert.Equal(Registry, waiting.Awaiting.Single().From);
        Assert.Equal(harness.Time.GetUtcNow().AddHours(4), waiting.Awaiting.Single().Due);
        await harness.Cases.AnswerEvidenceAsync(submitted.CaseId, "no_housing_certificate", EvidenceResponse.Issued("HZ-RE-2017-0001"));

        var review = await harness.WaitForStage(submitted.CaseId, CaseStage.UnderReview);
        Assert.Equal("HZ-RE-2017-0001", review.Evidence.Single().Note);
    }

    [Fact]
    public async Task AnswerEvidenceAsync_LaterAnswerPastItsOwnDate_OffersTheCommitmentAndStopsTheClockMeanwhile()
    {
        await using var harness = await CaseHarness.StartAsync(d => d.Answers[Registry] = SimulatedAnswer.Later);
        var submitted = await harness.Cases.SubmitAsync(harness.Errand("04-housing-fund-rent-withdrawal.yaml", "timeout"));
        var waiting = await harness.WaitUntil(submitted.CaseId, s => s.Evidence.Any(e => e.State == "waiting"));
        var dueBefore = waiting.Deadlines.Single(d => d.Kind == "statutory").Due;

        // The registry said "later, in four hours": that estimate is the due date, not the host's one-day default.
        harness.Time.Advance(TimeSpan.FromHours(3));
        await Assert.ThrowsAsync<TimeoutException>(() => harness.Cases.WaitUntilAsync(submitted.CaseId, s => s.Awaiting.Any(a => a.Kind == "applicant"), TimeSpan.FromMilliseconds(300)));
        harness.Time.Advance(TimeSpan.FromHours(1));
        var asked = await harness.WaitUntil(submitted.CaseId, s => s.Awaiting.Any(a => a.Kind == "applicant"));
        var ask = asked.Awaiting.Single();
        Assert.Contains("commitment", ask.What);
        Assert.Equal(("supply_or_commit", new DateOnly(2017, 3, 6)), (ask.Action, ask.LastDay));
        Assert.DoesNotContain("later, expected", asked.Evidence.Single().Note);
        Assert.Contains("no answer", asked.Evidence.Single().Note);
        Assert.NotNull(asked.ClockPausedFor);
        Assert.Equal(DeadlineState.Paused, asked.Deadlines.Single(d => d.Kind == "statutory").State);

        harness.Time.Advance(TimeSpan.FromDays(3));
        await harness.Cases.SignCommitmentAsync(submitted.CaseId, new SignedCommitment("no_housing_certificate"));
        var review = await harness.WaitForStage(submitted.CaseId, CaseStage.UnderReview);

        Assert.Null(review.ClockPausedFor);
        Assert.True(review.Deadlines.Single(d => d.Kind == "statutory").Due > dueBefore, "paused days move the due date");
        var ledger = await harness.Commitments.ForCaseAsync(submitted.CaseId);
        Assert.Equal(CommitmentKind.Verify, Assert.Single(ledger).Kind);
        var audit = await harness.Audit.ForCaseAsync(submitted.CaseId);
        Assert.Contains(audit, a => a.Action == AuditActions.EvidenceTimedOut);
        Assert.Contains(audit, a => a.Action == AuditActions.CommitmentSigned && a.Actor.StartsWith("applicant:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnswerEvidenceAsync_Refusal_AsksTheApplicantAtOnce()
    {
        await using var harness = await CaseHarness.StartAsync(d => d.Answers[Registry] = SimulatedAnswer.Refuse);
        var submitted = await harness.Cases.SubmitAsync(harness.Errand("04-housing-fund-rent-withdrawal.yaml", "refused"));

        await harness.WaitUntil(submitted.CaseId, s => s.Awaiting.Any(a => a.Kind == "applicant"));
        await harness.Cases.SupplyDocumentsAsync(submitted.CaseId, new SuppliedDocuments([new Rules.Precheck.HeldDocument("no_housing_certificate")]));

        var review = await harness.WaitForStage(submitted.CaseId, CaseStage.UnderReview);
        Assert.Equal("supplied", review.Evidence.Single().State);
    }

    [Fact]
    public async Task ForSubjectAsync_WhoLookedAtASubjectsData_IsAnsweredBySubject()
    {
        await using var harness = await CaseHarness.StartAsync();
        var submission = harness.Errand("04-housing-fund-rent-withdrawal.yaml", "subject", applicant: "330102199002020022");
        var submitted = await harness.Cases.SubmitAsync(submission);
        await harness.WaitForStage(submitted.CaseId, CaseStage.UnderReview);

        var entries = await harness.Audit.ForSubjectAsync("330102199002020022");
        var request = Assert.Single(entries, e => e.Action == AuditActions.EvidenceRequested);
        Assert.Contains("no_housing_certificate", request.DataRequested);
        Assert.Contains(Registry, request.DataRequested);
        Assert.Contains("住房公积金", request.Purpose);
    }
}
