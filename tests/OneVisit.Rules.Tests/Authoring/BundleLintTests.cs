using OneVisit.Rules.Catalog;
using OneVisit.Rules.Diagnostics;
using static OneVisit.Rules.Tests.Authoring.BundleFolder;

namespace OneVisit.Rules.Tests.Authoring;

/// <summary>
/// Bundles (一件事) as a policy author writes them: a valid one reaches the model whole, and each mistake is reported
/// at the node that makes it, with what to write instead.
/// </summary>
public sealed class BundleLintTests
{
    [Fact]
    public void Load_ValidBundle_RoundTripsIntoTheModel()
    {
        using var folder = With();

        var result = folder.Load();

        Assert.Empty(result.Diagnostics);
        var bundle = result.GetCatalogOrThrow().Bundles["B-1"];
        Assert.Equal(new LocalizedText("开餐馆一件事", "Opening a restaurant"), bundle.Name);
        Assert.Equal((2, new DateOnly(2019, 6, 1), new DateOnly(2025, 12, 31)), (bundle.Version, bundle.EffectiveFrom, bundle.EffectiveUntil));
        Assert.Equal(new LifeEvent(LifeEventKind.Business, new LocalizedText("企业开办", "Opening a business")), bundle.Event);
        Assert.Equal("hz_amr", bundle.LeadAuthorityId);
        Assert.Equal(["Q-1", "Q-2"], bundle.Members.Select(m => m.ProcedureCode));
        var optional = bundle.Members[1];
        Assert.True(optional.Optional);
        Assert.Equal(MemberRefusal.Continue, optional.OnRefused);
        Assert.NotNull(optional.When);
        Assert.Null(bundle.Members[0].When);
        Assert.Null(bundle.Members[0].OnRefused);
        Assert.Equal(
            [("Q-1", "business_licence", "Q-2", "licence", FlowVia.ELicence), ("Q-1", "business_licence", "Q-2", "licence_copy", FlowVia.ELicence)],
            bundle.Flows.Select(f => (f.FromProcedure, f.DocumentId, f.ToProcedure, f.ToMaterial, f.Via)));
        Assert.Equal(["enterprise.name", "applicant.is_agent"], bundle.Form);
        Assert.Equal("hz_general", bundle.Acceptance!.WindowId);
        Assert.Equal([Channel.Window, Channel.Online], bundle.Acceptance.Channels);
        Assert.Equal(BundleDelivery.Unified, bundle.Delivery);
        Assert.Equal((5, true), (bundle.TimeLimit!.Days, bundle.TimeLimit.WorkingDays));
        Assert.Equal(MemberRefusal.StopDependents, bundle.OnMemberRefused);
        Assert.Equal(["mother"], bundle.Consent);
        Assert.Equal(At(folder, BundleFile, "code: B-1"), bundle.Location);
    }

    [Fact]
    public void Load_MinimalBundle_TakesTheDefaults()
    {
        using var folder = new CatalogFolder()
            .With("procedures/q1.yaml", IssuerYaml)
            .With(BundleFile, """
                code: B-2
                name: 开办企业
                version: 1
                effective_from: 2019-06-01
                event: {kind: business, name: 企业开办}
                lead: hz_amr
                members:
                  - procedure: Q-1
                """);

        var bundle = folder.Load().GetCatalogOrThrow().Bundles["B-2"];

        Assert.Equal((BundleDelivery.PerMember, MemberRefusal.StopDependents), (bundle.Delivery, bundle.OnMemberRefused));
        Assert.Empty(bundle.Flows);
        Assert.Empty(bundle.Form);
        Assert.Empty(bundle.Consent);
        Assert.Null(bundle.Acceptance);
        Assert.Null(bundle.TimeLimit);
    }

    [Fact]
    public void Load_ProcedureDeclaresProducesAndParties_ReachTheModel()
    {
        using var folder = With(Issuer, "produces: [business_licence]", "produces: business_licence");

        var catalog = folder.Load().GetCatalogOrThrow();

        Assert.Equal(["business_licence"], catalog.Procedures["Q-1"].Produces);
        var user = catalog.Procedures["Q-2"];
        Assert.Equal(["mother"], user.Parties);
        Assert.Equal("mother", user.Materials.Single(m => m.Id == "attorney").Party);
        Assert.Null(user.Materials.Single(m => m.Id == "licence").Party);
        Assert.Equal("mother", user.Presence.Single().Party);
        Assert.Equal(new LocalizedText("母亲", "Mother"), catalog.Parties["mother"].Name);
    }

    [Fact]
    public void Load_FlowSettlesAYesNoFact_ReachesEveryTarget()
    {
        using var folder = With(original: "    via: e_licence\n", replacement: "    via: e_licence\n    settles: [applicant.is_agent]\n");

        var bundle = folder.Load().GetCatalogOrThrow().Bundles["B-1"];

        Assert.All(bundle.Flows, f => Assert.Equal(["applicant.is_agent"], f.Settles));
    }

    [Fact]
    public void Lint_FlowSettlesATextFact_SaysOnlyYesNoFactsCanBeSettled()
    {
        using var folder = With(original: "    via: e_licence\n", replacement: "    via: e_licence\n    settles: [enterprise.name]\n");

        var diagnostic = folder.Single(DiagnosticCodes.FlowSettlesWrongFact);

        Assert.Equal(At(folder, BundleFile, "enterprise.name]"), diagnostic.Location);
        Assert.Contains("can only settle yes/no facts", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Lint_FlowSettlesAnUnknownFact_SuggestsTheNearest()
    {
        using var folder = With(original: "    via: e_licence\n", replacement: "    via: e_licence\n    settles: [applicant.is_agnt]\n");

        var diagnostic = folder.Single(DiagnosticCodes.UnknownReference);

        Assert.Equal(At(folder, BundleFile, "applicant.is_agnt"), diagnostic.Location);
        Assert.Contains("Did you mean 'applicant.is_agent'?", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Lint_UnknownMember_SuggestsTheNearestProcedure()
    {
        using var folder = With(original: "  - procedure: Q-2\n", replacement: "  - procedure: Q-3\n");

        var diagnostic = folder.Single(DiagnosticCodes.UnknownReference);

        Assert.Equal(At(folder, BundleFile, "Q-3"), diagnostic.Location);
        Assert.StartsWith("There is no procedure 'Q-3'. Did you mean", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Lint_MemberListedTwice_PointsAtTheSecond()
    {
        using var folder = With(original: "  - procedure: Q-1\n", replacement: "  - procedure: Q-1\n  - procedure: Q-1\n");

        var diagnostic = folder.Single(DiagnosticCodes.DuplicateId);

        Assert.Equal(At(folder, BundleFile, "Q-1\n  - procedure: Q-1", offset: 19), diagnostic.Location);
        Assert.Equal("Procedure Q-1 is already a member of this bundle (line 10); list each member once, with one 'when'.", diagnostic.Message);
    }

    [Fact]
    public void Lint_FlowFromAProcedureOutsideTheBundle_SaysToAddIt()
    {
        using var folder = With(original: "  - from: Q-1", replacement: "  - from: P-1");

        var diagnostic = folder.Single(DiagnosticCodes.FlowEndNotMember);

        Assert.Equal(At(folder, BundleFile, "P-1"), diagnostic.Location);
        Assert.Equal("This flow takes its result from P-1, which is not a member of this bundle. Did you mean 'Q-1'? Add it to 'members', or name a member.", diagnostic.Message);
    }

    [Fact]
    public void Lint_FlowToAMaterialTheMemberDoesNotHave_SuggestsTheNearest()
    {
        using var folder = With(original: "material: licence}", replacement: "material: licnce}");

        var diagnostic = folder.Single(DiagnosticCodes.UnknownReference);

        Assert.Equal(At(folder, BundleFile, "licnce"), diagnostic.Location);
        Assert.Equal("Procedure Q-2 has no material 'licnce'. Did you mean 'licence'? Its materials of type 'business_licence': licence, licence_copy.", diagnostic.Message);
        Assert.DoesNotContain(folder.Load().Diagnostics, d => d.Code == DiagnosticCodes.UnfedMaterial); // the misspelt flow was meant to feed it
    }

    [Fact]
    public void Lint_FlowPassesOnADocumentTheMemberDoesNotProduce_ListsWhatItProduces()
    {
        using var folder = With(original: "  - from: Q-1\n", replacement: "  - from: Q-1\n    document: business_license\n");

        var diagnostic = folder.Single(DiagnosticCodes.FlowDocumentNotProduced);

        Assert.Equal(At(folder, BundleFile, "business_license"), diagnostic.Location);
        Assert.Equal("Q-1 does not produce 'business_license' (it produces: business_licence). Did you mean 'business_licence'? Name one of those, or add 'business_license' to its 'produces'.", diagnostic.Message);
    }

    [Fact]
    public void Lint_FlowWithoutDocumentFromAMemberProducingSeveral_AsksWhichOne()
    {
        using var folder = With(Issuer, "produces: [business_licence]", "produces: [business_licence, application_form]");

        var diagnostic = folder.Single(DiagnosticCodes.FlowDocumentNotProduced);

        Assert.Equal(At(folder, BundleFile, "from: Q-1"), diagnostic.Location);
        Assert.Equal("Q-1 produces several documents (business_licence, application_form); say which one this flow passes on with 'document:'.", diagnostic.Message);
    }

    [Fact]
    public void Lint_FlowFeedsAMaterialOfAnotherType_NamesBothTypes()
    {
        using var folder = With(original: "material: licence_copy}", replacement: "material: attorney}");

        var diagnostic = folder.Single(DiagnosticCodes.FlowTypeMismatch);

        Assert.Equal(At(folder, BundleFile, "attorney"), diagnostic.Location);
        Assert.Equal("Material 'attorney' of Q-2 is a 'power_of_attorney', but this flow passes on a 'business_licence'; a flow can only stand for a material of its own document type. Its materials of type 'business_licence': licence, licence_copy.", diagnostic.Message);
    }

    [Fact]
    public void Lint_FlowsLoop_NamesTheWholeLoopInOrder()
    {
        // Q-2 now issues the power of attorney Q-1 needs, and a flow passes it back: Q-1 → Q-2 → Q-1.
        using var folder = With(original: "    via: e_licence\n", replacement: "    via: e_licence\n  - from: Q-2\n    to: [{procedure: Q-1, material: attorney}]\n    via: push\n");
        folder.With(User, UserYaml.Replace("parties: [mother]", "parties: [mother]\nproduces: [power_of_attorney]", StringComparison.Ordinal))
            .With(Issuer, IssuerYaml.Replace("    document: application_form\n", "    document: application_form\n  - id: attorney\n    document: power_of_attorney\n", StringComparison.Ordinal));

        var diagnostic = folder.Single(DiagnosticCodes.BundleCycle);

        Assert.Equal(At(folder, BundleFile, "{procedure: Q-1, material: attorney}"), diagnostic.Location);
        Assert.Equal("The flows of this bundle loop: Q-1 → Q-2 → Q-1. Each member would wait for its own result; remove or redirect one of these flows.", diagnostic.Message);
    }

    [Fact]
    public void Lint_ConsentOfAPartyNoMemberInvolves_ListsTheInvolvedOnes()
    {
        using var folder = With(original: "consent: [mother]", replacement: "consent: [mother, father]");

        var diagnostic = folder.Single(DiagnosticCodes.ConsentPartyNotInvolved);

        Assert.Equal(At(folder, BundleFile, "father"), diagnostic.Location);
        Assert.Equal("Consent is asked of party 'father', but no member procedure involves it (they involve: mother). Add it to the 'parties' of the member it belongs to, or remove it here.", diagnostic.Message);
    }

    [Fact]
    public void Lint_ConsentOfAnUndeclaredParty_SuggestsTheNearest()
    {
        using var folder = With(original: "consent: [mother]", replacement: "consent: [mothr]");

        var diagnostic = folder.Single(DiagnosticCodes.UnknownReference);

        Assert.Equal(At(folder, BundleFile, "mothr"), diagnostic.Location);
        Assert.Equal("There is no party 'mothr'. Did you mean 'mother'?", diagnostic.Message);
    }

    [Fact]
    public void Lint_MaterialAnotherMemberIssuesButNoFlowFeeds_WarnsWithTheFlowToAdd()
    {
        using var folder = With(original: "      - {procedure: Q-2, material: licence_copy}\n", replacement: "");

        var diagnostic = folder.Single(DiagnosticCodes.UnfedMaterial);

        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Equal(At(folder, BundleFile, "Q-2\n    when"), diagnostic.Location);
        Assert.Equal("Member Q-2 asks for material 'licence_copy' (a 'business_licence'), which member Q-1 issues in this bundle, but no flow passes it on, so the citizen would be asked for it. Add a flow: {from: Q-1, to: [{procedure: Q-2, material: licence_copy}], via: e_licence}.", diagnostic.Message);
        Assert.True(folder.Load().Succeeded);
    }

    [Fact]
    public void Lint_TwoFlowsFeedOneMaterial_WarnsAtTheSecond()
    {
        using var folder = With(original: "    via: e_licence\n", replacement: "    via: e_licence\n  - from: Q-1\n    to: {procedure: Q-2, material: licence}\n    via: push\n");

        var diagnostic = folder.Single(DiagnosticCodes.MaterialFedTwice);

        Assert.Equal(At(folder, BundleFile, "{procedure: Q-2, material: licence}\n    via: push"), diagnostic.Location);
        Assert.Equal("Material 'licence' of Q-2 is already fed by the flow from Q-1 at line 18; one result stands for one material. Keep one of the two flows.", diagnostic.Message);
    }

    [Fact]
    public void Lint_CitizenCarriesUnderUnifiedDelivery_WarnsAtVia()
    {
        using var folder = With(original: "via: e_licence", replacement: "via: citizen_carries");

        var diagnostic = folder.Single(DiagnosticCodes.CarriedFlowUnderUnifiedDelivery);

        Assert.Equal(At(folder, BundleFile, "citizen_carries"), diagnostic.Location);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
    }

    [Fact]
    public void Lint_AcceptanceWindowMissesAMember_NamesThem()
    {
        using var folder = With(original: "window: hz_general", replacement: "window: hz_window");

        var diagnostic = folder.Single(DiagnosticCodes.AcceptanceWindowMissesMember);

        Assert.Equal(At(folder, BundleFile, "hz_window"), diagnostic.Location);
        Assert.StartsWith("Window 'hz_window' does not accept Q-1, Q-2, so it cannot accept the whole bundle at once (一窗受理).", diagnostic.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("form: [enterprise.name, applicant.is_agent]", "form: [enterprise.nme, applicant.is_agent]", "enterprise.nme", "'enterprise.nme' is not declared in facts.yaml. Did you mean 'enterprise.name'?")]
    [InlineData("lead: hz_amr", "lead: hz_am", "hz_am", "There is no authority 'hz_am'. Did you mean 'hz_amr'?")]
    [InlineData("window: hz_general", "window: hz_generl", "hz_generl", "There is no window 'hz_generl'. Did you mean 'hz_general'?")]
    public void Lint_UnknownReferenceInABundle_SuggestsTheNearest(string original, string replacement, string at, string message)
    {
        using var folder = With(original: original, replacement: replacement);

        var diagnostic = folder.Single(DiagnosticCodes.UnknownReference);

        Assert.Equal(At(folder, BundleFile, at), diagnostic.Location);
        Assert.Equal(message, diagnostic.Message);
    }

    [Theory]
    [InlineData("delivery: unified", "delivery: unifed", "unifed", "Did you mean 'unified'?")]
    [InlineData("via: e_licence", "via: elicence", "elicence", "Did you mean 'e_licence'?")]
    [InlineData("kind: business", "kind: busines", "busines", "Did you mean 'business'?")]
    [InlineData("on_refused: continue", "on_refused: go_on", "go_on", "continue, stop_dependents")]
    public void Lint_BadWordInABundle_ListsTheAllowedWords(string original, string replacement, string at, string advice)
    {
        using var folder = With(original: original, replacement: replacement);

        var diagnostic = folder.Single(DiagnosticCodes.InvalidValue);

        Assert.Equal(At(folder, BundleFile, at), diagnostic.Location);
        Assert.Contains(advice, diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Lint_BundleEndsBeforeItStarts_ReportsTheDateRange()
    {
        using var folder = With(original: "effective_until: 2025-12-31", replacement: "effective_until: 2018-12-31");

        var diagnostic = folder.Single(DiagnosticCodes.InvalidDateRange);

        Assert.Equal(At(folder, BundleFile, "2018-12-31"), diagnostic.Location);
    }

    [Fact]
    public void Lint_TwoBundlesShareACode_ReportsTheSecond()
    {
        using var folder = With().With("bundles/b2.yaml", BundleYaml);

        var diagnostic = folder.Single(DiagnosticCodes.DuplicateId);

        Assert.Equal(new SourceLocation(folder.File("bundles/b2.yaml"), 1, 1), diagnostic.Location);
        Assert.StartsWith("The bundle 'B-1' is declared twice", diagnostic.Message, StringComparison.Ordinal);
    }
}
