using OneVisit.Rules.Precheck;

namespace OneVisit.Rules.Tests.Precheck;

/// <summary>
/// The sample's marriage registration, which has two parties: each party's ID card is that party's own, so one card
/// never serves for both, and the notice says whose card is missing.
/// </summary>
public sealed class PartyTests
{
    private const string Marriage = "330100-SC-0009";

    [Fact]
    public void Check_OnlyTheGroomsCardHeld_TheBridesCardIsMissingByName()
    {
        var result = Engine().Check(Request(new HeldDocument("resident_id_card") { Party = "groom" }));

        Assert.Equal(MaterialStatus.Held, result.Material("groom_id_card").Status);
        Assert.Equal(MaterialStatus.Missing, result.Material("bride_id_card").Status);
        Assert.Contains("居民身份证（女方）", result.Notice!.ToChinese(), StringComparison.Ordinal);
        Assert.Contains("Resident identity card (Bride)", result.Notice.ToEnglish(), StringComparison.Ordinal);
    }

    [Fact]
    public void Check_OneCardWithoutParty_ServesNeitherParty()
    {
        var result = Engine().Check(Request(new HeldDocument("resident_id_card")));

        Assert.Equal(MaterialStatus.Missing, result.Material("groom_id_card").Status);
        Assert.Equal(MaterialStatus.Missing, result.Material("bride_id_card").Status);
    }

    [Fact]
    public void Check_BothCardsHeld_NeitherIsAGap()
    {
        var result = Engine().Check(Request(new HeldDocument("resident_id_card") { Party = "groom" }, new HeldDocument("resident_id_card") { Party = "bride" }));

        Assert.DoesNotContain(result.Materials, m => m.Document.Id == "resident_id_card" && m.IsGap);
    }

    [Fact]
    public void Check_EachPartyAppears_EachPresenceNamesItsPartyOnOneVisit()
    {
        var result = Engine().Check(Request(new HeldDocument("resident_id_card") { Party = "groom" }, new HeldDocument("resident_id_card") { Party = "bride" }));

        var appearances = result.Visits.Reasons.Where(r => r.StepId.EndsWith("_appearance", StringComparison.Ordinal)).ToList();
        Assert.Equal(["groom", "bride"], appearances.Select(s => s.Party?.Id));
        Assert.Equal(1, result.Visits.Count);
    }

    private static PrecheckEngine Engine() => Support.SampleCatalogue.Engine;

    private static PrecheckRequest Request(params HeldDocument[] documents) => new()
    {
        ProcedureCode = Marriage,
        AsOf = Support.SampleCatalogue.Morning,
        Facts = new Dictionary<string, object?>
        {
            ["applicant.sex"] = "male",
            ["applicant.birth_date"] = new DateOnly(1990, 5, 1),
            ["applicant.marital_status"] = "single",
            ["applicant.has_local_hukou"] = true,
            ["partner.sex"] = "female",
            ["partner.birth_date"] = new DateOnly(1992, 8, 1),
            ["partner.marital_status"] = "single",
            ["partner.has_local_hukou"] = true,
            ["partner.is_close_relative"] = false,
        },
        Documents = documents,
    };
}
