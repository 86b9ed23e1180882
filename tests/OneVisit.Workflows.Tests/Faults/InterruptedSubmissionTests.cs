using OneVisit.Workflows.Cases;
using OneVisit.Workflows.Tests.Support;

namespace OneVisit.Workflows.Tests.Faults;

/// <summary>A host that stopped between starting a case's workflow and recording it leaves a case the next call repairs.</summary>
public abstract class InterruptedSubmissionCases
{
    private protected InterruptedSubmissionCases(CaseStore store) => Store = store;

    /// <summary>The store this run of the suite puts its cases on.</summary>
    private protected CaseStore Store { get; }

    [Fact]
    public async Task SubmitAsync_CaseRecordedWithoutItsWorkflow_IsFoundByReferenceAndRepaired()
    {
        await using var harness = await Store.StartAsync();
        var submission = harness.Errand("03-company-name-province.yaml", "interrupted");
        var submitted = await harness.Cases.SubmitAsync(submission);
        await harness.WaitForStage(submitted.CaseId, CaseStage.UnderReview);
        await harness.ExecuteAsync("UPDATE ov_cases SET workflow_id = NULL WHERE case_id = $case", ("$case", submitted.CaseId));

        var retried = await harness.Cases.SubmitAsync(submission);
        var found = await harness.Cases.GetAsync(submitted.CaseId);

        Assert.Equal(submitted.CaseId, retried.CaseId);
        Assert.Equal(CaseStage.UnderReview, found.Stage);
        Assert.Equal(1L, await harness.ScalarAsync("SELECT count(*) FROM ov_cases WHERE workflow_id IS NOT NULL"));
        Assert.Equal(1L, await harness.ScalarAsync("SELECT count(*) FROM wf_instances"));
    }
}

public sealed class SqliteInterruptedSubmissionTests() : InterruptedSubmissionCases(CaseStore.Sqlite);

[Collection(PostgresCollection.Name)]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class PostgresInterruptedSubmissionTests(PostgresClusterFixture postgres) : InterruptedSubmissionCases(CaseStore.PostgreSql(postgres));
