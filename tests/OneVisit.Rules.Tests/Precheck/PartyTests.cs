using OneVisit.Rules.Catalog;
using OneVisit.Rules.Diagnostics;
using OneVisit.Rules.Precheck;

namespace OneVisit.Rules.Tests.Precheck;

/// <summary>
/// A procedure with two parties: each party's ID card is that party's own, so one card never serves for both, and
/// the notice says whose card is missing.
/// </summary>
public sealed class PartyTests
{
    private const string Marriage = "330100-SC-0009";
    private static readonly SourceLocation Here = SourceLocation.StartOf("PartyTests.cs");

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
    public void Check_EachPartySigns_EachPresenceNamesItsParty()
    {
        var result = Engine().Check(Request(new HeldDocument("resident_id_card") { Party = "groom" }, new HeldDocument("resident_id_card") { Party = "bride" }));

        var signatures = result.Visits.Reasons.Where(r => r.StepId.EndsWith("_signature", StringComparison.Ordinal)).ToList();
        Assert.Equal(["groom", "bride"], signatures.Select(s => s.Party?.Id));
        Assert.Equal(1, result.Visits.Count);
    }

    // The sample's marriage registration with its two ID cards (one material, copies: 2, today) split into each
    // party's own, and one signature per party.
    private static PrecheckEngine Engine()
    {
        var sample = Support.SampleCatalogue.Catalog;
        var marriage = sample.Procedures[Marriage];
        var card = marriage.Materials.Single(m => m.Id == "id_cards");
        var signature = marriage.Presence.Single(p => p.Id == "declaration_signature");
        var split = marriage with
        {
            Parties = ["groom", "bride"],
            Materials =
            [
                .. marriage.Materials.Where(m => m != card),
                card with { Id = "groom_id_card", Copies = 1, Exemptions = [], Party = "groom" },
                card with { Id = "bride_id_card", Copies = 1, Exemptions = [], Party = "bride" },
            ],
            Presence =
            [
                .. marriage.Presence.Where(p => p != signature),
                signature with { Id = "groom_signature", Party = "groom" },
                signature with { Id = "bride_signature", Party = "bride" },
            ],
        };
        var info = sample.Info with { Parties = [new("groom", new("男方", "Groom"), Here), new("bride", new("女方", "Bride"), Here)] };
        var catalog = new ProcedureCatalog(info, sample.Facts, [.. sample.Authorities.Values], [.. sample.Documents.Values], [.. sample.Procedures.Values.Where(p => p.Code != Marriage), split]);
        return new PrecheckEngine(catalog);
    }

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
