using Microsoft.Data.Sqlite;
using OneVisit.Cli.Cases;
using OneVisit.Cli.Tests.Demo;

namespace OneVisit.Cli.Tests.Cases;

/// <summary><c>cases list|show</c> on a case whose documents retention purged: still listed, shown as what remains.</summary>
public sealed class PurgedCaseTests(DemoStore demo) : IClassFixture<DemoStore>
{
    [Fact]
    public void CasesShow_PurgedCase_SaysSoAndShowsTheIndexRowAndTheAuditTrail()
    {
        using var folder = new TempFolder();
        var store = Path.Combine(folder.Path, "cases.db");
        File.Copy(demo.Database, store);
        var caseId = Query(store, "SELECT case_id FROM ov_cases WHERE applicant_id = 'demo-applicant-1'");
        // As a purge leaves it (without its audit line, which the runtime writes): the row marked, the document gone.
        Execute(store, $"UPDATE ov_cases SET purged_at = closed_at + 86400000 WHERE case_id = '{caseId}'; DELETE FROM wf_instances WHERE reference = '{caseId}';");
        SqliteConnection.ClearAllPools();

        var (exit, output, error) = Cli.Run("cases", "show", caseId, "--db", store, "--time-zone", "Asia/Shanghai", "--lang", "en");

        Assert.True(exit == ExitCodes.Ok, output + error);
        Assert.Matches($@"(?m)^Case {caseId}: Registration of a company branch \[330100-SC-0001\] \(documents purged\)$", output);
        Assert.Contains("were purged on Wed 2017-02-22 10:00, after the retention period", output, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^\s+applicant\s+demo-applicant-1$", output);
        Assert.Matches(@"(?m)^\s+purged\s+Wed 2017-02-22 10:00$", output);
        Assert.Matches(@"(?m)^Audit trail:$", output);
        Assert.Matches(@"(?m)^\s+Tue 2017-02-21 10:00\s+system\s+closed\s+Approved: sent by mail$", output);

        var (jsonExit, json, jsonError) = Cli.Run("cases", "show", caseId, "--db", store, "--json");
        Assert.True(jsonExit == ExitCodes.Ok, json + jsonError);
        using var document = JsonConvention.Parse(json);
        Assert.True(document.RootElement.GetProperty("purged").GetBoolean());
        Assert.NotEqual(0, document.RootElement.GetProperty("audit").GetArrayLength());

        var (listExit, list, _) = Cli.Run("cases", "list", "--db", store, "--json");
        Assert.Equal(ExitCodes.Ok, listExit);
        using var listed = JsonConvention.Parse(list);
        var row = listed.RootElement.GetProperty("cases").EnumerateArray().Single(c => c.GetProperty("caseId").GetString() == caseId);
        Assert.Equal(System.Text.Json.JsonValueKind.String, row.GetProperty("purgedAt").ValueKind);
    }

    private static string Query(string file, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={file};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (string)command.ExecuteScalar()!;
    }

    private static void Execute(string file, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={file};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
