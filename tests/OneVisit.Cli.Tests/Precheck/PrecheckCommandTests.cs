using System.Text.Json;
using System.Text.RegularExpressions;
using OneVisit.Cli.Precheck;

namespace OneVisit.Cli.Tests.Precheck;

public sealed class PrecheckCommandTests
{
    [Fact]
    public void Precheck_BranchRegistration_NotYetWithBothMissingMaterialsAndTheNoticeInChinese()
    {
        var (exitCode, output, error) = Precheck("01-branch-registration.yaml");

        Assert.True(exitCode == ExitCodes.Warnings, output + error);
        Assert.Matches(@"(?m)^结论\s+暂不能办结$", output);
        Assert.Matches(@"(?m)^\s+premises_lease_contract\s+尚缺\s", output);
        Assert.Matches(@"(?m)^\s+branch_head_appointment\s+尚缺\s", output);
        Assert.Matches(@"(?m)^\s+parent_articles\s+部门共享获取\s", output);
        Assert.Matches(@"(?m)^\s+提交情形：branch\.premises_type = ""leased""\s+\S+\.yaml:\d+:\d+$", output);
        Assert.Matches(@"(?m)^办理机关\s+hz_amr_shangcheng 杭州市上城区市场监督管理局（区级）$", output);
        Assert.Contains("一次性告知书", output, StringComparison.Ordinal);
        Assert.Contains("1. 房屋租赁合同", output, StringComparison.Ordinal);
        Assert.Contains("《中华人民共和国行政许可法》第三十二条", output, StringComparison.Ordinal);
        Assert.Empty(error);
    }

    [Fact]
    public void Precheck_BranchRegistrationInEnglish_UsesTheCataloguesWords()
    {
        var (exitCode, output, _) = Precheck("01-branch-registration.yaml", "--lang", "en");

        Assert.Equal(ExitCodes.Warnings, exitCode);
        Assert.Matches(@"(?m)^Verdict\s+not_yet$", output);
        Assert.Matches(@"(?m)^\s+premises_lease_contract\s+missing\s", output);
        Assert.Matches(@"(?m)^\s+parent_articles\s+fetched\s", output);
        Assert.Matches(@"(?m)^\s+required if branch\.premises_type = ""leased""\s+\S+\.yaml:\d+:\d+$", output);
        Assert.Matches(@"(?m)^Authority\s+hz_amr_shangcheng Shangcheng District Administration for Market Regulation \(district level\)$", output);
    }

    [Theory]
    [InlineData("01-branch-registration.yaml")]
    [InlineData("02-vehicle-transfer-out.yaml")]
    [InlineData("03-company-name-province.yaml")]
    [InlineData("04-housing-fund-rent-withdrawal.yaml")]
    public void Precheck_EachLanguage_HasNoLabelOfTheOtherLeft(string application)
    {
        var chinese = Precheck(application).Output;
        var english = Precheck(application, "--lang", "en").Output;

        var englishWords = LabelScan.Wordings(PrecheckLabels.English).Concat(LabelScan.CatalogueWords(CatalogueTermTypes));
        Assert.Empty(LabelScan.EnglishIn(chinese, englishWords));
        Assert.Empty(LabelScan.ChineseIn(english, LabelScan.Wordings(PrecheckLabels.Chinese)));
    }

    // Not PresenceReason: the sample's step ids reuse its words (signature), and ids stay as written.
    private static readonly Type[] CatalogueTermTypes = [typeof(Rules.Precheck.Verdict), typeof(Rules.Precheck.MaterialStatus), typeof(Rules.Catalog.AuthorityLevel)];

    [Fact]
    public void Precheck_VehicleTransferWith2008Form_OneVisitWithTheFormConverted()
    {
        var (exitCode, output, _) = Precheck("02-vehicle-transfer-out.yaml", "--lang", "en");

        Assert.Equal(ExitCodes.Ok, exitCode);
        Assert.Matches(@"(?m)^Verdict\s+one_visit$", output);
        Assert.Matches(@"(?m)^\s+application_form\s+converted\s", output);
        Assert.Matches(@"(?m)^Visits\s+1$", output);
        Assert.Matches(@"(?m)^\s+visit 1\s+vehicle_inspection \(inspection\)", output);
        Assert.DoesNotContain("一次性告知书", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Precheck_ProvincialNameAtCityWindow_OneVisitToHandInAndForwardedToTheProvince()
    {
        var (exitCode, output, _) = Precheck("03-company-name-province.yaml", "--lang", "en");

        Assert.Equal(ExitCodes.Ok, exitCode);
        Assert.Matches(@"(?m)^Verdict\s+one_visit$", output);
        Assert.Matches(@"(?m)^\s+visit 1\s+hand_in \(hand_in\): The application is handed in at Citizen centre, general intake window$", output);
        Assert.Matches(@"(?m)^Authority\s+zj_amr .*\(province level\)$", output);
        Assert.Matches(@"(?m)^\s+rule\s+330100-SC-0003/jurisdiction/\d+\s+\S+\.yaml:\d+:\d+$", output);
        Assert.Contains("forwarded to zj_amr", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Precheck_HousingFundRent_OnlineWithTheCertificateFetched()
    {
        var (exitCode, output, _) = Precheck("04-housing-fund-rent-withdrawal.yaml", "--lang", "en");

        Assert.Equal(ExitCodes.Ok, exitCode);
        Assert.Matches(@"(?m)^Verdict\s+online$", output);
        Assert.Matches(@"(?m)^\s+no_housing_certificate\s+fetched\s", output);
        Assert.Matches(@"(?m)^\s+avoided\s+identity \(identity_check\)", output);
    }

    [Fact]
    public void Precheck_LangEn_PrintsTheNoticeInEnglish()
    {
        var (exitCode, output, _) = Precheck("01-branch-registration.yaml", "--lang", "en");

        Assert.Equal(ExitCodes.Warnings, exitCode);
        Assert.Contains("Notice of everything still missing", output, StringComparison.Ordinal);
        Assert.DoesNotContain("一次性告知书", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Precheck_Json_HasVerdictMaterialsAndTheNoticeInBothLanguages()
    {
        var (exitCode, output, _) = Precheck("01-branch-registration.yaml", "--json");

        Assert.Equal(ExitCodes.Warnings, exitCode);
        using var json = JsonConvention.Parse(output);
        var root = json.RootElement;
        Assert.Equal("not_yet", root.GetProperty("verdict").GetString());
        Assert.Equal("2017-02-18", root.GetProperty("asOf").GetString());
        Assert.True(root.GetProperty("eligibility").GetProperty("eligible").GetBoolean());
        Assert.Equal("hz_amr_shangcheng", root.GetProperty("routing").GetProperty("authority").GetProperty("id").GetString());
        var materials = root.GetProperty("materials").EnumerateArray().ToDictionary(m => m.GetProperty("id").GetString()!);
        Assert.Equal("missing", materials["premises_lease_contract"].GetProperty("status").GetString());
        Assert.Equal("e_licence", materials["parent_licence"].GetProperty("status").GetString());
        Assert.Equal("data_sharing", materials["parent_articles"].GetProperty("exemption").GetString());
        Assert.True(materials["premises_lease_contract"].GetProperty("requiredBecause").GetProperty("location").GetProperty("line").GetInt32() > 0);
        var notice = root.GetProperty("notice");
        Assert.Equal(["premises_lease_contract", "branch_head_appointment"], notice.GetProperty("materials").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal("2017-02-24", notice.GetProperty("notifyBy").GetString());
        Assert.StartsWith("一次性告知书", notice.GetProperty("zh").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("Notice of everything still missing", notice.GetProperty("en").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Precheck_JsonWithoutGaps_HasNullNoticeAndTheForwarding()
    {
        var (exitCode, output, _) = Precheck("03-company-name-province.yaml", "--json");

        Assert.Equal(ExitCodes.Ok, exitCode);
        using var json = JsonConvention.Parse(output);
        Assert.Equal("one_visit", json.RootElement.GetProperty("verdict").GetString());
        Assert.Equal("zj_amr", json.RootElement.GetProperty("routing").GetProperty("forwardedTo").GetProperty("id").GetString());
        Assert.Equal(1, json.RootElement.GetProperty("visits").GetProperty("count").GetInt32());
        Assert.Equal("hand_in", Assert.Single(json.RootElement.GetProperty("visits").GetProperty("reasons").EnumerateArray()).GetProperty("reason").GetString());
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("notice").ValueKind);
    }

    [Fact]
    public void Precheck_SeizedVehicle_NotEligibleWithTheBasisAndExitsThree()
    {
        using var copy = new CatalogueCopy();
        var file = WriteApplication(copy, Sample("02-vehicle-transfer-out.yaml").Replace("vehicle.is_seized: false", "vehicle.is_seized: true", StringComparison.Ordinal));

        var (exitCode, output, error) = Cli.Run("precheck", copy.Path, "--application", file, "--lang", "en");

        Assert.True(exitCode == ExitCodes.NotEligible, output + error);
        Assert.Matches(@"(?m)^Verdict\s+not_eligible$", output);
        Assert.Matches(@"(?m)^\s+refused\s+The vehicle is seized or impounded; it cannot be transferred \(机动车登记规定（公安部令第124号） 第二十条\)$", output);
        Assert.DoesNotContain("obstacles", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Precheck_JsonNotEligible_ListsEachRefusalWithItsBasisAndNoNotice()
    {
        using var copy = new CatalogueCopy();
        var file = WriteApplication(copy, Sample("02-vehicle-transfer-out.yaml")
            .Replace("vehicle.is_seized: false", "vehicle.is_seized: true", StringComparison.Ordinal)
            .Replace("  - document: vehicle_registration_certificate\n    issued_on: 2013-07-01\n", "", StringComparison.Ordinal));

        var (exitCode, output, _) = Cli.Run("precheck", copy.Path, "--application", file, "--json");

        Assert.Equal(ExitCodes.NotEligible, exitCode);
        using var json = JsonConvention.Parse(output);
        var root = json.RootElement;
        Assert.Equal("not_eligible", root.GetProperty("verdict").GetString());
        var refusal = Assert.Single(root.GetProperty("refusals").EnumerateArray());
        Assert.Equal("seized", refusal.GetProperty("id").GetString());
        Assert.EndsWith("（机动车登记规定（公安部令第124号） 第二十条）", refusal.GetProperty("statement").GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal("第二十条", Assert.Single(refusal.GetProperty("basis").EnumerateArray()).GetProperty("article").GetString());
        Assert.Contains(root.GetProperty("materials").EnumerateArray(), m => m.GetProperty("status").GetString() == "missing");
        Assert.Equal(JsonValueKind.Null, root.GetProperty("notice").ValueKind);
    }

    [Fact]
    public void Precheck_JsonAcceptedWithAGap_SaysWhenItIsDueAndWhatHappensIfItIsNot()
    {
        using var copy = new CatalogueCopy();
        var file = WriteApplication(copy, """
            procedure: 330100-SC-0014
            as_of: 2017-02-20
            facts:
              venue.discharges_to_sewer: true
              venue.serves_food: false
              venue.discharges_industrial_wastewater: true
            """);

        var (_, output, error) = Cli.Run("precheck", copy.Path, "--application", file, "--json");

        using var json = JsonConvention.Parse(output);
        var materials = json.RootElement.GetProperty("materials").EnumerateArray().ToDictionary(m => m.GetProperty("id").GetString()!);
        var report = materials["water_quality_report"];
        Assert.True(report.GetProperty("status").GetString() == "accept_with_gap", output + error);
        Assert.Equal("2017-03-13", report.GetProperty("supplyBy").GetString());
        Assert.Equal("officer_decides", report.GetProperty("onMissed").GetString());
        Assert.Equal(JsonValueKind.Null, materials["drainage_plan"].GetProperty("onMissed").ValueKind);
    }

    [Fact]
    public void Precheck_JsonWithAnUnknownFact_WritesNullForUnknownNotAWord()
    {
        using var copy = new CatalogueCopy();
        var file = WriteApplication(copy, Sample("01-branch-registration.yaml").Replace("branch.scope_within_parent: true", "branch.scope_within_parent: ~", StringComparison.Ordinal));

        var (exitCode, output, error) = Cli.Run("precheck", copy.Path, "--application", file, "--json");

        Assert.True(exitCode == ExitCodes.Warnings, output + error);
        using var json = JsonConvention.Parse(output);
        var eligibility = json.RootElement.GetProperty("eligibility");
        Assert.Equal(JsonValueKind.Null, eligibility.GetProperty("eligible").ValueKind);
        Assert.Equal(JsonValueKind.Null, eligibility.GetProperty("denials")[0].GetProperty("denies").ValueKind);
    }

    [Fact]
    public void Precheck_ApplicationWithoutDate_IsJudgedOnTheCataloguesDate()
    {
        using var copy = new CatalogueCopy();
        var file = WriteApplication(copy, Sample("03-company-name-province.yaml").Replace("as_of: 2017-02-18\n", "", StringComparison.Ordinal));

        var (exitCode, output, _) = Cli.Run("precheck", copy.Path, "--application", file, "--json");

        Assert.Equal(ExitCodes.Ok, exitCode);
        using var json = JsonConvention.Parse(output);
        Assert.Equal("2017-02-18", json.RootElement.GetProperty("asOf").GetString());
    }

    [Theory]
    [InlineData("enterprise.name:", "enterprise.nmae:", "OV2002: 'enterprise.nmae' is not declared in facts.yaml. Did you mean 'enterprise.name'?")]
    [InlineData("document: name_pre_approval_application", "document: name_preapproval_application", "OV2002: There is no document 'name_preapproval_application'. Did you mean 'name_pre_approval_application'?")]
    public void Precheck_MisspeltApplication_PrintsPositionedErrorAndExitsOne(string text, string misspelt, string message)
    {
        using var copy = new CatalogueCopy();
        var file = WriteApplication(copy, Sample("03-company-name-province.yaml").Replace(text, misspelt, StringComparison.Ordinal));
        var line = Array.FindIndex(File.ReadAllLines(file), l => l.Contains(misspelt, StringComparison.Ordinal)) + 1;

        var (exitCode, output, error) = Cli.Run("precheck", copy.Path, "--application", file);

        Assert.Equal(ExitCodes.Errors, exitCode);
        Assert.Empty(output);
        Assert.Matches($@"(?m)^{Regex.Escape(file)}:{line}:\d+: error {Regex.Escape(message)}$", error);
    }

    [Fact]
    public void Precheck_DateOutsideTheProcedure_PrintsFieldAndMessageAndExitsOne()
    {
        using var copy = new CatalogueCopy();
        var file = WriteApplication(copy, Sample("03-company-name-province.yaml")
            .Replace("as_of: 2017-02-18", "as_of: 2001-01-01", StringComparison.Ordinal)
            .Replace("issued_on: 2017-02-18", "issued_on: 2000-12-31", StringComparison.Ordinal));

        var (exitCode, output, error) = Cli.Run("precheck", copy.Path, "--application", file);

        Assert.Equal(ExitCodes.Errors, exitCode);
        Assert.Empty(output);
        Assert.Contains($"{file}: as_of: 330100-SC-0003 version 1 is in force from ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Precheck_WithoutApplicationOption_ExitsWithUsageError()
    {
        var (exitCode, output, error) = Cli.Run("precheck", RepositoryRoot.SampleCatalogue);

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Empty(output);
        Assert.Contains("--application", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/no/such/catalogue", "01-branch-registration.yaml", "there is no folder '/no/such/catalogue'")]
    [InlineData(null, "no-such-application.yaml", "there is no application file")]
    public void Precheck_MissingFolderOrFile_ExitsWithUsageError(string? catalogue, string application, string message)
    {
        var (exitCode, output, error) = Cli.Run("precheck", catalogue ?? RepositoryRoot.SampleCatalogue, "--application", SamplePath(application));

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Empty(output);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Precheck_UnknownLanguage_ExitsWithUsageError()
    {
        var (exitCode, _, error) = Precheck("01-branch-registration.yaml", "--lang", "fr");

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Contains("--lang takes zh (Chinese) or en (English), not 'fr'.", error, StringComparison.Ordinal);
        Assert.Contains("onevisit --help", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Precheck_Help_DescribesOptionsAndExitCodes()
    {
        var (exitCode, output, _) = Cli.Run("precheck", "--help");

        Assert.Equal(ExitCodes.Ok, exitCode);
        Assert.Contains("--application", output, StringComparison.Ordinal);
        Assert.Contains("--lang", output, StringComparison.Ordinal);
        Assert.Contains("0 online or one_visit, 2 not_yet or multiple_visits, 3 not_eligible", output, StringComparison.Ordinal);
    }

    private static (int ExitCode, string Output, string Error) Precheck(string application, params string[] options) =>
        Cli.Run(["precheck", RepositoryRoot.SampleCatalogue, "--application", SamplePath(application), .. options]);

    private static string SamplePath(string application) => Path.Combine(RepositoryRoot.SampleCatalogue, "applications", application);

    private static string Sample(string application) => File.ReadAllText(SamplePath(application));

    private static string WriteApplication(CatalogueCopy copy, string content)
    {
        var file = Path.Combine(copy.Path, "applications", "edited.yaml");
        File.WriteAllText(file, content);
        return file;
    }
}
