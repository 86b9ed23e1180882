using OneVisit.Workflows.Cases;
using OneVisit.Workflows.Tests.Support;

namespace OneVisit.Workflows.Tests.PostgreSql;

[Collection(PostgresCollection.Name)]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class UsePostgreSqlTests(PostgresClusterFixture postgres)
{
    [Fact]
    public async Task Errand4_OnPostgreSql_RunsToTheEnd()
    {
        await using var harness = await CaseHarness.StartAsync(postgres: await postgres.CreateDatabaseAsync());
        var errand = harness.Errand("04-housing-fund-rent-withdrawal.yaml", "errand-4");
        var submitted = await harness.Cases.SubmitAsync(errand);

        await harness.WaitForStage(submitted.CaseId, CaseStage.UnderReview);
        await harness.Cases.DecideAsync(submitted.CaseId, new OfficerDecision(Approved: true));
        var closed = await harness.WaitForStage(submitted.CaseId, CaseStage.Closed);

        Assert.Equal(CaseOutcome.Approved, closed.Outcome);
        Assert.True((await harness.Audit.VerifyAsync(submitted.CaseId)).AllVerified);
    }
}
