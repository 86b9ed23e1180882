using System.Text.Json;
using System.Text.RegularExpressions;
using OneVisit.Cli.Cases;
using OneVisit.Cli.Tests.Demo;

namespace OneVisit.Cli.Tests.Cases;

/// <summary><c>onevisit cases list|show</c> on the store the demo wrote.</summary>
public sealed class CasesCommandTests(DemoStore demo) : IClassFixture<DemoStore>
{
    private string[] Store(params string[] args) => [.. args, "--db", demo.Database, "--time-zone", "Asia/Shanghai", "--lang", "en"];

    private string CaseOfErrand(int number) =>
        Regex.Match(demo.Output, $@"(?m)^\s+{number}\s+.*\s(C[0-9A-F]{{20}})$").Groups[1].Value;

    [Fact]
    public void CasesList_FourErrands_ShowsThemNewestFirstInTheOfficesTime()
    {
        var (exit, output, error) = Cli.Run(Store("cases", "list"));

        Assert.True(exit == ExitCodes.Ok, output + error);
        var rows = output.Split('\n').Where(l => l.StartsWith('C')).ToList();
        Assert.Equal(4, rows.Count);
        Assert.Matches(@"^C[0-9A-F]{20}\s+Mon 2017-02-20 11:10\s+closed\s+approved\s+330100-SC-0004 ", rows[0]);
        Assert.Matches(@"^C[0-9A-F]{20}\s+Mon 2017-02-20 09:00\s+closed\s+approved\s+330100-SC-0001 Registration of a company branch\s+Shangcheng District Administration for Market Regulation \(hz_amr_shangcheng\)\s+demo-applicant-1", rows[3]);
    }

    [Fact]
    public void Cases_WithoutTimeZoneOrLanguage_TimesAreInTheCataloguesZoneAndWordsChinese()
    {
        var (exit, output, _) = Cli.Run("cases", "list", "--db", demo.Database, "--applicant", "demo-applicant-1");

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Matches(@"(?m)^案件\s+类别\s+提交时间\s+阶段\s+结果\s+事项\s+办理机关\s+申请人$", output);
        Assert.Matches(@"(?m)^C[0-9A-F]{20}\s+2017-02-20 周一 09:00\s+已办结\s+准予许可\s+330100-SC-0001 分公司设立登记\s", output);
        Assert.Contains("中共 1 件案件。查看其一：onevisit cases show <案件编号> --db", output, StringComparison.Ordinal);
    }

    [Fact]
    public void CasesShow_InChinese_GivesEveryLabelStageAndStateInChinese()
    {
        var (exit, output, error) = Cli.Run("cases", "show", CaseOfErrand(1), "--db", demo.Database);

        Assert.True(exit == ExitCodes.Ok, output + error);
        Assert.Matches(@"(?m)^案件 C[0-9A-F]{20}：分公司设立登记［330100-SC-0001 第 1 版］$", output);
        Assert.Matches(@"(?m)^\s+阶段\s+已办结：准予许可（sent by mail）$", output);
        Assert.Matches(@"(?m)^\s+办结时间\s+2017-02-21 周二 10:00（提交后 1 天 1 小时）$", output);
        Assert.Matches(@"(?m)^\s+跑动次数\s+预计 0 次，实际 0 次$", output);
        Assert.Matches(@"(?m)^\s+法定\s+15 个工作日\s+2017-03-13 周一 24:00\s+按时$", output);
        Assert.Matches(@"(?m)^\s+2017-02-20 周一 09:00\s+系统\s+一次性告知\s+一次性告知书$", output);
        Assert.Matches(@"(?m)^等待事项：无$", output);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Cases_EachLanguage_HasNoLabelOfTheOtherLeft(int errand)
    {
        var id = CaseOfErrand(errand);
        var data = DemoStore.DataOf(demo.Database, id).ToList();
        var chinese = LabelScan.Without(Cli.Run("cases", "show", id, "--db", demo.Database).Output + Cli.Run("cases", "list", "--db", demo.Database).Output, data);
        var english = LabelScan.Without(Cli.Run("cases", "show", id, "--db", demo.Database, "--lang", "en").Output + Cli.Run("cases", "list", "--db", demo.Database, "--lang", "en").Output, data);

        Assert.Empty(LabelScan.EnglishIn(chinese, LabelScan.Wordings(CaseLabels.English).Concat(CaseLabels.Chinese.RuntimeWords.Keys)));
        Assert.Empty(LabelScan.ChineseIn(english, LabelScan.Wordings(CaseLabels.Chinese)));
    }

    [Fact]
    public void Cases_UnknownLanguage_IsAUsageError()
    {
        var (exit, output, error) = Cli.Run("cases", "list", "--db", demo.Database, "--lang", "de");

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Empty(output);
        Assert.Contains("--lang takes zh (Chinese) or en (English), not 'de'.", error, StringComparison.Ordinal);
    }

    [Fact]
    public void CasesList_ApplicantAndJson_FiltersByApplicantAndWritesJson()
    {
        var (exit, output, _) = Cli.Run(Store("cases", "list", "--applicant", "demo-applicant-3", "--json"));

        Assert.Equal(ExitCodes.Ok, exit);
        using var json = JsonConvention.Parse(output);
        var only = Assert.Single(json.RootElement.GetProperty("cases").EnumerateArray());
        Assert.Equal("330100-SC-0003", only.GetProperty("procedure").GetString());
        Assert.Equal("2017-02-20T10:20:00+08:00", only.GetProperty("submittedAt").GetString());
        Assert.Equal("zj_amr", only.GetProperty("authority").GetString());
    }

    [Fact]
    public void CasesShow_Case_GivesStatusEvidenceDeadlinesAndTheAuditTrail()
    {
        var (exit, output, error) = Cli.Run(Store("cases", "show", CaseOfErrand(1)));

        Assert.True(exit == ExitCodes.Ok, output + error);
        Assert.Matches(@"(?m)^\s+stage\s+closed: approved \(sent by mail\)$", output);
        Assert.Matches(@"(?m)^\s+closed\s+Tue 2017-02-21 10:00 \(1 d 1 h after submission\)$", output);
        Assert.Matches(@"(?m)^\s+visits\s+0 predicted, 0 made$", output);
        Assert.Matches(@"(?m)^\s+statutory\s+15 working days\s+end of Mon 2017-03-13\s+met$", output);
        Assert.Equal(4, Regex.Matches(output, @"(?m)^\s+\w+\s+\S+\s+.*\s+received\s+SIM-").Count);
        // The notice's lines continue under its step, each material on its own line.
        Assert.Matches(@"(?m)^\s+Mon 2017-02-20 09:00\s+system\s+notice_issued\s+一次性告知书$", output);
        Assert.Matches(@"(?m)^\s{20,}1\. 房屋租赁合同", output);
        Assert.Matches(@"(?m)^\s+Tue 2017-02-21 10:00\s+system\s+closed\s+Approved: sent by mail$", output);
    }

    [Fact]
    public void CasesShow_VehicleTransfer_ListsTheVisitsMade()
    {
        var (exit, output, _) = Cli.Run(Store("cases", "show", CaseOfErrand(2), "--json"));

        Assert.Equal(ExitCodes.Ok, exit);
        using var json = JsonConvention.Parse(output);
        var root = json.RootElement;
        Assert.Equal("closed", root.GetProperty("stage").GetString());
        Assert.Equal("pickup", root.GetProperty("delivery").GetString());
        Assert.Equal(["vehicle inspection and hand-in of originals", "pickup"], root.GetProperty("visits").EnumerateArray().Select(v => v.GetProperty("purpose").GetString()));
        Assert.Equal(1, root.GetProperty("visitsMade").GetInt32());
        Assert.Contains(root.GetProperty("audit").EnumerateArray(), a => a.GetProperty("action").GetString() == "evidence_requested" && a.GetProperty("purpose").GetString()!.Contains("330100-SC-0002", StringComparison.Ordinal));
    }

    [Fact]
    public void CasesShow_UnknownCase_IsAUsageErrorWithASuggestion()
    {
        var real = CaseOfErrand(4);
        var typo = real[..^1] + (real[^1] == '0' ? '1' : '0');

        var (exit, output, error) = Cli.Run(Store("cases", "show", typo));

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Empty(output);
        Assert.Contains($"there is no case '{typo}'", error, StringComparison.Ordinal);
        Assert.Contains(real, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Cases_MissingStore_IsAUsageErrorAndCreatesNothing()
    {
        using var folder = new TempFolder();
        var missing = Path.Combine(folder.Path, "nope.db");

        var (exit, _, error) = Cli.Run("cases", "list", "--db", missing);

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("there is no case store at", error, StringComparison.Ordinal);
        Assert.Contains("onevisit demo", error, StringComparison.Ordinal);
        Assert.False(File.Exists(missing));
    }

    [Fact]
    public void Cases_FileThatIsNotACaseStore_IsAnErrorNotAStackTrace()
    {
        using var folder = new TempFolder();
        var other = Path.Combine(folder.Path, "other.db");
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={other};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE notes (text TEXT)";
            command.ExecuteNonQuery();
        }

        var (exit, _, error) = Cli.Run("cases", "list", "--db", other);

        Assert.Equal(ExitCodes.Errors, exit);
        Assert.Contains("is not a OneVisit case store", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Cases_UnknownTimeZone_IsAUsageError()
    {
        var (exit, _, error) = Cli.Run("cases", "list", "--db", demo.Database, "--time-zone", "Mars/Olympus");

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("there is no time zone 'Mars/Olympus'", error, StringComparison.Ordinal);
    }
}
