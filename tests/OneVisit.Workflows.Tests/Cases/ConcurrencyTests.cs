using OneVisit.Rules.Precheck;
using OneVisit.Workflows.Audit;
using OneVisit.Workflows.Cases;
using OneVisit.Workflows.Tests.Support;
using static OneVisit.Workflows.Tests.Cases.WaitsEndCases;

namespace OneVisit.Workflows.Tests.Cases;

/// <summary>
/// Calls that race each other on real SQLite, each race run many times: one idempotency key makes one case, one
/// decision is applied, and every call that loses is told so and audited.
/// </summary>
public sealed class ConcurrencyTests
{
    private const int Iterations = 20;

    [Fact]
    public async Task SubmitAsync_SameKeyTenTimesAtOnce_MakesOneCaseOneWorkflowAndOneRequestPerDocument()
    {
        await using var harness = await CaseHarness.StartAsync();
        for (var i = 0; i < Iterations; i++)
        {
            var submission = harness.Errand("04-housing-fund-rent-withdrawal.yaml", $"same-key-{i}");
            var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(() => harness.Cases.SubmitAsync(submission))));

            var caseId = Assert.Single(results.Select(r => r.CaseId).Distinct());
            Assert.Equal(1, await harness.WorkflowsOfAsync(caseId));
            Assert.Equal(i + 1, (await harness.Cases.ListAsync()).Count);
            await harness.WaitForStage(caseId, CaseStage.UnderReview);
            Assert.Single(harness.Departments.Received, r => r.CaseId == caseId);
            var audit = await harness.Audit.ForCaseAsync(caseId);
            Assert.Single(audit, a => a.Action == AuditActions.Submitted);
            Assert.Single(audit, a => a.Action == AuditActions.EvidenceRequested);
        }

        Assert.Equal(Iterations, harness.Departments.Acted);
        Assert.Equal(Iterations, await harness.ScalarAsync("SELECT COUNT(*) FROM wf_instances"));
    }

    [Fact]
    public async Task DecideAsync_Concurrent_ExactlyOneIsAppliedAndEveryOtherIsRefusedAsAConflict()
    {
        // The vehicle transfer stays open after an approval (the result waits for pickup), so every loser meets an
        // open case, however late it comes.
        await using var harness = await CaseHarness.StartAsync();
        for (var i = 0; i < Iterations; i++)
        {
            var submitted = await harness.Cases.SubmitAsync(harness.Errand("02-vehicle-transfer-out.yaml", $"decide-{i}"));
            var review = await harness.WaitForStage(submitted.CaseId, CaseStage.UnderReview);
            var officers = Enumerable.Range(1, 2 + (i % 4)).Select(k => $"officer-{i}-{k}").ToList();

            var results = await Task.WhenAll(officers.Select(officer => Task.Run(async () =>
            {
                try
                {
                    await harness.Cases.As(global::OneVisit.Workflows.Actors.CaseActor.Officer(officer, new global::OneVisit.Workflows.Actors.OfficerPost(review.AuthorityId, global::OneVisit.Workflows.Actors.OfficerRole.Reviewer))).DecideAsync(submitted.CaseId, new OfficerDecision(Approved: true));
                    return (Officer: officer, Error: (Exception?)null);
                }
                catch (Exception ex)
                {
                    return (Officer: officer, Error: ex);
                }
            })));

            var winner = Assert.Single(results, r => r.Error is null).Officer;
            var losers = results.Where(r => r.Error is not null).ToList();
            Assert.All(losers, r => Assert.IsType<CaseConflictException>(r.Error));
            var ready = await harness.WaitForStage(submitted.CaseId, CaseStage.AwaitingPickup);
            Assert.Equal(winner, ready.Decision!.OfficerId);
            var audit = await harness.Audit.ForCaseAsync(submitted.CaseId);
            Assert.Equal("officer:" + winner, Assert.Single(audit, a => a.Action == AuditActions.Decided).Actor);
            var refused = audit.Where(a => a.Action == AuditActions.AttemptRefused).ToList();
            Assert.Equal(losers.Select(l => "officer:" + l.Officer).Order(), refused.Select(a => a.Actor).Order());
            Assert.All(refused, a => Assert.Contains(nameof(CaseConflictException), a.Detail));
        }
    }

    [Fact]
    public async Task AnswerEvidenceAsync_RacingItsOwnDate_IsEitherAppliedOrRefusedNeverBothNorNeither()
    {
        var expected = CaseHarness.Morning.AddHours(4);
        await using var harness = await CaseHarness.StartAsync(d => d.Answers[Registry] = Simulation.SimulatedAnswer.Later);
        var cases = new List<string>();
        for (var i = 0; i < Iterations; i++)
        {
            var submitted = await harness.Cases.SubmitAsync(harness.Errand("04-housing-fund-rent-withdrawal.yaml", $"answer-race-{i}"));
            var waiting = await harness.WaitUntil(submitted.CaseId, s => s.Evidence.Any(e => e.State == "waiting"));
            Assert.Equal(expected, waiting.Awaiting.Single().Due);
            cases.Add(submitted.CaseId);
        }

        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var answers = cases.Select(caseId => Task.Run(async () =>
        {
            await start.Task;
            try
            {
                await harness.Cases.AnswerEvidenceAsync(caseId, Certificate, Evidence.EvidenceResponse.Issued($"HZ-RE-{caseId}"));
                return (CaseId: caseId, Error: (Exception?)null);
            }
            catch (Exception ex)
            {
                return (CaseId: caseId, Error: ex);
            }
        })).ToList();
        harness.Time.SetUtcNow(expected);
        start.SetResult();
        var results = await Task.WhenAll(answers);

        foreach (var (caseId, error) in results)
        {
            if (error is null)
            {
                var review = await harness.WaitForStage(caseId, CaseStage.UnderReview);
                Assert.Equal(("received", $"HZ-RE-{caseId}"), (review.Evidence.Single().State, review.Evidence.Single().Note));
                Assert.DoesNotContain(await harness.Audit.ForCaseAsync(caseId), a => a.Action is AuditActions.EvidenceTimedOut or AuditActions.ApplicantAsked);
            }
            else
            {
                // Lost the claim (a conflict), or came after the timeout was applied (the case no longer waits for it).
                Assert.True(error is CaseConflictException || (error is UnexpectedCaseEventException && error.Message.Contains("no longer waits", StringComparison.Ordinal)), $"{caseId}: {error}");
                var asked = await harness.WaitUntil(caseId, s => s.Awaiting.Any(a => a.Kind == "applicant"));
                Assert.Equal("awaiting_applicant", asked.Evidence.Single().State);
                var audit = await harness.Audit.ForCaseAsync(caseId);
                Assert.Single(audit, a => a.Action == AuditActions.EvidenceTimedOut);
                Assert.Single(audit, a => a.Action == AuditActions.AttemptRefused && a.Actor == "department:" + Registry);
            }
        }
    }

    [Fact]
    public async Task SupplyDocumentsAsync_RacingItsDeadline_IsEitherAppliedOrRefusedNeverBothNorNeither()
    {
        // No reminders: they would fire first, on the same timer loop, and hold the deadlines back until every
        // supplement was in.
        await using var harness = await CaseHarness.StartAsync(options: o => o.ReminderWorkingDaysBefore = 0);
        var cases = new List<string>();
        for (var i = 0; i < Iterations; i++)
        {
            var submitted = await harness.Cases.SubmitAsync(harness.Errand("01-branch-registration.yaml", $"race-{i}"));
            await harness.WaitForStage(submitted.CaseId, CaseStage.AwaitingSupplement);
            cases.Add(submitted.CaseId);
        }

        var supplement = new SuppliedDocuments(
        [
            new HeldDocument("lease_contract", IssuedOn: new DateOnly(2017, 2, 1)),
            new HeldDocument("branch_head_appointment", IssuedOn: new DateOnly(2017, 2, 15)),
        ]);
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var supplies = cases.Select(caseId => Task.Run(async () =>
        {
            await start.Task;
            try
            {
                await harness.Cases.SupplyDocumentsAsync(caseId, supplement);
                return (CaseId: caseId, Error: (Exception?)null);
            }
            catch (Exception ex)
            {
                return (CaseId: caseId, Error: ex);
            }
        })).ToList();
        // The deadlines fire one after the other as the clock reaches them, while the supplements arrive all at
        // once: the first case's timeout tends to win, the later cases' supplements (both outcomes are checked).
        harness.Time.SetUtcNow(TenWorkingDaysDue);
        start.SetResult();
        var results = await Task.WhenAll(supplies);

        foreach (var (caseId, error) in results)
        {
            if (error is null)
            {
                var review = await harness.WaitForStage(caseId, CaseStage.UnderReview);
                var audit = await harness.Audit.ForCaseAsync(caseId);
                Assert.Null(review.Outcome);
                Assert.Single(audit, a => a.Action == AuditActions.Supplemented);
                Assert.DoesNotContain(audit, a => a.Action is AuditActions.Withdrawn or AuditActions.AttemptRefused);
            }
            else
            {
                Assert.True(error is CaseConflictException or CaseClosedException, $"{caseId}: {error}");
                var closed = await harness.WaitForStage(caseId, CaseStage.Closed);
                var audit = await harness.Audit.ForCaseAsync(caseId);
                Assert.Equal(CaseOutcome.Withdrawn, closed.Outcome);
                Assert.Single(audit, a => a.Action == AuditActions.AttemptRefused && a.Actor.StartsWith("applicant:", StringComparison.Ordinal));
                Assert.DoesNotContain(audit, a => a.Action == AuditActions.Supplemented);
            }
        }
    }
}
