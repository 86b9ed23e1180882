using OneVisit.Rules.Catalog;
using OneVisit.Rules.Diagnostics;

namespace OneVisit.Rules.Tests.Authoring;

/// <summary>
/// The catalogue says how waits for the applicant end: an accept-with-gap exemption's <c>on_missed</c> and a
/// procedure's <c>supplement</c> block. Defaults are explicit, and every bad value is an error at its position.
/// Lines and columns are counted in <see cref="CatalogFolder.ProcedureYaml"/>.
/// </summary>
public sealed class DeadlineSettingsTests
{
    private const string Procedure = "procedures/p1.yaml";
    private const string Gap = "        deadline_working_days: 5\n";
    private const string BeforeChannels = "channels: [window, online]";

    [Fact]
    public void Load_NoSettings_GapIsWithdrawnAndSupplementIsLeftToTheHost()
    {
        using var folder = new CatalogFolder();

        var procedure = Load(folder);

        Assert.Equal(MissedDeadline.Withdraw, Attorney(procedure).OnMissed);
        Assert.Null(procedure.Supplement);
    }

    [Fact]
    public void Load_GapOnMissedOfficerDecides_IsOnTheExemption()
    {
        using var folder = CatalogFolder.WithProcedureEdits((Gap, Gap + "        on_missed: officer_decides\n"));

        Assert.Equal(MissedDeadline.OfficerDecides, Attorney(Load(folder)).OnMissed);
    }

    [Fact]
    public void Load_SupplementBlock_ReadsDaysAndWhatHappensWithItsPosition()
    {
        using var folder = CatalogFolder.WithProcedureEdits((BeforeChannels, "supplement:\n  working_days: 15\n  on_missed: officer_decides\n" + BeforeChannels));

        var supplement = Load(folder).Supplement;

        Assert.Equal(new SupplementTerms(15, MissedDeadline.OfficerDecides, new SourceLocation(folder.File(Procedure), 45, 3)), supplement);
    }

    [Fact]
    public void Load_SupplementWithoutValues_DefaultsToTheHostsDaysAndWithdrawal()
    {
        using var folder = CatalogFolder.WithProcedureEdits((BeforeChannels, "supplement:\n  on_missed: withdraw\n" + BeforeChannels));

        var supplement = Load(folder).Supplement!;

        Assert.Null(supplement.WorkingDays);
        Assert.Equal(MissedDeadline.Withdraw, supplement.OnMissed);
    }

    [Theory]
    [InlineData("supplement:\n  working_days: 0\n", 45, 17, "'0' is not a valid working_days: write a whole number from 1 to 60.")]
    [InlineData("supplement:\n  working_days: 61\n", 45, 17, "'61' is not a valid working_days: write a whole number from 1 to 60.")]
    [InlineData("supplement:\n  working_days: ten\n", 45, 17, "'ten' is not a valid working_days: write a whole number from 1 to 60.")]
    [InlineData("supplement:\n  on_missed: withdrawn\n", 45, 14,
        "'withdrawn' is not a valid on_missed (what happens when the deadline passes); write one of: officer_decides, withdraw. Did you mean 'withdraw'?")]
    public void Lint_BadSupplementValue_IsAnErrorAtTheValue(string block, int line, int column, string message)
    {
        using var folder = CatalogFolder.WithProcedureEdits((BeforeChannels, block + BeforeChannels));

        var diagnostic = folder.Single(DiagnosticCodes.InvalidValue);

        Assert.Equal(new SourceLocation(folder.File(Procedure), line, column), diagnostic.Location);
        Assert.True(diagnostic.IsError);
        Assert.Equal(message, diagnostic.Message);
    }

    [Fact]
    public void Lint_BadGapOnMissed_IsAnErrorAtTheValue()
    {
        using var folder = CatalogFolder.WithProcedureEdits((Gap, Gap + "        on_missed: officer\n"));

        var diagnostic = folder.Single(DiagnosticCodes.InvalidValue);

        Assert.Equal(new SourceLocation(folder.File(Procedure), 35, 20), diagnostic.Location);
        Assert.StartsWith("'officer' is not a valid on_missed (what happens when the deadline passes); write one of: officer_decides, withdraw.", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Lint_SupplementAsAList_IsAWrongShape()
    {
        using var folder = CatalogFolder.WithProcedureEdits((BeforeChannels, "supplement: [10, withdraw]\n" + BeforeChannels));

        var diagnostic = folder.Single(DiagnosticCodes.WrongShape);

        Assert.Equal(new SourceLocation(folder.File(Procedure), 44, 13), diagnostic.Location);
        Assert.Equal("Expected a supplement block (working_days, on_missed) written as key: value lines, but found a list.", diagnostic.Message);
    }

    [Fact]
    public void Lint_MisspeltSupplementKey_WarnsWithSuggestionAndStillLoads()
    {
        using var folder = CatalogFolder.WithProcedureEdits((BeforeChannels, "supplement:\n  workingdays: 10\n" + BeforeChannels));

        var diagnostic = folder.Single(DiagnosticCodes.UnknownKey);

        Assert.Equal(new SourceLocation(folder.File(Procedure), 45, 3), diagnostic.Location);
        Assert.Equal("'workingdays' is not a key of a supplement block (working_days, on_missed), so it is ignored. Did you mean 'working_days'?", diagnostic.Message);
        Assert.True(folder.Load().Succeeded);
    }

    [Fact]
    public void Lint_OnMissedOnAnotherExemption_WarnsThatItIsIgnored()
    {
        using var folder = CatalogFolder.WithProcedureEdits(("      - kind: e_licence\n", "      - kind: e_licence\n        on_missed: withdraw\n"));

        var diagnostic = folder.Single(DiagnosticCodes.UnknownKey);

        Assert.Equal(new SourceLocation(folder.File(Procedure), 28, 20), diagnostic.Location);
        Assert.Equal("'on_missed' only applies to accept_with_gap, so it is ignored here.", diagnostic.Message);
    }

    private static Procedure Load(CatalogFolder folder) => folder.Load().GetCatalogOrThrow().Procedures["P-1"];

    private static Exemption Attorney(Procedure procedure) =>
        Assert.Single(procedure.Materials.Single(m => m.Id == "attorney").Exemptions);
}
