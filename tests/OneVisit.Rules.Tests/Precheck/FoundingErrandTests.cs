using System.Text.RegularExpressions;
using OneVisit.Rules.Catalog;
using OneVisit.Rules.Expressions;
using OneVisit.Rules.Precheck;
using OneVisit.Rules.Testing;

namespace OneVisit.Rules.Tests.Precheck;

/// <summary>
/// The four errands that failed one morning in Hangzhou in 2017, prechecked: each now ends in one notice, one visit
/// or none. Requests start from the sample's policy test cases so that both kinds of test describe the same people.
/// </summary>
public sealed class FoundingErrandTests
{
    private static PrecheckEngine Engine => SampleCatalogue.Engine;

    [Fact]
    public void Branch_MissingTwoMaterials_OneNoticeListsBothAtOnce()
    {
        var result = Engine.Check(FromTestCase("分公司设立登记，缺两项材料，一次性告知"));

        Assert.Equal(Verdict.NotYet, result.Verdict);
        var notice = Assert.IsType<DeficiencyNotice>(result.Notice);
        Assert.Equal(["premises_lease_contract", "branch_head_appointment"], notice.Items.Select(i => i.Id));
        var chinese = notice.ToChinese();
        Assert.Contains("租赁", chinese, StringComparison.Ordinal);
        Assert.Contains("分公司负责人任职文件", chinese, StringComparison.Ordinal);
        Assert.Contains("第三十二条", chinese, StringComparison.Ordinal);
        Assert.Contains("Administrative Licensing Law, article 32", notice.ToEnglish(), StringComparison.Ordinal);
    }

    [Fact]
    public void Branch_MorningOfSaturday_NoticeIsDueFiveWorkingDaysLater()
    {
        var result = Engine.Check(FromTestCase("分公司设立登记，缺两项材料，一次性告知"));

        // 2017-02-18 was a Saturday: Monday 20th to Friday 24th are the five working days.
        Assert.Equal(new DateOnly(2017, 2, 18), result.Notice!.IssuedOn);
        Assert.Equal(new DateOnly(2017, 2, 24), result.Notice.NotifyBy);
    }

    [Fact]
    public void Branch_ParentCompanyPapers_ComeFromSharingAndELicenceNotFromTheApplicant()
    {
        var result = Engine.Check(FromTestCase("分公司设立登记，缺两项材料，一次性告知"));

        Assert.Equal(MaterialStatus.ELicence, result.Material("parent_licence").Status);
        var articles = result.Material("parent_articles");
        Assert.Equal(MaterialStatus.Fetched, articles.Status);
        Assert.Equal("zj_amr", articles.Source?.Id);
        Assert.Equal(ExemptionKind.DataSharing, articles.Exemption?.Kind);
        Assert.DoesNotContain(result.Notice!.Items, i => i.Id is "parent_licence" or "parent_articles");
    }

    [Fact]
    public void Branch_EachRequiredMaterial_SaysWhyWithPositionAndBasis()
    {
        var result = Engine.Check(FromTestCase("分公司设立登记，缺两项材料，一次性告知"));

        var lease = result.Material("premises_lease_contract").RequiredBecause;
        Assert.Equal("branch.premises_type = \"leased\"", lease.Condition);
        Assert.EndsWith("330100-sc-0001-branch-registration.yaml", lease.Location!.Value.File, StringComparison.Ordinal);
        Assert.True(lease.Location.Value.Line > 1);
        Assert.Contains(lease.Basis, b => b.Law == "中华人民共和国公司登记管理条例");
        Assert.Contains(result.FiredRules, r => r.Name == "330100-SC-0001/material/premises_lease_contract/required" && r.Result == Truth.True);
    }

    [Fact]
    public void Vehicle_OldFormEdition_IsConvertedBeforeTheVisitAndTheInspectionIsTheOneVisit()
    {
        var result = Engine.Check(FromTestCase("企业车辆转出过户，2008版申请表，转换后受理，一次跑动交验车辆"));

        var form = result.Material("application_form");
        Assert.Equal(MaterialStatus.Converted, form.Status);
        Assert.Equal("2008", form.Held?.FormVersion);
        Assert.Equal("2012", form.CurrentVersion?.Version);
        Assert.Equal("current_owner_name", form.FieldMap!["owner_name"]);
        Assert.Equal(Verdict.OneVisit, result.Verdict);
        var visit = Assert.Single(result.Visits.Reasons, r => r.Reason == PresenceReason.Inspection);
        Assert.Equal(1, visit.Visit);
        Assert.Equal(1, result.Visits.Count);
    }

    [Fact]
    public void Vehicle_OldEditionOfAFormTheOfficeIssues_IsPrefilledInTheCurrentEdition()
    {
        // Without a conversion map, a form the office issues itself is simply prefilled in the current edition.
        var result = CheckOldApplicationForm(issuer: "government");

        var form = result.Material("form");
        Assert.Equal(MaterialStatus.Generated, form.Status);
        Assert.Equal("2012", form.CurrentVersion?.Version);
        Assert.Contains("2012", form.Note.Text, StringComparison.Ordinal);
        Assert.Null(result.Notice);
    }

    [Fact]
    public void Vehicle_OldEditionOfAFormTheApplicantMustBring_NamesTheCurrentEditionBeforeTheVisit()
    {
        var result = CheckOldApplicationForm(issuer: "applicant");

        var form = result.Material("form");
        Assert.Equal(MaterialStatus.Outdated, form.Status);
        Assert.Equal("2012", form.CurrentVersion?.Version);
        Assert.Contains("2012", form.Note.Text, StringComparison.Ordinal);
        Assert.Contains(result.Notice!.Items, i => i.Id == "form");
    }

    [Fact]
    public void Vehicle_OldFormEditionWithinGracePeriod_IsHeldAsIs()
    {
        var result = Engine.Check(FromTestCase("宽限期内提交2008版申请表，原样受理"));

        Assert.Equal(MaterialStatus.Held, result.Material("application_form").Status);
    }

    [Fact]
    public void Vehicle_InspectionExpired_IsNotEligibleAndTheRefusalSaysWhyAndOnWhatBasis()
    {
        var result = Engine.Check(FromTestCase("车辆检验过期，不予办理"));

        Assert.Equal(Truth.False, result.Eligibility.Eligible);
        var denial = Assert.Single(result.Eligibility.Denials, d => d.Id == "acceptance/1");
        Assert.Equal(Truth.True, denial.Denies);
        Assert.Equal("vehicle.inspection_valid_until >= as_of", denial.Why.Condition);
        Assert.Equal(Verdict.NotEligible, result.Verdict);
        Assert.Equal(["acceptance/1", "inspection_expired"], result.Refusals.Select(r => r.Id));
        var rule = result.Refusals.Single(r => r.Id == "inspection_expired");
        Assert.Equal("车辆不在检验有效期内，须先检验（机动车登记规定（公安部令第124号） 第二十条）", rule.Statement.Text);
        Assert.Equal("The vehicle's periodic inspection has expired; have it inspected first (机动车登记规定（公安部令第124号） 第二十条)", rule.Statement.English);
        Assert.Equal(result.Refusals.Select(r => r.Statement), result.Obstacles);
    }

    [Fact]
    public void Vehicle_IneligibleWithAMissingForm_GetsNoNoticeToSupplyIt()
    {
        var result = Engine.Check(FromTestCase("车辆检验过期，不予办理"));

        Assert.Equal(Verdict.NotEligible, result.Verdict);
        Assert.Contains(result.Materials, m => m.Status == MaterialStatus.Missing);
        Assert.Null(result.Notice);
        Assert.DoesNotContain(result.Obstacles, o => o.Text.Contains("缺少", StringComparison.Ordinal));
    }

    [Fact]
    public void Vehicle_EligibilityWaitingForAnAnswer_IsNotYetNotNotEligible()
    {
        var request = FromTestCase("车辆检验过期，不予办理");
        var facts = new Dictionary<string, object?>(request.Facts) { ["vehicle.inspection_valid_until"] = new DateOnly(2017, 9, 30) };
        facts.Remove("vehicle.is_seized");

        var result = Engine.Check(request with { Facts = facts });

        Assert.Equal(Truth.Unknown, result.Eligibility.Eligible);
        Assert.Equal(Verdict.NotYet, result.Verdict);
        Assert.Empty(result.Refusals);
    }

    [Fact]
    public void ProvinceName_AtTheCityWindow_IsRoutedToTheProvinceAndForwardedNotRefused()
    {
        var result = Engine.Check(FromTestCase("冠\"浙江\"省名，注册资本2000万，市民中心综合窗口申请，转省局网上办结"));

        Assert.Equal("zj_amr", result.Routing.Authority.Id);
        Assert.Equal(AuthorityLevel.Province, result.Routing.Level);
        Assert.True(result.Routing.Decided);
        Assert.Equal("330100-SC-0003/jurisdiction/1", result.Routing.Why.Rule);
        Assert.NotEmpty(result.Routing.Why.Basis);
        Assert.Equal("hz_general_window", result.Routing.Window?.Id);
        Assert.Equal("zj_amr", result.Routing.ForwardedTo?.Id);
        Assert.Equal(Verdict.OneVisit, result.Verdict);
        var handIn = Assert.Single(result.Visits.Reasons);
        Assert.Equal(("hand_in", PresenceReason.HandIn, 1), (handIn.StepId, handIn.Reason, handIn.Visit));
        Assert.Equal("在综合受理窗口提交申请", handIn.Why.Text.Text);
    }

    [Fact]
    public void ProvinceName_WithoutAWindow_IsNotForwarded()
    {
        var result = Engine.Check(FromTestCase("冠\"浙江\"省名，注册资本2000万，市民中心综合窗口申请，转省局网上办结") with { WindowId = null });

        Assert.Equal("zj_amr", result.Routing.Authority.Id);
        Assert.Null(result.Routing.ForwardedTo);
        Assert.Equal(Verdict.Online, result.Verdict);
        Assert.Equal(0, result.Visits.Count);
    }

    [Fact]
    public void HousingFund_NoHousingCertificate_IsFetchedFromTheRealEstateRegister()
    {
        var result = Engine.Check(FromTestCase("非本地户籍无房租房提取，无房证明由中心共享查询"));

        var certificate = result.Material("no_housing_certificate");
        Assert.Equal(MaterialStatus.Fetched, certificate.Status);
        Assert.Equal("hz_real_estate_registry", certificate.Source?.Id);
        Assert.Equal(Verdict.Online, result.Verdict);
        Assert.Equal(0, result.Visits.Count);
        Assert.Null(result.Notice);
    }

    [Fact]
    public void HousingFund_WithoutAuthorisation_CommitmentReplacesTheCertificateWithAVerificationDate()
    {
        var result = Engine.Check(FromTestCase("不授权查询时，以告知承诺代替无房证明"));

        var certificate = result.Material("no_housing_certificate");
        Assert.Equal(MaterialStatus.Commitment, certificate.Status);
        Assert.Equal(new DateOnly(2017, 3, 20), certificate.VerifyBy); // 30 days after 2017-02-18
        Assert.Equal(Verdict.Online, result.Verdict);
    }

    // The test catalogue's application form, held in its 2008 edition, with no map from 2008 to 2012.
    private static PrecheckResult CheckOldApplicationForm(string issuer)
    {
        using var folder = new CatalogFolder();
        var documents = Regex.Replace(CatalogFolder.DocumentsYaml, @"\n\s*converts_from:\n\s*""2008"":\n\s*owner_name: applicant_name", "")
            .Replace("issuer: government", $"issuer: {issuer}", StringComparison.Ordinal);
        folder.With("documents.yaml", documents);
        var engine = new PrecheckEngine(folder.Load().GetCatalogOrThrow());
        return engine.Check(new PrecheckRequest
        {
            ProcedureCode = "P-1",
            AsOf = new DateOnly(2017, 2, 18),
            Facts = new Dictionary<string, object?> { ["applicant.is_agent"] = false, ["enterprise.registered_capital"] = 50000m, ["enterprise.name"] = "杭州测试有限公司" },
            Documents = [new HeldDocument("application_form", "2008", new DateOnly(2017, 1, 1))],
        });
    }

    internal static PrecheckRequest FromTestCase(string name) =>
        PolicyTestRunner.ToRequest(SampleCatalogue.Tests.Single(t => t.Name == name), SampleCatalogue.Catalog.Info);
}
