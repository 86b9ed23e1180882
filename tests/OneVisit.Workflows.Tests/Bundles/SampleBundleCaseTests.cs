using OneVisit.Workflows.Audit;
using OneVisit.Workflows.Bundles;
using OneVisit.Workflows.Cases;
using OneVisit.Workflows.Tests.Support;

namespace OneVisit.Workflows.Tests.Bundles;

/// <summary>Every sample bundle runs end to end as a durable bundle case: each member once, each flow passed once, one delivery.</summary>
public abstract class SampleBundleCases
{
    private protected SampleBundleCases(CaseStore store) => Store = store;

    /// <summary>The store this run of the suite puts its cases on.</summary>
    private protected CaseStore Store { get; }

    [Theory]
    [InlineData("05-birth-bundle.yaml", "2019-07-15", 4, 2)]
    [InlineData("06-business-start-bundle.yaml", "2019-03-11", 6, 6)]
    [InlineData("07-after-death-bundle.yaml", "2019-05-20", 4, 3)]
    [InlineData("08-home-sale-bundle.yaml", "2020-06-10", 5, 4)]
    public async Task SubmitAsync_SampleBundle_EveryMemberApprovedAndEveryFlowPassedOnce(string file, string asOf, int members, int passes)
    {
        await using var harness = await Store.HarnessOn(DateOnly.Parse(asOf, System.Globalization.CultureInfo.InvariantCulture));
        var submitted = await harness.Bundles.SubmitAsync(harness.Bundle(file, file));

        var closed = await BundleDriver.RunToEndAsync(harness, submitted.BundleCaseId);

        Assert.Equal(CaseOutcome.Approved, closed.Outcome);
        var going = closed.Members.Where(m => m.State != BundleMemberState.NotIncluded).ToList();
        Assert.Equal(members, going.Count);
        Assert.All(going, m => Assert.Equal((BundleMemberState.Done, CaseOutcome.Approved), (m.State, m.Outcome)));
        Assert.Equal(passes, closed.Passed.Count);
        Assert.Equal(passes, closed.Passed.DistinctBy(p => (p.DocumentId, p.FromProcedure, p.ToProcedure)).Count());
        Assert.True(closed.VisitsMade <= closed.PredictedVisits, $"{closed.VisitsMade} visits made, {closed.PredictedVisits} predicted");
        var listed = await harness.Cases.ListAsync();
        var row = Assert.Single(listed, c => c.CaseId == submitted.BundleCaseId);
        Assert.Equal((true, CaseStage.Closed, CaseOutcome.Approved), (row.IsBundle, row.Stage, row.Outcome));
        Assert.Equal(harness.Catalog.Bundles[closed.BundleCode].LeadAuthorityId, row.AuthorityId);
        Assert.Equal(members, listed.Count(c => c.BundleCaseId == submitted.BundleCaseId));
        var audit = await harness.Audit.ForCaseAsync(submitted.BundleCaseId);
        Assert.Equal(members, audit.Count(a => a.Action == AuditActions.MemberStarted));
        Assert.Equal(members, audit.Count(a => a.Action == AuditActions.MemberFinished));
        Assert.Equal(passes, audit.Count(a => a.Action == AuditActions.PassedOn));
        foreach (var member in going)
        {
            var memberCase = await harness.Cases.GetAsync(member.CaseId!);
            Assert.Equal((submitted.BundleCaseId, CaseOutcome.Approved), (memberCase.BundleCaseId, memberCase.Outcome));
            Assert.Equal(closed.Passed.Count(p => p.ToCaseId == member.CaseId), memberCase.Evidence.Count(e => e.State == "passed_on"));
        }
    }
}

public sealed class SqliteSampleBundleCaseTests() : SampleBundleCases(CaseStore.Sqlite);

[Collection(PostgresCollection.Name)]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class PostgresSampleBundleCaseTests(PostgresClusterFixture postgres) : SampleBundleCases(CaseStore.PostgreSql(postgres));
