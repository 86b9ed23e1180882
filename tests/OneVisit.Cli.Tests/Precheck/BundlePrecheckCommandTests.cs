using System.Text.Json;

namespace OneVisit.Cli.Tests.Precheck;

/// <summary><c>onevisit precheck</c> for a whole bundle (一件事): a file naming <c>bundle:</c>, or <c>--bundle</c>.</summary>
public sealed class BundlePrecheckCommandTests : IDisposable
{
    private readonly BundleCatalogue _catalogue = new();

    public void Dispose() => _catalogue.Dispose();

    [Fact]
    public void Precheck_BundleApplication_OneVisitWithMembersMaterialsAndTheNaiveSum()
    {
        var (exitCode, output, error) = Cli.Run("precheck", _catalogue.Path, _catalogue.ApplicationPath);

        Assert.True(exitCode == ExitCodes.Ok, output + error);
        Assert.StartsWith($"{BundleCatalogue.Code} 出生一件事（测试）（第 1 版，按 2017-02-18 判断）", output, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^结论\s+最多跑一次$", output);
        Assert.Matches(@"(?m)^受理点\s+hz_general_window 综合受理窗口$", output);
        Assert.Matches(@"(?m)^  2\. 330100-SC-0006 出生登记（新生儿入户）  办理$", output);
        Assert.Matches(@"(?m)^\s+需等待 330100-SC-0005 出生医学证明首次签发（其结果出具后才能开始）$", output);
        Assert.Matches(@"(?m)^  出生医学证明\s+联办部门传递\s+由杭州市上城区卫生和计划生育局在出生医学证明首次签发办结后传递", output);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(output, @"(?m)^  居民身份证\s"));
        Assert.Matches(@"(?m)^跑动次数\s+1$", output);
        Assert.Contains("本一件事跑动 1 次；若各部门分别办理，合计 4 次（每个部门“最多跑一次”）", output, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^  各事项\s+330100-SC-0005 1 次、330100-SC-0006 1 次、330100-SC-0007 1 次、330100-SC-0008 1 次$", output);
        Assert.Empty(error);
    }

    [Fact]
    public void Precheck_BundleInEnglish_UsesTheCataloguesWords()
    {
        var (exitCode, output, _) = Cli.Run("precheck", _catalogue.Path, "--application", _catalogue.ApplicationPath, "--lang", "en");

        Assert.Equal(ExitCodes.Ok, exitCode);
        Assert.Matches(@"(?m)^Verdict\s+one_visit$", output);
        Assert.Matches(@"(?m)^  Medical birth certificate\s+passed_on\s+Passed on by ", output);
        Assert.Matches(@"(?m)^\s+waits for 330100-SC-0005 ", output);
        Assert.Contains("1 trip for the whole matter; 4 if each department were visited on its own", output, StringComparison.Ordinal);
        Assert.Empty(LabelScan.ChineseIn(output, LabelScan.Wordings(OneVisit.Cli.Precheck.BundleLabels.Chinese)));
    }

    [Fact]
    public void Precheck_BundleJson_HasMembersMaterialsOnceAndVisitsBesideTheNaiveSum()
    {
        var (exitCode, output, _) = Cli.Run("precheck", _catalogue.Path, _catalogue.ApplicationPath, "--json");

        Assert.Equal(ExitCodes.Ok, exitCode);
        using var json = JsonConvention.Parse(output);
        var root = json.RootElement;
        Assert.Equal(BundleCatalogue.Code, root.GetProperty("bundle").GetProperty("code").GetString());
        Assert.Equal("one_visit", root.GetProperty("verdict").GetString());
        var members = root.GetProperty("members").EnumerateArray().ToList();
        Assert.Equal(["330100-SC-0005", "330100-SC-0006", "330100-SC-0007", "330100-SC-0008"], members.Select(m => m.GetProperty("procedure").GetString()));
        Assert.All(members, m => Assert.Equal("included", m.GetProperty("inclusion").GetString()));
        Assert.Equal(["330100-SC-0005"], members[1].GetProperty("waitsFor").EnumerateArray().Select(w => w.GetString()));
        var certificate = Assert.Single(root.GetProperty("materials").EnumerateArray(), m => m.GetProperty("document").GetProperty("id").GetString() == "birth_medical_certificate");
        Assert.Equal("passed_on", certificate.GetProperty("status").GetString());
        Assert.Equal("330100-SC-0005", certificate.GetProperty("passedOn").GetProperty("from").GetString());
        Assert.Equal("e_licence", certificate.GetProperty("passedOn").GetProperty("via").GetString());
        var visits = root.GetProperty("visits");
        Assert.Equal((1, 4, 3), (visits.GetProperty("count").GetInt32(), visits.GetProperty("naiveSum").GetInt32(), visits.GetProperty("saved").GetInt32()));
        Assert.Equal("综合受理窗口", Assert.Single(visits.GetProperty("trips").EnumerateArray()).GetProperty("place").GetProperty("text").GetString());
        Assert.Equal(4, visits.GetProperty("perMember").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("notice").ValueKind);
    }

    [Fact]
    public void Precheck_BundleOptionWithAProcedureApplication_UsesItsFactsForTheBundle()
    {
        var file = _catalogue.WriteApplication("procedure.yaml", BundleCatalogue.Application.Replace($"bundle: {BundleCatalogue.Code}", "procedure: 330100-SC-0006", StringComparison.Ordinal));

        var (exitCode, output, error) = Cli.Run("precheck", _catalogue.Path, file, "--bundle", BundleCatalogue.Code, "--json");

        Assert.True(exitCode == ExitCodes.Ok, output + error);
        using var json = JsonConvention.Parse(output);
        Assert.Equal(BundleCatalogue.Code, json.RootElement.GetProperty("bundle").GetProperty("code").GetString());
        Assert.Equal(1, json.RootElement.GetProperty("visits").GetProperty("count").GetInt32());
    }

    [Fact]
    public void Precheck_BundleOptionAlone_NotYetWithTheJointFormsQuestions()
    {
        var (exitCode, output, _) = Cli.Run("precheck", _catalogue.Path, "--bundle", BundleCatalogue.Code, "--lang", "en");

        Assert.Equal(ExitCodes.Warnings, exitCode);
        Assert.Matches(@"(?m)^Verdict\s+not_yet$", output);
        Assert.Matches(@"(?m)^\s+child\.born_in_licensed_institution\s+", output);
    }

    [Fact]
    public void Precheck_UnknownBundle_IsAUsageErrorWithASuggestion()
    {
        var (exitCode, output, error) = Cli.Run("precheck", _catalogue.Path, "--bundle", "330100-YJS-901");

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Empty(output);
        Assert.Contains($"there is no bundle '330100-YJS-901' in {_catalogue.Path}. Did you mean '{BundleCatalogue.Code}'?", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Precheck_LeftOutARequiredOrUnknownMember_PositionedErrorsAndExitsOne()
    {
        var file = _catalogue.WriteApplication("left-out.yaml", BundleCatalogue.Application + "\nleft_out: [330100-SC-0006, 330100-SC-0009]\n");

        var (exitCode, output, error) = Cli.Run("precheck", _catalogue.Path, file);

        Assert.Equal(ExitCodes.Errors, exitCode);
        Assert.Empty(output);
        Assert.Contains($"330100-SC-0006 is not an optional member of bundle {BundleCatalogue.Code}, so it cannot be left out. Its optional members: 330100-SC-0008.", error, StringComparison.Ordinal);
        Assert.Contains($"330100-SC-0009 is not a member of bundle {BundleCatalogue.Code}.", error, StringComparison.Ordinal);
        Assert.Matches($@"(?m)^{System.Text.RegularExpressions.Regex.Escape(file)}:\d+:\d+: error ", error);
    }

    [Fact]
    public void Precheck_OptionalMemberLeftOut_ShownAsLeftOutAndNotCounted()
    {
        var file = _catalogue.WriteApplication("left-out.yaml", BundleCatalogue.Application + "\nleft_out: [330100-SC-0008]\n");

        var (exitCode, output, _) = Cli.Run("precheck", _catalogue.Path, file, "--json");

        Assert.Equal(ExitCodes.Ok, exitCode);
        using var json = JsonConvention.Parse(output);
        var card = json.RootElement.GetProperty("members").EnumerateArray().Single(m => m.GetProperty("procedure").GetString() == "330100-SC-0008");
        Assert.Equal("left_out", card.GetProperty("inclusion").GetString());
        Assert.Equal(JsonValueKind.Null, card.GetProperty("verdict").ValueKind);
        Assert.Equal(3, json.RootElement.GetProperty("visits").GetProperty("naiveSum").GetInt32());
    }

    [Theory]
    [InlineData("05-birth-bundle.yaml", ExitCodes.Ok, 4)]
    [InlineData("06-business-start-bundle.yaml", ExitCodes.Ok, 6)]
    [InlineData("07-after-death-bundle.yaml", ExitCodes.Warnings, 4)]
    [InlineData("08-home-sale-bundle.yaml", ExitCodes.Ok, 5)]
    public void Precheck_SampleBundleApplication_OneTripBesideTheNaiveSum(string application, int expectedExit, int naiveSum)
    {
        var (exitCode, output, error) = Cli.Run("precheck", RepositoryRoot.SampleCatalogue, Path.Combine(RepositoryRoot.SampleCatalogue, "applications", application));

        Assert.True(exitCode == expectedExit, output + error);
        Assert.Contains($"本一件事跑动 1 次；若各部门分别办理，合计 {naiveSum} 次", output, StringComparison.Ordinal);
        Assert.Empty(error);
    }

    [Fact]
    public void Precheck_NeitherApplicationNorBundle_IsAUsageError()
    {
        var (exitCode, _, error) = Cli.Run("precheck", _catalogue.Path);

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Contains("--bundle", error, StringComparison.Ordinal);
    }
}
