using Microsoft.Extensions.DependencyInjection;
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

    [Fact]
    public async Task TwoNodes_SubmittedOnOneDecidedOnTheOther_TheCaseResumesOnEitherAndCloses()
    {
        var database = await postgres.CreateDatabaseAsync();
        await using var a = await CaseHarness.StartAsync(postgres: database);
        await using var b = await CaseHarness.StartAsync(postgres: database);
        var submitted = await a.Cases.SubmitAsync(a.Errand("04-housing-fund-rent-withdrawal.yaml", "errand-4"));

        await b.WaitForStage(submitted.CaseId, CaseStage.UnderReview);
        await b.Cases.DecideAsync(submitted.CaseId, new OfficerDecision(Approved: true));
        var closed = await a.WaitForStage(submitted.CaseId, CaseStage.Closed);

        Assert.Equal(CaseOutcome.Approved, closed.Outcome);
        Assert.True((await b.Audit.VerifyAsync(submitted.CaseId)).AllVerified);
        Assert.Equal(2L, await PostgresQuery.ScalarAsync(database, "SELECT count(*) FROM ov_nodes"));
    }

    [Fact]
    public async Task TwoNodes_SameIdempotencyKeyAtOnce_MakeOneCase()
    {
        var database = await postgres.CreateDatabaseAsync();
        await using var a = await CaseHarness.StartAsync(postgres: database);
        await using var b = await CaseHarness.StartAsync(postgres: database);
        var errand = a.Errand("04-housing-fund-rent-withdrawal.yaml", "one-key");

        var both = await Task.WhenAll(a.Cases.SubmitAsync(errand), b.Cases.SubmitAsync(errand));

        Assert.Equal(both[0].CaseId, both[1].CaseId);
        Assert.Equal(1L, await PostgresQuery.ScalarAsync(database, "SELECT count(*) FROM ov_cases"));
        Assert.Equal(1L, await PostgresQuery.ScalarAsync(database, "SELECT count(*) FROM wf_instances"));
    }

    [Fact]
    public async Task NodeStarting_AnotherNodesSubmissionInFlight_IsLeftAloneAndOnlyAnOldOneIsRemoved()
    {
        // Recorded by a node that is starting the workflow right now, and by one that died mid-submission long ago.
        var database = await postgres.CreateDatabaseAsync();
        await using (var source = Npgsql.NpgsqlDataSource.Create(database))
        {
            var storage = new OneVisit.Workflows.PostgreSql.PostgresCaseStorage(source, OneVisit.Workflows.Storage.AuditSeal.Unkeyed);
            await storage.InitializeAsync(CancellationToken.None);
            await storage.TryInsertCaseAsync(Storage.Contract.StorageData.Case("in-flight", submittedAt: CaseHarness.Morning), CancellationToken.None);
            await storage.TryInsertCaseAsync(Storage.Contract.StorageData.Case("abandoned", submittedAt: CaseHarness.Morning.AddMinutes(-11)), CancellationToken.None);
        }

        await using var node = await CaseHarness.StartAsync(postgres: database);

        Assert.Equal("in-flight", await PostgresQuery.ScalarAsync(database, "SELECT string_agg(case_id, ',') FROM ov_cases"));
    }

    [Fact]
    public async Task Statements_ArePreparedAfterTheirSecondUse_AndConnectionsGoBackToThePoolWithoutAReset()
    {
        await using var harness = await CaseHarness.StartAsync(postgres: await postgres.CreateDatabaseAsync());
        var submitted = await harness.Cases.SubmitAsync(harness.Errand("04-housing-fund-rent-withdrawal.yaml", "errand-4"));
        await harness.WaitForStage(submitted.CaseId, CaseStage.UnderReview);

        var builder = new Npgsql.NpgsqlConnectionStringBuilder(harness.Services.GetRequiredService<Npgsql.NpgsqlDataSource>().ConnectionString);
        Assert.Equal(64, builder.MaxAutoPrepare);
        Assert.Equal(2, builder.AutoPrepareMinUsages);
        Assert.True(builder.NoResetOnClose);
    }

    [Fact]
    public async Task PreparationAndReset_AsTheConnectionStringSays_WhenItSays()
    {
        // Behind a transaction-pooling PgBouncer older than 1.21 prepared statements break: the host turns them off.
        await using var harness = await CaseHarness.StartAsync(postgres: await postgres.CreateDatabaseAsync() + ";Max Auto Prepare=0;No Reset On Close=false");
        var submitted = await harness.Cases.SubmitAsync(harness.Errand("04-housing-fund-rent-withdrawal.yaml", "errand-4"));
        await harness.WaitForStage(submitted.CaseId, CaseStage.UnderReview);

        var builder = new Npgsql.NpgsqlConnectionStringBuilder(harness.Services.GetRequiredService<Npgsql.NpgsqlDataSource>().ConnectionString);
        Assert.Equal(0, builder.MaxAutoPrepare);
        Assert.False(builder.NoResetOnClose);
    }

}
