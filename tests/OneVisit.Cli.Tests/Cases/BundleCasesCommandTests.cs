using System.Text.RegularExpressions;
using OneVisit.Cli.Cases;
using OneVisit.Cli.Tests.Demo;

namespace OneVisit.Cli.Tests.Cases;

/// <summary><c>onevisit cases list|show</c> on the demo's newborn bundle case (出生一件事) and its members.</summary>
public sealed class BundleCasesCommandTests(DemoStore demo) : IClassFixture<DemoStore>
{
    private string[] Store(params string[] args) => [.. args, "--db", demo.Database, "--lang", "en"];

    private string BundleCase => Regex.Match(demo.Output, @"(?m)^\s+5\s+.*\s(B[0-9A-F]{20})$").Groups[1].Value;

    [Fact]
    public void CasesList_MarksTheBundleAndItsMembers()
    {
        var (exit, output, error) = Cli.Run(Store("cases", "list"));

        Assert.True(exit == ExitCodes.Ok, output + error);
        Assert.Matches(@"(?m)^case\s+kind\s+submitted\s+stage", output);
        Assert.Matches($@"(?m)^{BundleCase}\s+bundle\s+Mon 2019-07-15 09:00\s+closed\s+approved\s+330100-YJS-0001 Newborn\s", output);
        Assert.Equal(4, Regex.Matches(output, $@"(?m)^{BundleCase}-[1-4]\s+member of {BundleCase}\s").Count);
        Assert.Contains("9 cases in", output, StringComparison.Ordinal);
    }

    [Fact]
    public void CasesShow_Bundle_GivesItsMembersWhatPassedItsLimitAndTripsAgainstTheNaiveCount()
    {
        var (exit, output, error) = Cli.Run(Store("cases", "show", BundleCase));

        Assert.True(exit == ExitCodes.Ok, output + error);
        Assert.Matches($@"(?m)^Bundle case {BundleCase}: Newborn \[330100-YJS-0001 v1\]$", output);
        Assert.Matches(@"(?m)^\s+stage\s+closed: approved \(4 of 4 member\(s\) approved", output);
        Assert.Matches(@"(?m)^\s+time limit\s+5 working days, due end of Mon 2019-07-22, met$", output);
        Assert.Matches(@"(?m)^\s+delivery\s+every result at once: e_licence; mail; online$", output);
        Assert.Matches(@"(?m)^\s+visits\s+1 predicted, 1 made; 4 member by member$", output);
        Assert.Matches($@"(?m)^\s+330100-SC-0006 Birth registration .*\s+done\s+{BundleCase}-2\s+Shangcheng District branch, Hangzhou Public Security Bureau\s", output);
        Assert.Matches($@"(?m)^\s+Medical birth certificate\s+330100-SC-0005 \({BundleCase}-1\)\s+330100-SC-0006 \({BundleCase}-2\)\s+e_licence\s", output);
        Assert.Matches(@"(?m)^\s+Household registration booklet\s+330100-SC-0006 .*\s+push\s", output);
        Assert.Matches(@"(?m)^\s+Mon 2019-07-15 09:00\s+system\s+accepted\s+Accepted once for 4 member", output);
    }

    [Fact]
    public void CasesShow_BundleInChinese_HasNoEnglishLabelLeft()
    {
        var (exit, output, error) = Cli.Run("cases", "show", BundleCase, "--db", demo.Database);

        Assert.True(exit == ExitCodes.Ok, output + error);
        Assert.Matches(@"(?m)^\s+承诺时限\s+5 个工作日，2019-07-22 周一 24:00 到期，按时$", output);
        Assert.Matches(@"(?m)^\s+跑动次数\s+预计 1 次，实际 1 次；各部门分别办理需 4 次$", output);
        var english = LabelScan.Wordings(CaseLabels.English).Concat(LabelScan.Wordings(BundleCaseLabels.English)).Concat(CaseLabels.Chinese.RuntimeWords.Keys);
        Assert.Empty(LabelScan.EnglishIn(LabelScan.Without(output, DemoStore.DataOf(demo.Database, BundleCase)), english));
        var (_, inEnglish, _) = Cli.Run(Store("cases", "show", BundleCase));
        Assert.Empty(LabelScan.ChineseIn(LabelScan.Without(inEnglish, DemoStore.DataOf(demo.Database, BundleCase)), LabelScan.Wordings(BundleCaseLabels.Chinese)));
    }

    [Fact]
    public void CasesShow_BundleJson_HasMembersPassedTimeLimitAndVisits()
    {
        var (exit, output, _) = Cli.Run(Store("cases", "show", BundleCase, "--json"));

        Assert.Equal(ExitCodes.Ok, exit);
        using var json = JsonConvention.Parse(output);
        var root = json.RootElement;
        Assert.Equal("bundle", root.GetProperty("kind").GetString());
        Assert.Equal("330100-YJS-0001", root.GetProperty("bundle").GetString());
        Assert.Equal("approved", root.GetProperty("outcome").GetString());
        Assert.True(root.GetProperty("deliversOnce").GetBoolean());
        Assert.Equal((1, 1, 4), (root.GetProperty("visitsPredicted").GetInt32(), root.GetProperty("visitsMade").GetInt32(), root.GetProperty("visitsNaive").GetInt32()));
        Assert.Equal(("2019-07-22", "met", true), (root.GetProperty("timeLimit").GetProperty("lastDay").GetString(), root.GetProperty("timeLimit").GetProperty("state").GetString(), root.GetProperty("timeLimit").GetProperty("workingDays").GetBoolean()));
        var members = root.GetProperty("members").EnumerateArray().ToList();
        Assert.Equal(["330100-SC-0005", "330100-SC-0006", "330100-SC-0007", "330100-SC-0008"], members.Select(m => m.GetProperty("procedure").GetString()));
        Assert.All(members, m => Assert.Equal("done", m.GetProperty("state").GetString()));
        Assert.Equal(["e_licence", "push"], root.GetProperty("passed").EnumerateArray().Select(p => p.GetProperty("via").GetString()));
    }

    [Fact]
    public void CasesShow_Member_SaysWhichBundleItBelongsTo()
    {
        var (exit, output, error) = Cli.Run(Store("cases", "show", BundleCase + "-2"));

        Assert.True(exit == ExitCodes.Ok, output + error);
        Assert.Matches($@"(?m)^\s+bundle\s+member of bundle case {BundleCase} \(330100-YJS-0001 Newborn\)$", output);
        Assert.Matches(@"(?m)^\s+\S+\s+Medical birth certificate\s+.*passed_on", output);
        var (_, json, _) = Cli.Run(Store("cases", "show", BundleCase + "-2", "--json"));
        using var document = JsonConvention.Parse(json);
        Assert.Equal(BundleCase, document.RootElement.GetProperty("bundleCaseId").GetString());
    }

    [Fact]
    public void CasesShow_MemberThatNeverExisted_SaysItsBundleAndIsAUsageError()
    {
        var (exit, output, error) = Cli.Run(Store("cases", "show", BundleCase + "-9"));

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Empty(output);
        Assert.Contains("there is no case", error, StringComparison.Ordinal);
    }
}
