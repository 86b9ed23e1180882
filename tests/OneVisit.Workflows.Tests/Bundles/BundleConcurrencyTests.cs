using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OneVisit.Workflows.Audit;
using OneVisit.Workflows.Bundles;
using OneVisit.Workflows.Cases;
using OneVisit.Workflows.Cases.Internal;
using OneVisit.Workflows.Engine;
using OneVisit.Workflows.Storage;
using OneVisit.Workflows.Tests.Support;
using static OneVisit.Workflows.Tests.Bundles.BirthBundleCases;

namespace OneVisit.Workflows.Tests.Bundles;

/// <summary>
/// Bundle calls that race each other on each real store, each race run many times: one idempotency key makes one
/// bundle case, one decision of a member is applied, and members decided at once all take effect while the
/// member that consumes their outputs starts once.
/// </summary>
public abstract class BundleConcurrencyCases
{
    private protected BundleConcurrencyCases(CaseStore store) => Store = store;

    /// <summary>The store this run of the suite puts its cases on.</summary>
    private protected CaseStore Store { get; }

    private const int Iterations = 10;
    private const string Certificate = "330100-SC-0005";
    private const string Hukou = "330100-SC-0006";
    private const string Card = "330100-SC-0008";

    [Fact]
    public async Task SubmitAsync_SameKeyTenTimesAtOnce_MakesOneBundleCaseOneWorkflowAndStartsEachMemberOnce()
    {
        await using var harness = await BirthHarness(store: Store);
        for (var i = 0; i < Iterations; i++)
        {
            var submission = harness.Bundle("05-birth-bundle.yaml", $"same-bundle-key-{i}");
            var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(() => harness.Bundles.SubmitAsync(submission))));

            var bundleCaseId = Assert.Single(results.Select(r => r.BundleCaseId).Distinct());
            Assert.Equal(1, await harness.WorkflowsOfAsync(bundleCaseId));
            Assert.Equal(i + 1, await harness.ScalarAsync("SELECT COUNT(*) FROM ov_cases WHERE kind = 'bundle'"));
            var running = await harness.WaitUntilBundle(bundleCaseId, b => Member(b, Certificate).CaseStage == CaseStage.UnderReview && Member(b, Card).CaseStage == CaseStage.UnderReview);
            Assert.Equal(1, await harness.WorkflowsOfAsync(Member(running, Certificate).CaseId!));
            Assert.Equal(1, await harness.WorkflowsOfAsync(Member(running, Card).CaseId!));
            Assert.Equal(2, await harness.ScalarAsync("SELECT COUNT(*) FROM ov_cases WHERE bundle_case_id = $bundle", ("$bundle", bundleCaseId)));
            var audit = await harness.Audit.ForCaseAsync(bundleCaseId);
            Assert.Single(audit, a => a.Action == AuditActions.Submitted);
            Assert.Single(audit, a => a.Action == AuditActions.Accepted);
            Assert.Equal(2, audit.Count(a => a.Action == AuditActions.MemberStarted));
        }

        Assert.Equal(Iterations * 3, await harness.ScalarAsync("SELECT COUNT(*) FROM wf_instances"));
    }

    [Fact]
    public async Task DecideAsync_OneMemberByTwoToFiveOfficersAtOnce_OneIsAppliedEveryOtherIsAConflictAndTheConsumerStartsOnce()
    {
        // A member of a bundle that delivers once closes at its decision, so a loser that came after the winner's
        // decision was acted on would be told the case is closed instead. The gate holds each decision's claim until
        // every officer's call has read the member case open: each then loses the claim itself, as a conflict.
        var gate = new DecisionGate();
        await using var harness = await BirthHarness(overrides: s => s.Replace(ServiceDescriptor.Singleton<ICaseEvents>(p => new GatedCaseEvents(ActivatorUtilities.CreateInstance<CaseEvents>(p), gate))), store: Store);
        for (var i = 0; i < Iterations; i++)
        {
            var submitted = await harness.Bundles.SubmitAsync(harness.Bundle("05-birth-bundle.yaml", $"decide-member-{i}"));
            var review = await harness.WaitUntilBundle(submitted.BundleCaseId, b => Member(b, Certificate).CaseStage == CaseStage.UnderReview);
            var member = Member(review, Certificate);
            var officers = Enumerable.Range(1, 2 + (i % 4)).Select(k => $"officer-{i}-{k}").ToList();
            gate.Expect(member.CaseId!, officers.Count);

            var results = await Task.WhenAll(officers.Select(officer => Task.Run(async () =>
            {
                try
                {
                    await harness.Cases.As(global::OneVisit.Workflows.Actors.CaseActor.Officer(officer, new global::OneVisit.Workflows.Actors.OfficerPost(member.AuthorityId!, global::OneVisit.Workflows.Actors.OfficerRole.Reviewer))).DecideAsync(member.CaseId!, new OfficerDecision(Approved: true));
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
            var hukouRunning = await harness.WaitUntilBundle(submitted.BundleCaseId, b => Member(b, Hukou).CaseStage == CaseStage.UnderReview);
            Assert.Equal((BundleMemberState.Done, CaseOutcome.Approved), (Member(hukouRunning, Certificate).State, Member(hukouRunning, Certificate).Outcome));
            var memberAudit = await harness.Audit.ForCaseAsync(member.CaseId!);
            Assert.Equal("officer:" + winner, Assert.Single(memberAudit, a => a.Action == AuditActions.Decided).Actor);
            var refused = memberAudit.Where(a => a.Action == AuditActions.AttemptRefused).ToList();
            Assert.Equal(losers.Select(l => "officer:" + l.Officer).Order(), refused.Select(a => a.Actor).Order());
            Assert.All(refused, a => Assert.Contains(nameof(CaseConflictException), a.Detail));

            // The bundle heard of the member once: one finish, one output passed on, one consumer started.
            Assert.Single(hukouRunning.Passed);
            Assert.Equal(1, await harness.WorkflowsOfAsync(Member(hukouRunning, Hukou).CaseId!));
            var bundleAudit = await harness.Audit.ForCaseAsync(submitted.BundleCaseId);
            Assert.Single(bundleAudit, a => a.Action == AuditActions.MemberFinished);
            Assert.Single(bundleAudit, a => a.Action == AuditActions.PassedOn);
            Assert.Equal(3, bundleAudit.Count(a => a.Action == AuditActions.MemberStarted));
        }
    }

    [Fact]
    public async Task DecideAsync_TwoMembersOfOneBundleAtOnce_BothTakeEffectAndTheConsumerStartsOnce()
    {
        await using var harness = await BirthHarness(store: Store);
        for (var i = 0; i < Iterations; i++)
        {
            var submitted = await harness.Bundles.SubmitAsync(harness.Bundle("05-birth-bundle.yaml", $"two-members-{i}"));
            var review = await harness.WaitUntilBundle(submitted.BundleCaseId, b => Member(b, Certificate).CaseStage == CaseStage.UnderReview && Member(b, Card).CaseStage == CaseStage.UnderReview);

            // Both decisions leave at once: their member cases close together and their ends reach two branches of
            // the one bundle workflow at the same time.
            var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var decisions = new[] { Certificate, Card }.Select(code => Task.Run(async () =>
            {
                await start.Task;
                await Decide(harness, review, code);
            })).ToList();
            start.SetResult();
            await Task.WhenAll(decisions);

            var after = await harness.WaitUntilBundle(submitted.BundleCaseId, b => Member(b, Card).State == BundleMemberState.Done && Member(b, Hukou).CaseStage == CaseStage.UnderReview);
            Assert.Equal(BundleMemberState.Done, Member(after, Certificate).State);
            var passed = Assert.Single(after.Passed);
            Assert.Equal(("birth_medical_certificate", Certificate, Hukou), (passed.DocumentId, passed.FromProcedure, passed.ToProcedure));
            Assert.Equal(1, await harness.WorkflowsOfAsync(Member(after, Hukou).CaseId!));
            Assert.Equal(3, await harness.ScalarAsync("SELECT COUNT(*) FROM ov_cases WHERE bundle_case_id = $bundle", ("$bundle", submitted.BundleCaseId)));
            var audit = await harness.Audit.ForCaseAsync(submitted.BundleCaseId);
            Assert.Equal(2, audit.Count(a => a.Action == AuditActions.MemberFinished));
            Assert.Equal(3, audit.Count(a => a.Action == AuditActions.MemberStarted));
            Assert.Single(audit, a => a.Action == AuditActions.PassedOn);
            foreach (var code in new[] { Certificate, Card })
            {
                var memberAudit = await harness.Audit.ForCaseAsync(Member(after, code).CaseId!);
                Assert.Single(memberAudit, a => a.Action == AuditActions.Decided);
                Assert.DoesNotContain(memberAudit, a => a.Action == AuditActions.AttemptRefused);
            }
        }
    }

    /// <summary>Holds the claims of a member's decisions until the expected number of calls have all come to claim.</summary>
    private sealed class DecisionGate
    {
        private readonly object _lock = new();
        private string? _caseId;
        private int _waiting;
        private TaskCompletionSource _all = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Expect(string caseId, int calls)
        {
            lock (_lock)
            {
                (_caseId, _waiting, _all) = (caseId, calls, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
            }
        }

        public Task ArriveAsync(string caseId)
        {
            lock (_lock)
            {
                if (caseId != _caseId)
                {
                    return Task.CompletedTask;
                }

                if (--_waiting == 0)
                {
                    _all.SetResult();
                }

                return _all.Task.WaitAsync(TimeSpan.FromSeconds(30));
            }
        }
    }

    /// <summary>The runtime's events, with each decision's claim held at <see cref="DecisionGate"/>.</summary>
    private sealed class GatedCaseEvents(ICaseEvents inner, DecisionGate gate) : ICaseEvents
    {
        public async Task<bool> PublishOnceAsync(string caseId, string eventName, string eventKey, object payload, string actor, CancellationToken cancellationToken)
        {
            if (eventName == CaseEventNames.Decision)
            {
                await gate.ArriveAsync(caseId);
            }

            return await inner.PublishOnceAsync(caseId, eventName, eventKey, payload, actor, cancellationToken);
        }

        public void PublishWith(PendingWrites writes, string caseId, string eventName, string eventKey, object payload, string actor) =>
            inner.PublishWith(writes, caseId, eventName, eventKey, payload, actor);

        public void ClaimWith(PendingWrites writes, string caseId, string eventName, string eventKey, string actor) =>
            inner.ClaimWith(writes, caseId, eventName, eventKey, actor);
    }
}

public sealed class SqliteBundleConcurrencyTests() : BundleConcurrencyCases(CaseStore.Sqlite);

[Collection(PostgresCollection.Name)]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class PostgresBundleConcurrencyTests(PostgresClusterFixture postgres) : BundleConcurrencyCases(CaseStore.PostgreSql(postgres));
