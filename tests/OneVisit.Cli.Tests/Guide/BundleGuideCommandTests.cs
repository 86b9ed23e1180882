namespace OneVisit.Cli.Tests.Guide;

/// <summary><c>onevisit guide</c> given a bundle's code: the 一件事 guide with its task list, as Markdown or HTML.</summary>
public sealed class BundleGuideCommandTests : IDisposable
{
    private readonly BundleCatalogue _catalogue = new();

    public void Dispose() => _catalogue.Dispose();

    [Fact]
    public void Guide_Bundle_TaskListInOrderWithPassedOnMaterialsAndWhatEachWaitsFor()
    {
        var (exit, output, error) = Cli.Run("guide", _catalogue.Path, BundleCatalogue.Code);

        Assert.True(exit == 0, error);
        Assert.StartsWith("# 出生一件事（测试）", output, StringComparison.Ordinal);
        Assert.Contains("| 牵头部门 | 杭州市上城区卫生和计划生育局 |", output, StringComparison.Ordinal);
        Assert.Contains("| 受理方式 | 一窗受理：综合受理窗口（窗口办理、网上办理） |", output, StringComparison.Ordinal);
        Assert.Contains("| 承诺时限 | 5 个工作日 |", output, StringComparison.Ordinal);
        Assert.Contains("- 孩子随父亲还是随母亲落户？", output, StringComparison.Ordinal);
        Assert.True(output.IndexOf("第 1 项：出生医学证明首次签发", StringComparison.Ordinal) < output.IndexOf("第 2 项：出生登记（新生儿入户）", StringComparison.Ordinal));
        Assert.Contains("- 暂不能开始：需先由「出生医学证明首次签发」出具出生医学证明；以电子证照传递，您无需领取", output, StringComparison.Ordinal);
        Assert.Contains("| 出生医学证明 | 原件 1 份 | 均需提交 | 由杭州市上城区卫生和计划生育局在「出生医学证明首次签发」办结后传递，无需提交 |", output, StringComparison.Ordinal);
        Assert.Contains("- 是否办理：可选：您可以选择不办", output, StringComparison.Ordinal);
        Assert.Contains("本一件事最多需到现场 1 次（按最不利的情形计）；若各部门分别办理，合计最多 4 次（每个部门“最多跑一次”）。", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Guide_BundleInEnglish_HasNoChineseLabels()
    {
        var (exit, output, _) = Cli.Run("guide", _catalogue.Path, BundleCatalogue.Code, "--lang", "en");

        Assert.Equal(0, exit);
        Assert.StartsWith("# Newborn (test)", output, StringComparison.Ordinal);
        Assert.Contains("- Cannot start yet: needs the Medical birth certificate from “First issue of the medical birth certificate”", output, StringComparison.Ordinal);
        Assert.Contains("At most 1 visit in person for the whole matter (the worst case); 4 if each department were visited on its own", output, StringComparison.Ordinal);
        Assert.DoesNotContain("办理事项", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Guide_BundleHtml_GoesToASelfContainedFile()
    {
        var file = Path.Combine(_catalogue.Path, "guide.html");

        var (exit, output, _) = Cli.Run("guide", _catalogue.Path, BundleCatalogue.Code, "--format", "html", "--out", file);

        Assert.Equal(0, exit);
        Assert.Contains($"已将 {BundleCatalogue.Code} 的办事指南写入 {file}。", output, StringComparison.Ordinal);
        var html = File.ReadAllText(file);
        Assert.Contains("<h1>出生一件事（测试）</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<h2>办理事项</h2>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Guide_MisspeltBundleOrBundleWithFacts_IsAUsageError()
    {
        var misspelt = Cli.Run("guide", _catalogue.Path, "330100-YJS-901");
        var facts = Cli.Run("guide", _catalogue.Path, BundleCatalogue.Code, "--facts", _catalogue.ApplicationPath);

        Assert.Equal(64, misspelt.ExitCode);
        Assert.Contains($"Did you mean '{BundleCatalogue.Code}'?", misspelt.Error, StringComparison.Ordinal);
        Assert.Equal(64, facts.ExitCode);
        Assert.Contains("onevisit precheck", facts.Error, StringComparison.Ordinal);
    }
}
