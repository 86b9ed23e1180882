using OneVisit.Cli.Tests.Cases;
using OneVisit.Workflows.PostgreSql;
using OneVisit.Workflows.Tests.Migration;
using OneVisit.Workflows.Tests.Support;

namespace OneVisit.Cli.Tests.Postgres;

/// <summary>
/// <c>cases migrate --pg</c> on a real PostgreSQL store a host left (a throwaway cluster): the plan reads the store
/// read-only; the move writes it, joining the cluster's locks as a node, without starting the case runtime.
/// </summary>
[Collection(PostgresCollection.Name)]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class PostgresMigrateTests(PostgresClusterFixture postgres)
{
    [Fact]
    public async Task CasesMigrate_WithPg_PlansThenMovesTheWaitingCaseOnce()
    {
        var store = await postgres.CreateDatabaseAsync();
        var caseId = await WaitingCase.SubmitBranchRegistrationAsync(w => w.UsePostgreSql(store), "pg-migrate-case");
        using var v2 = MigrationCatalogues.Version2(MigrationCatalogues.DropsBranchHeadAppointment);

        var (planExit, plan, planError) = Cli.Run("cases", "migrate", "--procedure", "330100-SC-0001", "--to-version", "2", "--dry-run", "--pg", store, "--catalog", v2.Path);
        var (applyExit, applied, applyError) = Cli.Run("cases", "migrate", "--procedure", "330100-SC-0001", "--to-version", "2", "--pg", store, "--catalog", v2.Path);
        var (againExit, again, againError) = Cli.Run("cases", "migrate", "--procedure", "330100-SC-0001", "--to-version", "2", "--pg", store, "--catalog", v2.Path, "--json");

        Assert.True(planExit == ExitCodes.Ok, plan + planError);
        Assert.Contains($"  {caseId}  v1  awaiting_supplement  would move", plan);
        Assert.True(applyExit == ExitCodes.Ok, applied + applyError);
        Assert.Contains($"  {caseId}  v1  awaiting_supplement  moved", applied);
        Assert.True(againExit == ExitCodes.Ok, again + againError);
        using var json = JsonConvention.Parse(again);
        Assert.Equal("already_moved", json.RootElement.GetProperty("cases")[0].GetProperty("status").GetString());
        using var shown = JsonConvention.Parse(Cli.Run("cases", "show", caseId, "--pg", store, "--catalog", v2.Path, "--json").Output);
        Assert.Equal(2, shown.RootElement.GetProperty("procedureVersion").GetInt32());
        Assert.Equal("verified", shown.RootElement.GetProperty("auditChain").GetProperty("state").GetString());
    }
}
