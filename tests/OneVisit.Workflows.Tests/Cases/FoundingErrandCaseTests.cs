using OneVisit.Rules.Catalog;
using OneVisit.Rules.Precheck;
using OneVisit.Workflows.Audit;
using OneVisit.Workflows.Cases;
using OneVisit.Workflows.Tests.Support;

namespace OneVisit.Workflows.Tests.Cases;

/// <summary>The four errands of the founding morning, run end to end as durable cases on each store.</summary>
public abstract class FoundingErrandCases
{
    private protected FoundingErrandCases(CaseStore store) => Store = store;

    /// <summary>The store this run of the suite puts its cases on.</summary>
    private protected CaseStore Store { get; }

    [Fact]
    public async Task SubmitAsync_Errand1BranchRegistration_GetsOneNoticeThenFetchesFourDocumentsInParallel()
    {
        await using var harness = await Store.StartAsync();
        var submitted = await harness.Cases.SubmitAsync(harness.Errand("01-branch-registration.yaml", "errand-1"));

        var waiting = await harness.WaitForStage(submitted.CaseId, CaseStage.AwaitingSupplement);
        Assert.Equal(["branch_head_appointment", "premises_lease_contract"], waiting.Awaiting.Select(a => a.MaterialId).Order());
        Assert.Equal(["分公司负责人任职文件", "房屋租赁合同"], waiting.Awaiting.OrderBy(a => a.MaterialId).Select(a => a.What));
        Assert.All(waiting.Awaiting, a => Assert.Equal(("applicant", "supply", new DateOnly(2017, 3, 6)), (a.From, a.Action, a.LastDay)));
        await harness.Cases.SupplyDocumentsAsync(submitted.CaseId, new SuppliedDocuments(
        [
            new HeldDocument("lease_contract", IssuedOn: new DateOnly(2017, 2, 1)),
            new HeldDocument("branch_head_appointment", IssuedOn: new DateOnly(2017, 2, 15)),
        ]));

        var review = await harness.WaitForStage(submitted.CaseId, CaseStage.UnderReview);
        Assert.Equal(4, review.Evidence.Count);
        Assert.All(review.Evidence, e => Assert.Equal("received", e.State));
        await harness.Cases.DecideAsync(submitted.CaseId, new OfficerDecision(Approved: true));
        var closed = await harness.WaitForStage(submitted.CaseId, CaseStage.Closed);

        Assert.Equal(CaseOutcome.Approved, closed.Outcome);
        Assert.Equal(ResultDelivery.Mail, closed.Delivery);
        Assert.Equal((0, 0), (closed.PredictedVisits, closed.VisitsMade));
        var audit = await harness.Audit.ForCaseAsync(submitted.CaseId);
        Assert.Single(audit, a => a.Action == AuditActions.NoticeIssued);
        Assert.Equal(4, audit.Count(a => a.Action == AuditActions.EvidenceRequested));
        Assert.All(audit.Where(a => a.Action == AuditActions.EvidenceRequested), a => Assert.Contains("330100-SC-0001", a.Purpose));
        Assert.Equal(AuditActions.Closed, audit[^1].Action);
        Assert.Equal(4, harness.Departments.Acted);
    }

    [Fact]
    public async Task SubmitAsync_Errand2VehicleTransfer_TakesOneVisitWithThePickupInIt()
    {
        await using var harness = await Store.StartAsync();
        var submitted = await harness.Cases.SubmitAsync(harness.Errand("02-vehicle-transfer-out.yaml", "errand-2"));

        var review = await harness.WaitForStage(submitted.CaseId, CaseStage.UnderReview);
        await harness.Cases.RecordVisitAsync(submitted.CaseId, new VisitMade("vehicle inspection and hand-in"));
        await harness.Cases.DecideAsync(submitted.CaseId, new OfficerDecision(Approved: true));
        await harness.WaitForStage(submitted.CaseId, CaseStage.AwaitingPickup);
        harness.Time.Advance(TimeSpan.FromHours(2));
        await harness.Cases.ConfirmPickupAsync(submitted.CaseId);
        var closed = await harness.WaitForStage(submitted.CaseId, CaseStage.Closed);

        Assert.Equal(CaseOutcome.Approved, closed.Outcome);
        Assert.Equal((1, 1), (closed.PredictedVisits, closed.VisitsMade));
        Assert.Equal(2, (await harness.Visits.ForCaseAsync(submitted.CaseId)).Count);
    }

    [Theory]
    [InlineData("03-company-name-province.yaml", "zj_amr")]
    [InlineData("04-housing-fund-rent-withdrawal.yaml", "hz_housing_fund")]
    public async Task SubmitAsync_Errands3And4_FinishOnlineWithNoVisit(string file, string authority)
    {
        await using var harness = await Store.StartAsync();
        // Applied for from home: errand 3's sample hands in at the city's window, which is itself a visit.
        var errand = harness.Errand(file, file);
        var submitted = await harness.Cases.SubmitAsync(errand with { Application = errand.Application with { WindowId = null } });

        var review = await harness.WaitForStage(submitted.CaseId, CaseStage.UnderReview);
        Assert.Equal(authority, review.AuthorityId);
        Assert.Single(review.Evidence, e => e.State == "received");
        await harness.Cases.DecideAsync(submitted.CaseId, new OfficerDecision(Approved: true));
        var closed = await harness.WaitForStage(submitted.CaseId, CaseStage.Closed);

        Assert.Equal(CaseOutcome.Approved, closed.Outcome);
        Assert.Equal((0, 0), (closed.PredictedVisits, closed.VisitsMade));
        Assert.All(closed.Deadlines, d => Assert.True(d.Met));
    }
}

public sealed class SqliteFoundingErrandTests() : FoundingErrandCases(CaseStore.Sqlite);

[Collection(PostgresCollection.Name)]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class PostgresFoundingErrandTests(PostgresClusterFixture postgres) : FoundingErrandCases(CaseStore.PostgreSql(postgres));
