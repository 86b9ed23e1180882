using OneVisit.Rules.Authoring;
using OneVisit.Rules.Catalog;
using OneVisit.Rules.Precheck;

namespace OneVisit.Rules.Tests.Authoring;

/// <summary>The sample Hangzhou catalogue is the product's showcase: it must lint clean and cover the founding story.</summary>
public sealed class SampleCatalogueTests
{
    private static readonly Lazy<CatalogLoadResult> Loaded = new(() => CatalogLoader.Load(Path.Combine(RepositoryRoot.Path, "catalog", "hangzhou")));

    private static ProcedureCatalog Catalog => Loaded.Value.GetCatalogOrThrow();

    [Fact]
    public void Load_SampleCatalogue_HasNoDiagnosticsAtAll()
    {
        Assert.Empty(Loaded.Value.Diagnostics);
    }

    [Theory]
    [InlineData("330100-SC-0009", "groom", "bride")]
    [InlineData("330100-SC-0015", "buyer", "seller")]
    [InlineData("330100-SC-0005", "mother", "father")]
    public void Load_SampleCatalogue_EachPartyBringsTheirOwnIdCard(string code, string first, string second)
    {
        var procedure = Catalog.Procedures[code];

        Assert.Equal([first, second], procedure.Parties);
        Assert.Equal([first, second], procedure.Materials.Where(m => m.DocumentId == "resident_id_card").Select(m => m.Party));
    }

    [Theory]
    [InlineData("330100-SC-0005", "birth_medical_certificate")]
    [InlineData("330100-SC-0006", "household_register")]
    [InlineData("330100-SC-0024", "business_licence")]
    [InlineData("330100-SC-0028", "death_medical_certificate")]
    public void Load_SampleCatalogue_DeclaresWhatTheBundleProceduresProduce(string code, string document)
    {
        Assert.Equal([document], Catalog.Procedures[code].Produces);
    }

    [Theory]
    [InlineData("330100-SC-0001", "分公司")]
    [InlineData("330100-SC-0002", "转")]
    [InlineData("330100-SC-0003", "浙江")]
    [InlineData("330100-SC-0004", "公积金")]
    public void Load_SampleCatalogue_HoldsTheFourFoundingErrands(string code, string nameContains)
    {
        Assert.Contains(nameContains, Catalog.Procedures[code].Name.Text, StringComparison.Ordinal);
        Assert.Contains(Loaded.Value.Tests, t => t.ProcedureCode == code);
    }

    [Fact]
    public void Load_EnumWithLabels_KeepsEachValuesLabel()
    {
        var maritalStatus = Catalog.Facts.Definition("applicant.marital_status")!;

        Assert.Equal("已婚", maritalStatus.LabelOf("married"));
        Assert.Equal(maritalStatus.Symbol.Type.Values.Count, maritalStatus.ValueLabels.Count);
    }

    [Fact]
    public void Load_SampleCatalogue_SpansManyProceduresAndDepartments()
    {
        var departments = Catalog.Procedures.Values
            .SelectMany(p => p.Jurisdiction.Rules.Select(r => r.AuthorityId).Append(p.Jurisdiction.DefaultAuthorityId))
            .Select(id => Catalog.Authorities[id].Department)
            .OfType<string>()
            .Distinct()
            .ToList();

        Assert.True(Catalog.Procedures.Count >= 19, $"{Catalog.Procedures.Count} procedures");
        Assert.True(departments.Count >= 6, string.Join(", ", departments));
    }

    [Fact]
    public void Load_SampleCatalogue_SomeJurisdictionsCrossAdministrativeLevels()
    {
        var crossing = Catalog.Procedures.Values.Where(p =>
            p.Jurisdiction.Rules.Any(r => Catalog.Authorities[r.AuthorityId].Level != Catalog.Authorities[p.Jurisdiction.DefaultAuthorityId].Level));

        Assert.True(crossing.Count() >= 2, string.Join(", ", crossing.Select(p => p.Code)));
    }

    [Fact]
    public void Load_VehicleTransferForm_HasAnOldVersionThatConverts()
    {
        var form = Catalog.Procedures["330100-SC-0002"].Materials
            .Select(m => Catalog.Documents[m.DocumentId])
            .Single(d => d.FormVersions.Count >= 2);

        Assert.Contains(form.FormVersions, v => v.ConvertsFrom.Count > 0);
        Assert.Contains(Catalog.Procedures["330100-SC-0002"].Presence, s => s.Reason == PresenceReason.Inspection && s.RemoteAlternative is null);
    }

    [Fact]
    public void Load_ProvidentFundWithdrawal_NoHousingCertificateCanBeFetchedOrPromised()
    {
        var certificate = Catalog.Procedures["330100-SC-0004"].Materials.Single(m => m.DocumentId == "no_housing_certificate");

        Assert.Equal([ExemptionKind.DataSharing, ExemptionKind.Commitment], certificate.Exemptions.Select(e => e.Kind));
        Assert.Contains(Catalog.Documents[certificate.DocumentId].Evidence, e => Catalog.Authorities[e.AuthorityId].Department == "natural_resources");
    }

    [Fact]
    public void Load_FoundingErrandTests_ExpectWhatTheStoryNeeds()
    {
        var branch = Loaded.Value.Tests.First(t => t.ProcedureCode == "330100-SC-0001" && t.Expect.Verdict == Verdict.NotYet);
        var name = Loaded.Value.Tests.First(t => t.ProcedureCode == "330100-SC-0003" && t.WindowId is not null);

        Assert.Equal(2, branch.Expect.Materials.Values.Count(s => s == MaterialStatus.Missing));
        Assert.Equal(AuthorityLevel.Province, Catalog.Authorities[name.Expect.AuthorityId!].Level);
        Assert.Equal(name.Expect.AuthorityId, name.Expect.ForwardedTo);
        Assert.Equal(1, name.Expect.Visits); // handing in at the city's window, and no second trip to the province
    }
}
