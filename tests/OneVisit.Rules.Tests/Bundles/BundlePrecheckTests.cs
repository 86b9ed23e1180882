using OneVisit.Rules.Catalog;
using OneVisit.Rules.Precheck;
using static OneVisit.Rules.Tests.Bundles.BirthBundle;

namespace OneVisit.Rules.Tests.Bundles;

/// <summary>The bundle precheck on 出生一件事: visits counted per matter, every material once, one notice.</summary>
public sealed class BundlePrecheckTests
{
    [Fact]
    public void CheckBundle_JointWindowAndEverythingPassedOn_OneTripAgainstANaiveSumOfFour()
    {
        var result = Engine(Define()).CheckBundle(Request());

        Assert.Equal(Verdict.OneVisit, result.Verdict);
        Assert.Equal(1, result.Visits.Count);
        Assert.Equal(4, result.Visits.NaiveSum);
        Assert.Equal(3, result.Visits.Saved);
        var trip = Assert.Single(result.Visits.Trips);
        Assert.Equal("综合受理窗口", trip.Place.Text);
        Assert.Contains("一窗受理", trip.Why.Text, StringComparison.Ordinal);
        Assert.Equal([Certificate, Registration, Insurance, Card], trip.Touchpoints.Select(t => t.ProcedureCode).Distinct());
        Assert.Equal("hz_general_window", result.AcceptancePoint?.Id);
    }

    [Fact]
    public void CheckBundle_CertificatePassedOn_ShownAsPassedOnAndNeverAskedFor()
    {
        var result = Engine(Define()).CheckBundle(Request());

        var certificate = Assert.Single(result.Materials, m => m.Document.Id == "birth_medical_certificate");
        Assert.Equal(MaterialStatus.PassedOn, certificate.Status);
        Assert.False(certificate.IsGap);
        Assert.Equal(Certificate, certificate.PassedOn?.Flow.FromProcedure);
        Assert.Equal("hz_health_shangcheng", certificate.PassedOn?.IssuedBy.Id);
        Assert.Contains("传递", certificate.Note.Text, StringComparison.Ordinal);
        Assert.Null(result.Notice);
    }

    [Fact]
    public void CheckBundle_OneIdCardForSeveralMembers_ListedOncePerParty()
    {
        var result = Engine(Define()).CheckBundle(Request());

        // The certificate names the mother's and the father's cards; the other members ask for "an ID card".
        var cards = result.Materials.Where(m => m.Document.Id == "resident_id_card").ToList();
        Assert.Equal([null, "father", "mother"], cards.Select(c => c.Party?.Id).Order());
        var anyones = cards.Single(c => c.Party is null);
        Assert.Equal(MaterialStatus.Held, anyones.Status);
        Assert.Equal([Registration, Insurance, Card], anyones.UsedBy.Select(u => u.ProcedureCode).Distinct());
        Assert.Equal("居民身份证（母亲）", cards.Single(c => c.Party?.Id == "mother").Name.Text);
        Assert.Equal(result.Materials.Count, result.Materials.Select(m => (m.Document.Id, m.Party?.Id)).Distinct().Count());
    }

    [Fact]
    public void CheckBundle_RegisteredLate_OneNoticeForTheWholeMatter()
    {
        // Declared more than a month after the birth: the registration needs a statement only the parents can write.
        var request = Request(overrides: ("child.birth_date", new DateOnly(2016, 11, 1)));

        var result = Engine(Define()).CheckBundle(request);

        Assert.Equal(Verdict.NotYet, result.Verdict);
        var notice = Assert.IsType<DeficiencyNotice>(result.Notice);
        Assert.Equal("330100-YJS-0001", notice.ProcedureCode);
        Assert.Equal(notice.Items.Count, notice.Items.Select(i => i.Document.Id).Distinct().Count());
        Assert.Contains("出生一件事", notice.ToChinese(), StringComparison.Ordinal);
        Assert.Contains(notice.Items, i => i.Document.Id == "late_registration_statement");
        Assert.All(result.Materials.Where(m => m.IsGap), m => Assert.Contains(notice.Items, i => i.Document.Id == m.Document.Id));
    }

    [Fact]
    public void CheckBundle_CertificateCarriedOnPaper_RegistrationWaitsForASecondTrip()
    {
        var result = Engine(Define(via: FlowVia.CitizenCarries)).CheckBundle(Request());

        // Applied for with the others at the joint window; only the original certificate, which the citizen collects
        // on paper the next working day, has to be shown on a second trip.
        Assert.Equal(2, result.Visits.Count);
        var second = result.Visits.Trips[1];
        var touch = Assert.Single(second.Touchpoints);
        Assert.Equal((Registration, PresenceReason.Originals), (touch.ProcedureCode, touch.Reason.Reason));
        Assert.Contains("纸质", second.Why.Text, StringComparison.Ordinal);
        Assert.Contains(result.Visits.Trips[0].Touchpoints, t => t.ProcedureCode == Registration && t.Reason.Reason == PresenceReason.HandIn);
        Assert.Equal([1, 2], result.Visits.Trips.Select(t => t.Wave));
    }

    [Fact]
    public void CheckBundle_CarriedWithoutJointAcceptance_SecondTripToTheOtherDepartment()
    {
        var result = Engine(Define(via: FlowVia.CitizenCarries, jointWindow: false, delivery: BundleDelivery.PerMember)).CheckBundle(Request(window: null));

        Assert.Equal(2, result.Visits.Count);
        Assert.Equal(Certificate, Assert.Single(result.Visits.Trips[0].Touchpoints).ProcedureCode);
        Assert.All(result.Visits.Trips[1].Touchpoints, t => Assert.Equal(Registration, t.ProcedureCode));
        Assert.NotEqual(result.Visits.Trips[0].Place, result.Visits.Trips[1].Place);
    }

    [Fact]
    public void CheckBundle_NoJointAcceptance_OneTripPerPlace()
    {
        var result = Engine(Define(jointWindow: false)).CheckBundle(Request(window: null));

        var places = result.Members.Where(m => m.Result?.Visits.Reasons.Count > 0).Select(m => m.Result!.Routing.Window?.Id ?? m.Result.Routing.Authority.Id).Distinct().Count();
        Assert.Equal(places, result.Visits.Count);
        Assert.All(result.Visits.Trips, t => Assert.Contains("没有联办受理点", t.Why.Text, StringComparison.Ordinal));
        Assert.All(result.Visits.Trips, t => Assert.Equal(1, t.Wave));
        Assert.True(result.Visits.Count <= result.Visits.NaiveSum);
    }

    [Fact]
    public void CheckBundle_MemberConditionUnknown_UndecidedAndAskedOnce()
    {
        var request = Request() with { Facts = Request().Facts.Where(f => f.Key != "applicant.insured_in_hangzhou").ToDictionary() };

        var result = Engine(Define(cardWhen: "applicant.insured_in_hangzhou")).CheckBundle(request);

        Assert.Equal(MemberInclusion.Undecided, result.Members.Single(m => m.Procedure.Code == Card).Inclusion);
        var question = Assert.Single(result.OpenQuestions, q => q.Path == "applicant.insured_in_hangzhou");
        Assert.Contains(Card, question.Affects);
        Assert.Equal(Verdict.NotYet, result.Verdict);
    }

    [Fact]
    public void CheckBundle_MemberConditionFalse_ExcludedAndNotCounted()
    {
        var result = Engine(Define(cardWhen: "child.born_in_joint_service_hospital")).CheckBundle(Request());

        var card = result.Members.Single(m => m.Procedure.Code == Card);
        Assert.Equal(MemberInclusion.Excluded, card.Inclusion);
        Assert.Null(card.Result);
        Assert.Equal(3, result.Visits.NaiveSum);
        Assert.DoesNotContain(result.Materials, m => m.UsedBy.Any(u => u.ProcedureCode == Card));
    }

    [Fact]
    public void CheckBundle_OptionalMemberLeftOut_NotChecked()
    {
        var result = Engine(Define(cardOptional: true)).CheckBundle(Request() with { LeftOut = [Card] });

        Assert.Equal(MemberInclusion.LeftOut, result.Members.Single(m => m.Procedure.Code == Card).Inclusion);
        Assert.Equal(3, result.Visits.NaiveSum);
    }

    [Fact]
    public void CheckBundle_RequiredMemberLeftOut_RefusedWithTheField()
    {
        var error = Assert.Throws<InvalidApplicationException>(() => Engine(Define()).CheckBundle(Request() with { LeftOut = [Card, "330100-SC-9999"] }));

        Assert.Contains(error.Errors, e => e.Field == "left_out[0]" && e.Message.Contains("cannot be left out", StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e.Field == "left_out[1]" && e.Message.Contains("not a member", StringComparison.Ordinal));
    }

    [Fact]
    public void CheckBundle_CertificateRefused_DependentsStoppedOthersGoAhead()
    {
        var request = Request(overrides: ("child.born_in_licensed_institution", false));

        var result = Engine(Define()).CheckBundle(request);

        Assert.Equal(MemberInclusion.Refused, Member(result, Certificate).Inclusion);
        Assert.Equal(MemberInclusion.Stopped, Member(result, Registration).Inclusion);
        Assert.Equal(MemberInclusion.Stopped, Member(result, Insurance).Inclusion);
        Assert.Equal(MemberInclusion.Included, Member(result, Card).Inclusion);
        Assert.Equal([Card], result.GoingAhead.Select(m => m.Procedure.Code));

        // No certificate, no registration: the matter cannot be done, though the card can still be applied for.
        Assert.Equal(Verdict.NotEligible, result.Verdict);
        Assert.Contains(result.Obstacles, o => o.Text.StartsWith("出生医学证明", StringComparison.Ordinal));
        Assert.Contains(result.Obstacles, o => o.Text.Contains("中止", StringComparison.Ordinal) || o.Text.Contains("需要", StringComparison.Ordinal));
    }

    [Fact]
    public void CheckBundle_OptionalMemberRefused_TheRestOfTheMatterGoesOn()
    {
        var request = Request(overrides: ("applicant.insured_in_hangzhou", false));

        var result = Engine(Define(cardOptional: true)).CheckBundle(request);

        Assert.Equal(MemberInclusion.Refused, Member(result, Card).Inclusion);
        Assert.Equal(Verdict.OneVisit, result.Verdict);
        Assert.Equal(3, result.Visits.NaiveSum);
    }

    [Fact]
    public void CheckBundle_CertificateRefusedButMembersContinue_CertificateAskedOfTheCitizen()
    {
        var request = Request(overrides: ("child.born_in_licensed_institution", false));

        var result = Engine(Define(onRefused: MemberRefusal.Continue)).CheckBundle(request);

        Assert.Equal(MemberInclusion.Included, Member(result, Registration).Inclusion);
        var certificate = Assert.Single(result.Materials, m => m.Document.Id == "birth_medical_certificate");
        Assert.NotEqual(MaterialStatus.PassedOn, certificate.Status);
    }

    [Fact]
    public void CheckBundle_EveryMemberRefusedOrStopped_NotEligibleWithTheRefusals()
    {
        var request = Request(overrides: [("child.born_in_licensed_institution", false), ("applicant.insured_in_hangzhou", false)]);

        var result = Engine(Define()).CheckBundle(request);

        Assert.Equal(Verdict.NotEligible, result.Verdict);
        Assert.NotEmpty(result.Obstacles);
        Assert.Empty(result.GoingAhead);
    }

    [Fact]
    public void CheckBundle_UnknownBundle_SuggestsTheNearest()
    {
        var error = Assert.Throws<InvalidApplicationException>(() => Engine(Define()).CheckBundle(Request(bundleCode: "330100-YJS-0010")));

        var only = Assert.Single(error.Errors);
        Assert.Equal("bundle", only.Field);
        Assert.Contains("330100-YJS-0001", only.Message, StringComparison.Ordinal);
    }

    private static BundleMemberResult Member(BundlePrecheckResult result, string code) => result.Members.Single(m => m.Procedure.Code == code);
}
