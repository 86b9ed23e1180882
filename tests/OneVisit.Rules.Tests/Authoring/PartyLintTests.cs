using OneVisit.Rules.Diagnostics;
using static OneVisit.Rules.Tests.Authoring.BundleFolder;

namespace OneVisit.Rules.Tests.Authoring;

/// <summary>
/// Parties (both spouses, buyer and seller): declared once in catalog.yaml, named by procedures, and owning
/// materials and presence steps. Every wrong name is reported where it is written.
/// </summary>
public sealed class PartyLintTests
{
    [Fact]
    public void Lint_ProcedureNamesAnUndeclaredParty_SuggestsTheNearest()
    {
        using var folder = With(User, "parties: [mother]", "parties: [mother, fathr]");

        var diagnostic = folder.Single(DiagnosticCodes.UnknownReference);

        Assert.Equal(At(folder, User, "fathr"), diagnostic.Location);
        Assert.Equal("There is no party 'fathr'. Did you mean 'father'?", diagnostic.Message);
    }

    [Fact]
    public void Lint_MaterialOfAPartyTheProcedureDoesNotList_SuggestsOneItLists()
    {
        using var folder = With(User, "    document: power_of_attorney\n    party: mother", "    document: power_of_attorney\n    party: mothr");

        var diagnostic = folder.Single(DiagnosticCodes.PartyNotInProcedure);

        Assert.Equal(At(folder, User, "mothr"), diagnostic.Location);
        Assert.Equal("The material 'attorney' belongs to party 'mothr', which is not among this procedure's parties (mother). Did you mean 'mother'? Add it to 'parties', or name one of them.", diagnostic.Message);
    }

    [Fact]
    public void Lint_PresenceStepOfAPartyInAProcedureWithoutParties_SaysToAddParties()
    {
        using var folder = With(User, "parties: [mother]\n", "");

        var diagnostics = folder.Load().Diagnostics.Where(d => d.Code == DiagnosticCodes.PartyNotInProcedure).ToList();

        Assert.Equal(2, diagnostics.Count);
        var step = diagnostics.Single(d => d.Message.StartsWith("The presence step", StringComparison.Ordinal));
        Assert.Equal(At(folder, User, "mother\ntime_limits"), step.Location);
        Assert.Equal("The presence step 'sign' belongs to party 'mother', but this procedure names no parties. Add 'parties: [mother, …]' to the procedure, or remove 'party' here.", step.Message);
    }

    [Fact]
    public void Lint_ProducesAnUnknownDocument_SuggestsTheNearest()
    {
        using var folder = With(Issuer, "produces: [business_licence]", "produces: [busines_licence]");

        var diagnostic = folder.Single(DiagnosticCodes.UnknownReference);

        Assert.Equal(At(folder, Issuer, "busines_licence"), diagnostic.Location);
        Assert.Equal("There is no document 'busines_licence'. Did you mean 'business_licence'?", diagnostic.Message);
    }

    [Fact]
    public void Lint_PartyListedTwice_ReportsTheSecond()
    {
        using var folder = With(User, "parties: [mother]", "parties: [mother, mother]");

        var diagnostic = folder.Single(DiagnosticCodes.DuplicateId);

        Assert.Equal(At(folder, User, "mother]"), diagnostic.Location);
    }

    [Fact]
    public void Lint_FactEntityOfAnUndeclaredParty_SuggestsTheNearest()
    {
        using var folder = With().With("facts.yaml", CatalogFolder.FactsYaml.Replace("    description: 申请人\n", "    description: 申请人\n    party: mothr\n", StringComparison.Ordinal));

        var diagnostic = folder.Single(DiagnosticCodes.UnknownReference);

        Assert.Equal(At(folder, "facts.yaml", "mothr"), diagnostic.Location);
        Assert.Equal("There is no party 'mothr'. Did you mean 'mother'?", diagnostic.Message);
    }

    [Fact]
    public void Lint_PersonalDocumentWithoutPartyInAProcedureWithParties_Warns()
    {
        // Q-2 gives a power of attorney to the mother, so one without a party leaves open whose it is.
        using var folder = With(User, "  - id: licence\n", "  - id: second_attorney\n    document: power_of_attorney\n  - id: licence\n");

        var diagnostic = folder.Single(DiagnosticCodes.PartyMaterialWithoutParty);

        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Equal(At(folder, User, "id: second_attorney"), diagnostic.Location);
        Assert.Equal("Procedure Q-2 involves parties (mother), but material 'second_attorney' belongs to none, though a 'power_of_attorney' is a person's own (procedure Q-2 gives it to party 'mother'). Say whose it is with 'party:', one material per party if each brings their own.", diagnostic.Message);
    }
}
