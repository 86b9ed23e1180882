using OneVisit.Workflows.Tests.Migration;

namespace OneVisit.Cli.Tests.Cases;

/// <summary>
/// <c>cases migrate</c> on a store whose branch registration waits for its supplement, with a catalogue where version 2
/// no longer asks for the branch head's appointment: the plan, the move, a second run, and the mistakes an operator makes.
/// </summary>
public sealed class MigrateCommandTests
{
    [Fact]
    public async Task DryRun_PrintsThePlan_AndChangesNothing_ThenApply_MovesOnce()
    {
        using var folder = new TempFolder();
        using var v2 = MigrationCatalogues.Version2(MigrationCatalogues.DropsBranchHeadAppointment);
        var database = Path.Combine(folder.Path, "cases.db");
        var caseId = await WaitingCase.SubmitBranchRegistrationAsync(database, "migrate-case");

        var (planExit, plan, planError) = Cli.Run("cases", "migrate", "--procedure", "330100-SC-0001", "--to-version", "2", "--dry-run", "--db", database, "--catalog", v2.Path);

        Assert.True(planExit == ExitCodes.Ok, plan + planError);
        Assert.Contains($"  {caseId}  v1  awaiting_supplement  would move", plan);
        Assert.Contains("    - 分公司负责人任职文件 is no longer required; the notice no longer asks for it", plan);
        Assert.Contains("1 open case(s): 1 would move.", plan);
        Assert.Contains("Nothing was changed.", plan);
        Assert.Equal(1, Version(caseId, database, v2.Path));

        var (applyExit, applied, applyError) = Cli.Run("cases", "migrate", "--procedure", "330100-SC-0001", "--to-version", "2", "--db", database, "--catalog", v2.Path, "--json");
        var (againExit, again, _) = Cli.Run("cases", "migrate", "--procedure", "330100-SC-0001", "--to-version", "2", "--db", database, "--catalog", v2.Path);

        Assert.True(applyExit == ExitCodes.Ok, applied + applyError);
        using var json = JsonConvention.Parse(applied);
        var moved = json.RootElement.GetProperty("cases")[0];
        Assert.Equal(("moved", 1, "material_no_longer_required"), (moved.GetProperty("status").GetString(), moved.GetProperty("fromVersion").GetInt32(), moved.GetProperty("changes")[0].GetProperty("kind").GetString()));
        Assert.Equal(1, json.RootElement.GetProperty("counts").GetProperty("moved").GetInt32());
        Assert.Contains("1 settled", applyError);
        Assert.Equal(ExitCodes.Ok, againExit);
        Assert.Contains("already moved", again);
        Assert.Equal(2, Version(caseId, database, v2.Path));
        Assert.Contains("330100-SC-0001 v1 → v2: 分公司负责人任职文件 is no longer required", Cli.Run("cases", "show", caseId, "--db", database, "--catalog", v2.Path, "--lang", "en").Output);
    }

    [Fact]
    public async Task Refuses_AVersionTheCatalogueDoesNotHold_AndAnUnknownProcedure_WithUsage()
    {
        using var folder = new TempFolder();
        var database = Path.Combine(folder.Path, "cases.db");
        await WaitingCase.SubmitBranchRegistrationAsync(database, "migrate-case");

        var (wrongExit, _, wrong) = Cli.Run("cases", "migrate", "--procedure", "330100-SC-0001", "--to-version", "2", "--dry-run", "--db", database);
        var (unknownExit, _, unknown) = Cli.Run("cases", "migrate", "--procedure", "330100-SC-9999", "--to-version", "1", "--dry-run", "--db", database);
        var (missingExit, _, missing) = Cli.Run("cases", "migrate", "--procedure", "330100-SC-0001", "--db", database);

        Assert.Equal(ExitCodes.Usage, wrongExit);
        Assert.Contains("The catalogue holds v1 of 330100-SC-0001, not v2", wrong);
        Assert.Equal(ExitCodes.Usage, unknownExit);
        Assert.Contains("no procedure '330100-SC-9999'", unknown);
        Assert.Equal(ExitCodes.Usage, missingExit);
        Assert.Contains("--to-version", missing);
    }

    private static int Version(string caseId, string database, string catalogue)
    {
        using var shown = JsonConvention.Parse(Cli.Run("cases", "show", caseId, "--db", database, "--catalog", catalogue, "--json").Output);
        return shown.RootElement.GetProperty("procedureVersion").GetInt32();
    }
}
