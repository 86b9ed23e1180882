using OneVisit.Rules.Authoring;
using OneVisit.Rules.Diagnostics;
using OneVisit.Rules.Precheck;
using OneVisit.Rules.Tests.Support;

namespace OneVisit.Rules.Tests.Bundles;

/// <summary>
/// The sample catalogue's four bundles (catalog/hangzhou/bundles), each on its sample application
/// (catalog/hangzhou/applications/05–08): what the policy says for that family's or company's situation.
/// </summary>
public sealed class SampleBundleTests
{
    private const string Birth = "05-birth-bundle.yaml";
    private const string BusinessStart = "06-business-start-bundle.yaml";
    private const string AfterDeath = "07-after-death-bundle.yaml";
    private const string HomeSale = "08-home-sale-bundle.yaml";

    // The engine judges a member's own acceptance conditions on the joint form's answers as they stand at
    // application, so a condition an earlier member of the same matter makes true ("the company holds its business
    // licence", "the taxes are paid") refuses the member instead of making it wait for that result.
    private const string MemberConditionMetByEarlierMember =
        "Engine gap: a member whose condition an earlier member fulfils (licence issued, tax paid) is refused instead of waiting for it.";

    [Theory]
    [InlineData(Birth, "330100-YJS-0001")]
    [InlineData(BusinessStart, "330100-YJS-0002")]
    [InlineData(AfterDeath, "330100-YJS-0003")]
    [InlineData(HomeSale, "330100-YJS-0004")]
    public void CheckBundle_EverySampleBundleApplication_ReadsAndChecksWithoutErrors(string file, string code)
    {
        var loaded = ApplicationFile.Load(PathOf(file), SampleCatalogue.Catalog);

        Assert.DoesNotContain(loaded.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        var request = Assert.IsType<BundlePrecheckRequest>(loaded.Bundle);
        Assert.Equal(code, request.BundleCode);
        var result = SampleCatalogue.Engine.CheckBundle(request);
        Assert.Equal(code, result.Bundle.Code);
        Assert.True(result.Visits.Count <= result.Visits.NaiveSum);
    }

    [Fact]
    public void CheckBundle_BirthAtTheHospitalJointDesk_OneTripAgainstANaiveSumOfFour()
    {
        var result = Check(Birth);

        Assert.Equal(["330100-SC-0005", "330100-SC-0006", "330100-SC-0007", "330100-SC-0008"], Included(result));
        Assert.Equal(Verdict.OneVisit, result.Verdict);
        Assert.Equal((1, 4), (result.Visits.Count, result.Visits.NaiveSum));
        Assert.Equal("hz_birth_joint_desk", result.AcceptancePoint?.Id);
        Assert.Equal("助产医院出生一件事联办窗口", Assert.Single(result.Visits.Trips).Place.Text);
        Assert.Null(result.Notice);
    }

    [Fact]
    public void CheckBundle_BirthAtTheHospitalJointDesk_CertificateAndHouseholdPagePassedOnNeverAsked()
    {
        var result = Check(Birth);

        AssertPassedOn(result, "birth_medical_certificate", from: "330100-SC-0005", to: ["330100-SC-0006"]);
        AssertPassedOn(result, "household_register", from: "330100-SC-0006", to: ["330100-SC-0007"]);
        Assert.Equal(["father", "mother"], result.Materials.Where(m => m.Document.Id == "resident_id_card" && m.Party is not null).Select(m => m.Party!.Id).Order());
    }

    [Fact(Skip = MemberConditionMetByEarlierMember)]
    public void CheckBundle_NewCompanyAtTheJointStartUpWindow_EveryMemberGoesAheadInOneTrip()
    {
        var result = Check(BusinessStart);

        // Policy: the whole start-up is accepted at once; seals, invoices, social insurance and the housing fund wait for
        // the licence, which the registration passes on. Today 0025, 0026 and 0027 are refused ("no licence yet") and
        // 0022 is stopped, leaving a naive sum of 2.
        Assert.Equal(["330100-SC-0023", "330100-SC-0024", "330100-SC-0025", "330100-SC-0022", "330100-SC-0026", "330100-SC-0027"], Included(result));
        Assert.Equal(["330100-SC-0024", "330100-SC-0025"], Member(result, "330100-SC-0022").WaitsFor.Order());
        AssertPassedOn(result, "business_licence", from: "330100-SC-0024", to: ["330100-SC-0025", "330100-SC-0022", "330100-SC-0026", "330100-SC-0027"]);
        AssertPassedOn(result, "invoice_seal_impression", from: "330100-SC-0025", to: ["330100-SC-0022"]);
        Assert.Equal((1, 6), (result.Visits.Count, result.Visits.NaiveSum));
    }

    [Fact]
    public void CheckBundle_NewCompanyAtTheJointStartUpWindow_NameNoticePassedOnToTheRegistration()
    {
        var result = Check(BusinessStart);

        Assert.Equal(MemberInclusion.Included, Member(result, "330100-SC-0024").Inclusion);
        AssertPassedOn(result, "name_pre_approval_notice", from: "330100-SC-0023", to: ["330100-SC-0024"]);
        Assert.Equal("hz_amr_shangcheng", Member(result, "330100-SC-0024").Authority?.Id);
    }

    [Fact]
    public void CheckBundle_InsuredEmployeeWithFundBalance_EveryMemberInOneTripAgainstFour()
    {
        var result = Check(AfterDeath);

        Assert.Equal(["330100-SC-0028", "330100-SC-0020", "330100-SC-0029", "330100-SC-0021"], Included(result));
        Assert.Equal((1, 4), (result.Visits.Count, result.Visits.NaiveSum));
        Assert.Equal("hz_funeral_joint_window", result.AcceptancePoint?.Id);
        AssertPassedOn(result, "death_medical_certificate", from: "330100-SC-0028", to: ["330100-SC-0020"]);
        AssertPassedOn(result, "hukou_cancellation_proof", from: "330100-SC-0020", to: ["330100-SC-0029", "330100-SC-0021"]);
    }

    [Fact]
    public void CheckBundle_NoFundBeneficiaryNamed_OneNoticeAsksOnlyForTheNotarisedInheritance()
    {
        var result = Check(AfterDeath);

        Assert.Equal(Verdict.NotYet, result.Verdict);
        var notice = Assert.IsType<DeficiencyNotice>(result.Notice);
        Assert.Equal("notarised_inheritance_certificate", Assert.Single(notice.Items).Document.Id);
    }

    [Fact]
    public void CheckBundle_DeceasedNotInEmployeePension_PensionMemberExcludedAndNotCounted()
    {
        var request = Load(AfterDeath);
        var facts = request.Facts.ToDictionary();
        facts["deceased.insured_employee_pension"] = false;

        var result = SampleCatalogue.Engine.CheckBundle(request with { Facts = facts });

        Assert.Equal(MemberInclusion.Excluded, Member(result, "330100-SC-0029").Inclusion);
        Assert.Equal(["330100-SC-0028", "330100-SC-0020", "330100-SC-0021"], Included(result));
        Assert.Equal((1, 3), (result.Visits.Count, result.Visits.NaiveSum));
    }

    [Fact(Skip = MemberConditionMetByEarlierMember)]
    public void CheckBundle_FirstHomeBoughtAtTheJointWindow_TaxRegistrationAndUtilitiesInOneTrip()
    {
        var result = Check(HomeSale);

        // Policy: the receipt goes to the registry, then the new title goes to the three utilities (联动过户), all
        // applied for at once with buyer and seller present. Today 0015 is refused ("taxes not paid") and the utilities
        // stopped. Even with that fixed, the utilities' title material comes out held (the seller's old certificate
        // stands for it) rather than passed on.
        Assert.Equal(["330100-SC-0016", "330100-SC-0015", "330100-SC-0030", "330100-SC-0031", "330100-SC-0032"], Included(result));
        AssertPassedOn(result, "tax_payment_certificate", from: "330100-SC-0016", to: ["330100-SC-0015"]);
        AssertPassedOn(result, "real_estate_certificate", from: "330100-SC-0015", to: ["330100-SC-0030", "330100-SC-0031", "330100-SC-0032"]);
        Assert.Equal((1, 5), (result.Visits.Count, result.Visits.NaiveSum));
    }

    // Every use of the document by the receiving members is passed on by the producing member, never asked.
    private static void AssertPassedOn(BundlePrecheckResult result, string document, string from, string[] to)
    {
        var uses = result.Materials.Where(m => m.Document.Id == document).SelectMany(m => m.UsedBy).Where(u => to.Contains(u.ProcedureCode)).ToList();
        Assert.Equal(to.Order(), uses.Select(u => u.ProcedureCode).Distinct().Order());
        Assert.All(uses, u => Assert.Equal(MaterialStatus.PassedOn, u.Material.Status));
        Assert.Contains(result.Materials, m => m.Document.Id == document && m.PassedOn?.Flow.FromProcedure == from);
        Assert.DoesNotContain(result.Notice?.Items ?? [], i => i.Document.Id == document);
    }

    private static BundlePrecheckResult Check(string file) => SampleCatalogue.Engine.CheckBundle(Load(file));

    private static BundlePrecheckRequest Load(string file)
    {
        var loaded = ApplicationFile.Load(PathOf(file), SampleCatalogue.Catalog);
        return loaded.Bundle ?? throw new InvalidOperationException($"{file}: {string.Join("; ", loaded.Diagnostics.Select(d => d.Message))}");
    }

    private static string PathOf(string file) => Path.Combine(RepositoryRoot.Path, "catalog", "hangzhou", "applications", file);

    private static List<string> Included(BundlePrecheckResult result) =>
        [.. result.Members.Where(m => m.Inclusion == MemberInclusion.Included).Select(m => m.Procedure.Code)];

    private static BundleMemberResult Member(BundlePrecheckResult result, string code) => result.Members.Single(m => m.Procedure.Code == code);
}
