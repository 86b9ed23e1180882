using OneVisit.Rules.Catalog;
using OneVisit.Workflows.Audit;
using OneVisit.Workflows.Bundles;
using OneVisit.Workflows.Cases;
using OneVisit.Workflows.Tests.Support;

namespace OneVisit.Workflows.Tests.Bundles;

/// <summary>出生一件事 (330100-YJS-0001) run end to end as a durable bundle case on each store.</summary>
public abstract class BirthBundleCases
{
    private protected BirthBundleCases(CaseStore store) => Store = store;

    /// <summary>The store this run of the suite puts its cases on.</summary>
    private protected CaseStore Store { get; }

    private const string Certificate = "330100-SC-0005";
    private const string Hukou = "330100-SC-0006";
    private const string Insurance = "330100-SC-0007";
    private const string Card = "330100-SC-0008";

    [Fact]
    public async Task SubmitAsync_BirthBundle_StartsMembersAsTheirInputsExistAndDeliversOnce()
    {
        await using var harness = await BirthHarness(store: Store);
        var submitted = await harness.Bundles.SubmitAsync(harness.Bundle("05-birth-bundle.yaml", "birth-1"));

        // One acceptance: the certificate and the card start at once; the hukou and insurance cannot start yet.
        var accepted = await harness.WaitUntilBundle(submitted.BundleCaseId, b => Member(b, Certificate).CaseStage == CaseStage.UnderReview && Member(b, Card).CaseStage == CaseStage.UnderReview);
        Assert.Equal(CaseStage.Accepted, accepted.Stage);
        Assert.Equal(BundleMemberState.CannotStartYet, Member(accepted, Hukou).State);
        Assert.Equal(["出生医学证明 from 330100-SC-0005 出生医学证明首次签发"], Member(accepted, Hukou).WaitsFor);
        Assert.Equal(BundleMemberState.CannotStartYet, Member(accepted, Insurance).State);
        Assert.Equal(DeadlineState.Running, accepted.TimeLimit!.State);
        Assert.Equal((5, true), (accepted.TimeLimit.Days, accepted.TimeLimit.WorkingDays));
        await Assert.ThrowsAsync<WrongBundleMemberException>(() => harness.Cases.DecideAsync(Member(accepted, Hukou).CaseId!, new OfficerDecision(true)));

        await Decide(harness, accepted, Certificate);
        var hukouRunning = await harness.WaitUntilBundle(submitted.BundleCaseId, b => Member(b, Hukou).CaseStage == CaseStage.UnderReview);
        var passed = Assert.Single(hukouRunning.Passed);
        Assert.Equal(("birth_medical_certificate", Certificate, Hukou, FlowVia.ELicence), (passed.DocumentId, passed.FromProcedure, passed.ToProcedure, passed.Via));
        var hukouCase = await harness.Cases.GetAsync(Member(hukouRunning, Hukou).CaseId!);
        Assert.Equal(submitted.BundleCaseId, hukouCase.BundleCaseId);
        Assert.Contains(hukouCase.Evidence, e => e.DocumentId == "birth_medical_certificate" && e.State == "passed_on");
        Assert.DoesNotContain(hukouCase.Awaiting, a => a.From == "applicant");

        await Decide(harness, hukouRunning, Hukou);
        await Decide(harness, hukouRunning, Card);
        var insuranceRunning = await harness.WaitUntilBundle(submitted.BundleCaseId, b => Member(b, Insurance).CaseStage == CaseStage.UnderReview);
        await Decide(harness, insuranceRunning, Insurance);

        var closed = await harness.WaitUntilBundle(submitted.BundleCaseId, b => b.Stage is CaseStage.Closed or CaseStage.AwaitingPickup);
        if (closed.Stage == CaseStage.AwaitingPickup)
        {
            await harness.Bundles.ConfirmPickupAsync(submitted.BundleCaseId);
            closed = await harness.WaitUntilBundle(submitted.BundleCaseId, b => b.IsClosed);
        }

        Assert.Equal(CaseOutcome.Approved, closed.Outcome);
        Assert.All(closed.Members, m => Assert.Equal(BundleMemberState.Done, m.State));
        Assert.Equal(2, closed.Passed.Count);
        Assert.True(closed.VisitsMade <= closed.PredictedVisits, $"{closed.VisitsMade} visits made, {closed.PredictedVisits} predicted");
        Assert.True(closed.NaiveVisits > closed.PredictedVisits);
        var audit = await harness.Audit.ForCaseAsync(submitted.BundleCaseId);
        Assert.Single(audit, a => a.Action == AuditActions.Accepted);
        Assert.Equal(2, audit.Count(a => a.Action == AuditActions.PassedOn));
        Assert.Equal(4, audit.Count(a => a.Action == AuditActions.MemberStarted));
        Assert.Equal(AuditActions.Closed, audit[^1].Action);
        var hukouAudit = await harness.Audit.ForCaseAsync(Member(closed, Hukou).CaseId!);
        Assert.Single(hukouAudit, a => a.Action == AuditActions.PassedOn);
    }

    [Fact]
    public async Task RecordVisitAsync_OneTripToTheJointDesk_IsTheWholeMattersVisitAgainstTheOnePredicted()
    {
        await using var harness = await BirthHarness(store: Store);
        var submission = harness.Bundle("05-birth-bundle.yaml", "visits");
        var submitted = await harness.Bundles.SubmitAsync(submission);
        await harness.Bundles.RecordVisitAsync(submitted.BundleCaseId, new VisitMade("joint application", submission.Application.WindowId));

        var closed = await BundleDriver.RunToEndAsync(harness, submitted.BundleCaseId);

        Assert.Equal((1, 1, 4), (closed.PredictedVisits, closed.VisitsMade, closed.NaiveVisits));
        var visit = Assert.Single(await harness.Visits.ForCaseAsync(submitted.BundleCaseId));
        Assert.Equal(("joint application", "hz_birth_joint_desk"), (visit.Purpose, visit.WindowId));
        Assert.Equal(DeadlineState.Met, closed.TimeLimit!.State);
        Assert.True(closed.DeliversOnce);
        Assert.Equal([ResultDelivery.ELicence, ResultDelivery.Mail, ResultDelivery.Online], closed.Deliveries);
        foreach (var member in closed.Members)
        {
            var memberCase = await harness.Cases.GetAsync(member.CaseId!);
            Assert.Equal((0, 0), (memberCase.PredictedVisits, memberCase.VisitsMade));
            Assert.Contains("bundle case " + submitted.BundleCaseId, memberCase.OutcomeReason);
        }
    }

    internal static BundleMemberStatus Member(BundleCaseSnapshot bundle, string code) => bundle.Members.Single(m => m.ProcedureCode == code);

    internal static Task Decide(CaseHarness harness, BundleCaseSnapshot bundle, string code, bool approved = true, string? reason = null)
    {
        var member = Member(bundle, code);
        return harness.Cases.DecideAsync(member.CaseId!, new OfficerDecision(approved, reason));
    }

    /// <summary>The sample's birth bundle is in force from 2019-06-01: the clock starts on the application's morning.</summary>
    internal static async Task<CaseHarness> BirthHarness(Action<Simulation.SimulatedDepartmentsOptions>? departments = null, Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? overrides = null, CaseStore? store = null, [System.Runtime.CompilerServices.CallerMemberName] string test = "")
    {
        var harness = await (store ?? CaseStore.Sqlite).StartAsync(departments, overrides: overrides, test: test);
        harness.Time.SetUtcNow(new DateTimeOffset(2019, 7, 15, 9, 0, 0, TimeSpan.FromHours(8)));
        return harness;
    }
}

public sealed class SqliteBirthBundleCaseTests() : BirthBundleCases(CaseStore.Sqlite);

[Collection(PostgresCollection.Name)]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class PostgresBirthBundleCaseTests(PostgresClusterFixture postgres) : BirthBundleCases(CaseStore.PostgreSql(postgres));
