using Microsoft.Data.Sqlite;
using OneVisit.Workflows.Cases;
using OneVisit.Workflows.Tests.Support;

namespace OneVisit.Workflows.Tests.Faults;

/// <summary>A host that stopped between starting a case's workflow and recording it leaves a case the next call repairs.</summary>
public sealed class InterruptedSubmissionTests
{
    [Fact]
    public async Task SubmitAsync_CaseRecordedWithoutItsWorkflow_IsFoundByReferenceAndRepaired()
    {
        await using var harness = await CaseHarness.StartAsync();
        var submission = harness.Errand("03-company-name-province.yaml", "interrupted");
        var submitted = await harness.Cases.SubmitAsync(submission);
        await harness.WaitForStage(submitted.CaseId, CaseStage.UnderReview);
        Execute(harness, $"UPDATE ov_cases SET workflow_id = NULL WHERE case_id = '{submitted.CaseId}'");

        var retried = await harness.Cases.SubmitAsync(submission);
        var found = await harness.Cases.GetAsync(submitted.CaseId);

        Assert.Equal(submitted.CaseId, retried.CaseId);
        Assert.Equal(CaseStage.UnderReview, found.Stage);
        Assert.Equal(1L, Scalar(harness, "SELECT count(*) FROM ov_cases WHERE workflow_id IS NOT NULL"));
        Assert.Equal(1L, Scalar(harness, "SELECT count(*) FROM wf_instances"));
    }

    private static void Execute(CaseHarness harness, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={harness.DatabasePath}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static long Scalar(CaseHarness harness, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={harness.DatabasePath}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }
}
