using OneVisit.Rules.Catalog;
using OneVisit.Rules.Diagnostics;
using OneVisit.Rules.Expressions;
using OneVisit.Rules.Precheck;
using OneVisit.Rules.Tests.Support;

namespace OneVisit.Rules.Tests.Authoring;

public sealed class CatalogLoaderTests
{
    [Fact]
    public void Load_ValidFolder_ReturnsCatalogWithoutDiagnostics()
    {
        using var folder = new CatalogFolder();

        var result = folder.Load();

        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Diagnostics));
        Assert.Empty(result.Diagnostics);
        var catalog = result.Catalog!;
        Assert.Equal(new DateOnly(2017, 2, 18), catalog.Info.AsOf);
        Assert.Equal(5, catalog.Facts.SlotCount);
        Assert.Equal(AuthorityLevel.Province, catalog.Authorities["zj_amr"].Level);
        Assert.True(catalog.Windows["hz_general"].Accepts("P-1"));
        Assert.False(catalog.Windows["hz_window"].Accepts("P-2"));
    }

    [Fact]
    public void Load_ValidFolder_ReadsProcedureInFull()
    {
        using var folder = new CatalogFolder();

        var procedure = folder.Load().GetCatalogOrThrow().Procedures["P-1"];

        Assert.Equal("Company name registration", procedure.Name.English);
        Assert.Equal("hz_amr", procedure.Jurisdiction.DefaultAuthorityId);
        var rule = Assert.Single(procedure.Jurisdiction.Rules);
        Assert.Equal("zj_amr", rule.AuthorityId);
        Assert.Equal(new SourceLocation(folder.File("procedures/p1.yaml"), 15, 13), rule.When.Location);
        Assert.Equal(["form", "licence", "attorney"], procedure.Materials.Select(m => m.Id));
        Assert.Equal([ExemptionKind.ELicence, ExemptionKind.DataSharing], procedure.Materials[1].Exemptions.Select(e => e.Kind));
        Assert.Equal(5, procedure.Materials[2].Exemptions[0].DeadlineWorkingDays);
        Assert.Equal(MaterialForm.Copy, procedure.Materials[1].Form);
        Assert.Equal(PresenceReason.IdentityCheck, Assert.Single(procedure.Presence).Reason);
        Assert.Equal((10, true), (procedure.TimeLimits.Statutory!.Days, procedure.TimeLimits.Statutory.WorkingDays));
        Assert.Equal(1, procedure.TimeLimits.Promised!.Days);
        Assert.Equal([Channel.Window, Channel.Online], procedure.Channels);
    }

    [Fact]
    public void Load_ValidFolder_ReadsPolicyTests()
    {
        using var folder = new CatalogFolder();

        var test = Assert.Single(folder.Load().Tests);

        Assert.Equal("P-1", test.ProcedureCode);
        Assert.Equal(20_000_000m, test.Facts.Single(f => f.Fact.Path == "enterprise.registered_capital").Value);
        Assert.Equal("2008", Assert.Single(test.Documents).FormVersion);
        Assert.Equal(Verdict.Online, test.Expect.Verdict);
        Assert.Equal(MaterialStatus.Converted, test.Expect.Materials["form"]);
        Assert.Equal("applicant.is_agent", Assert.Single(test.Expect.OpenQuestions!).Path);
    }

    [Fact]
    public void Load_ValidFolder_ConditionsEvaluateAgainstFacts()
    {
        using var folder = new CatalogFolder();
        var catalog = folder.Load().GetCatalogOrThrow();
        var when = catalog.Procedures["P-1"].Jurisdiction.Rules[0].When.Condition;
        var facts = catalog.Facts.CreateValues(catalog.Info.AsOf);

        var unknown = when.Evaluate(facts);
        facts.Set(catalog.Facts.Find("enterprise.name")!, "浙江某某有限公司");
        facts.Set(catalog.Facts.Find("enterprise.registered_capital")!, 20_000_000m);

        Assert.Equal(Truth.Unknown, unknown);
        Assert.Equal(Truth.True, when.Evaluate(facts));
    }

    [Fact]
    public void Load_FormVersions_DefaultsFollowTheTimeline()
    {
        using var folder = new CatalogFolder();

        var form = folder.Load().GetCatalogOrThrow().Documents["application_form"];

        Assert.Equal(new DateOnly(2012, 9, 30), form.EffectiveUntil(0));
        Assert.Equal(new DateOnly(2013, 3, 31), form.AcceptedUntil(0));
        Assert.Null(form.EffectiveUntil(1));
        Assert.Equal("2012", form.CurrentVersion(new DateOnly(2017, 2, 18))!.Version);
        Assert.Equal("2008", form.CurrentVersion(new DateOnly(2010, 1, 1))!.Version);
        Assert.Equal("applicant_name", form.FormVersions[1].ConvertsFrom["2008"]["owner_name"]);
    }

    [Fact]
    public void GetCatalogOrThrow_WithErrors_ThrowsCatalogExceptionListingThem()
    {
        using var folder = new CatalogFolder();
        folder.Without("facts.yaml");

        var result = folder.Load();
        var exception = Assert.Throws<OneVisit.Rules.Authoring.CatalogException>(result.GetCatalogOrThrow);

        Assert.Null(result.Catalog);
        Assert.Contains("facts.yaml", exception.Message, StringComparison.Ordinal);
        Assert.Equal(result.Diagnostics, exception.Diagnostics);
    }

    [Fact]
    public void Load_WithErrors_GivesNoPolicyTests()
    {
        using var folder = new CatalogFolder();
        folder.Without("facts.yaml");

        var result = folder.Load();

        Assert.Null(result.Catalog);
        Assert.Empty(result.Tests);
    }

    [Fact]
    public void Load_UnreadableFactsFile_ReportsOnlyItsOwnError()
    {
        using var folder = new CatalogFolder();
        folder.With("facts.yaml", "entities:\n  applicant: [unclosed\n");

        var result = folder.Load();

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCodes.YamlSyntax, error.Code);
        Assert.Equal(folder.File("facts.yaml"), error.Location.File);
    }

    [Fact]
    public void Load_UnreadableProcedureFile_DoesNotReportReferencesToIt()
    {
        using var folder = new CatalogFolder();
        folder.With("procedures/p1.yaml", "code: P-1\nname: &n 企业名称登记\n");

        var result = folder.Load();

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCodes.AliasNotAllowed, error.Code);
        Assert.Equal(new SourceLocation(folder.File("procedures/p1.yaml"), 2, 7), error.Location);
    }

    [Fact]
    public void Load_EmptyCatalogFile_ReportsEachMissingKey()
    {
        using var folder = new CatalogFolder();
        folder.With("catalog.yaml", string.Empty);

        var missing = folder.Load().Diagnostics.Where(d => d.Code == DiagnosticCodes.MissingKey).Select(d => d.Message);

        Assert.Equal(
            ["This catalogue description needs 'name'.", "This catalogue description needs 'region'.",
             "This catalogue description needs 'default_language'.", "This catalogue description needs 'as_of'."],
            missing);
    }

    [Fact]
    public void Load_MissingFolder_ThrowsDirectoryNotFound()
    {
        Assert.Throws<DirectoryNotFoundException>(() => OneVisit.Rules.Authoring.CatalogLoader.Load("/no/such/catalogue"));
    }
}
