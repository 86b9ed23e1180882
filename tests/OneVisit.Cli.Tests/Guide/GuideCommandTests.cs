namespace OneVisit.Cli.Tests.Guide;

/// <summary><c>onevisit guide</c>: the service guide, general or personalised, as Markdown or HTML.</summary>
public sealed class GuideCommandTests
{
    private static readonly string Catalogue = RepositoryRoot.SampleCatalogue;

    private static string Application(string file) => Path.Combine(Catalogue, "applications", file);

    [Fact]
    public void Guide_General_ListsEveryMaterialWithWhenItIsNeededAndItsExemptions()
    {
        var (exit, output, error) = Cli.Run("guide", Catalogue, "330100-SC-0001");

        Assert.Equal(0, exit);
        Assert.Empty(error);
        Assert.StartsWith("# 分公司设立登记", output, StringComparison.Ordinal);
        Assert.Contains("| 房屋租赁合同 | 复印件 1 份 | 分公司营业场所是自有、租赁，还是没有产权证明？租赁 | — |", output, StringComparison.Ordinal);
        Assert.Contains("由浙江省公安厅共享提供，免于提交", output, StringComparison.Ordinal);
        Assert.Contains("告知承诺替代，30 日内核查", output, StringComparison.Ordinal);
        Assert.Contains("| 杭州市上城区市场监督管理局 | 区级 |", output, StringComparison.Ordinal);
        Assert.Contains("法定办结时限：15 个工作日", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Statutory", output, StringComparison.Ordinal);
        // The office's own form is not among the materials to submit, and the visits are counted, not just listed.
        Assert.DoesNotContain("| 分支机构登记（备案）申请书 |", output, StringComparison.Ordinal);
        Assert.Contains("以下材料由办理机关自行制作（如预填的申请表），您无需自备，也不向其他部门调取：\n\n- 分支机构登记（备案）申请书", output, StringComparison.Ordinal);
        Assert.Contains("最多需到现场 1 次（按最不利的情形计）。", output, StringComparison.Ordinal);
        Assert.Contains("- 提交申请：选择网上办理的，无需到窗口提交", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Guide_InEnglish_LabelsAndConditionsAreEnglish()
    {
        var (exit, output, _) = Cli.Run("guide", Catalogue, "330100-SC-0001", "--lang", "en");

        Assert.Equal(0, exit);
        Assert.Contains("| Lease contract | copy × 1 | Are the branch's premises owned, leased, or without a title certificate? leased | — |", output, StringComparison.Ordinal);
        Assert.Contains("signed commitment, verified within 30 days", output, StringComparison.Ordinal);
        Assert.Contains("- Statutory limit: 15 working days", output, StringComparison.Ordinal);
        Assert.Contains("in force from 1 March 2016", output, StringComparison.Ordinal);
        Assert.DoesNotContain("申请材料", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Guide_WithFacts_ShowsOnlyWhatAppliesWhatIsFetchedAndWhatIsStillNeeded()
    {
        var (exit, output, _) = Cli.Run("guide", Catalogue, "330100-SC-0001", "--facts", Application("01-branch-registration.yaml"), "--lang", "en");

        Assert.Equal(0, exit);
        Assert.Contains("personalised", output, StringComparison.Ordinal);
        Assert.Contains("Still needed from you: Lease contract, Appointment of the branch manager", output, StringComparison.Ordinal);
        Assert.Contains("- Articles of association — from Zhejiang Administration for Industry and Commerce", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Power of attorney", output, StringComparison.Ordinal);
        Assert.Contains("No visit", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Guide_Html_GoesToASelfContainedFile()
    {
        var file = Path.Combine(Path.GetTempPath(), $"onevisit-guide-{Guid.NewGuid():N}.html");
        try
        {
            var (exit, output, _) = Cli.Run("guide", Catalogue, "330100-SC-0002", "--format", "html", "--out", file);
            var html = File.ReadAllText(file);

            Assert.Equal(0, exit);
            Assert.Contains($"已将 330100-SC-0002 的办事指南写入 {file}。", output, StringComparison.Ordinal);
            Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
            Assert.Contains("<h1>企业车辆转出过户（机动车转移登记）</h1>", html, StringComparison.Ordinal);
            Assert.Contains("@media print", html, StringComparison.Ordinal);
            Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("http", html.Replace("http-equiv", "", StringComparison.Ordinal), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Guide_UnknownProcedureOrFactsForAnotherProcedure_IsAUsageError()
    {
        var unknown = Cli.Run("guide", Catalogue, "330100-SC-01");
        var other = Cli.Run("guide", Catalogue, "330100-SC-0001", "--facts", Application("02-vehicle-transfer-out.yaml"));
        var format = Cli.Run("guide", Catalogue, "330100-SC-0001", "--format", "pdf");
        var language = Cli.Run("guide", Catalogue, "330100-SC-0001", "--lang", "fr");

        Assert.Equal(64, unknown.ExitCode);
        Assert.Contains("Did you mean", unknown.Error, StringComparison.Ordinal);
        Assert.Equal(64, other.ExitCode);
        Assert.Contains("330100-SC-0002, not 330100-SC-0001", other.Error, StringComparison.Ordinal);
        Assert.Equal(64, format.ExitCode);
        Assert.Equal(64, language.ExitCode);
        Assert.Contains("--lang takes zh (Chinese) or en (English), not 'fr'.", language.Error, StringComparison.Ordinal);
    }
}
