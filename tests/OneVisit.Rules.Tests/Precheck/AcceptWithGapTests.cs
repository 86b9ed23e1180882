using OneVisit.Rules.Catalog;
using OneVisit.Rules.Precheck;

namespace OneVisit.Rules.Tests.Precheck;

/// <summary>A material accepted with a gap carries its deadline and what happens when it passes, for the case to copy.</summary>
public sealed class AcceptWithGapTests
{
    [Fact]
    public void Check_GapWithoutOnMissed_SupplyByFiveWorkingDaysAndThenWithdrawn()
    {
        using var folder = new CatalogFolder();

        var result = Check(folder);

        var attorney = result.Material("attorney");
        Assert.Equal(MaterialStatus.AcceptWithGap, attorney.Status);
        Assert.Equal(new DateOnly(2017, 2, 24), attorney.SupplyBy); // Saturday 18th + five working days
        Assert.Equal(MissedDeadline.Withdraw, attorney.OnMissed);
        Assert.Null(result.Material("licence").OnMissed);
    }

    [Fact]
    public void Check_GapWithOfficerDecides_TheMaterialSaysSo()
    {
        using var folder = CatalogFolder.WithProcedureEdits(("        deadline_working_days: 5\n", "        deadline_working_days: 5\n        on_missed: officer_decides\n"));

        Assert.Equal(MissedDeadline.OfficerDecides, Check(folder).Material("attorney").OnMissed);
    }

    private static PrecheckResult Check(CatalogFolder folder) =>
        new PrecheckEngine(folder.Load().GetCatalogOrThrow()).Check(new PrecheckRequest
        {
            ProcedureCode = "P-1",
            AsOf = new DateOnly(2017, 2, 18),
            Facts = new Dictionary<string, object?>
            {
                ["enterprise.name"] = "杭州测试有限公司",
                ["enterprise.registered_capital"] = 50000m,
                ["applicant.is_agent"] = true,
            },
        });
}
