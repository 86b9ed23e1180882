using OneVisit.Rules.Authoring;
using OneVisit.Rules.Diagnostics;
using OneVisit.Rules.Precheck;

namespace OneVisit.Rules.Tests.Precheck;

public sealed class ApplicationFileTests : IDisposable
{
    private readonly CatalogFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Load_ValidFile_GivesTheRequestItDescribes()
    {
        var result = Load("""
            procedure: P-1
            as_of: 2017-02-18
            window: hz_general
            facts:
              enterprise.name: 浙江测试有限公司
              enterprise.registered_capital: 20000000
              applicant.is_agent: ~
            documents:
              - document: application_form
                form_version: "2008"
                issued_on: 2017-01-01
                electronic: true
            """);

        Assert.Empty(result.Diagnostics);
        var request = Assert.IsType<PrecheckRequest>(result.Request);
        Assert.Equal("P-1", request.ProcedureCode);
        Assert.Equal(new DateOnly(2017, 2, 18), request.AsOf);
        Assert.Equal("hz_general", request.WindowId);
        Assert.Equal(20000000m, request.Facts["enterprise.registered_capital"]);
        Assert.Null(request.Facts["applicant.is_agent"]);
        Assert.Equal(new HeldDocument("application_form", "2008", new DateOnly(2017, 1, 1), null, true, request.Documents[0].Location), request.Documents[0]);
    }

    [Fact]
    public void Load_MisspeltFactAndDocument_ReportsEachAtItsPositionWithASuggestion()
    {
        var result = Load("""
            procedure: P-1
            facts:
              enterprise.nam: 浙江测试有限公司
            documents:
              - document: aplication_form
            """);

        Assert.Null(result.Request);
        Assert.Collection(result.Diagnostics,
            d => Assert.Equal((3, 3, DiagnosticCodes.UnknownReference, true), (d.Location.Line, d.Location.Column, d.Code, d.Message.Contains("'enterprise.name'", StringComparison.Ordinal))),
            d => Assert.Equal((5, 15, DiagnosticCodes.UnknownReference, true), (d.Location.Line, d.Location.Column, d.Code, d.Message.Contains("'application_form'", StringComparison.Ordinal))));
    }

    [Fact]
    public void Load_ValueOfTheWrongType_SaysWhatToWrite()
    {
        var result = Load("""
            procedure: P-1
            facts:
              applicant.is_agent: yes
            """);

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal((3, 23), (error.Location.Line, error.Location.Column));
        Assert.Contains("true or false", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_NoSuchFile_SaysWhereTheFormatIsDescribed()
    {
        var error = Assert.Throws<FileNotFoundException>(() => ApplicationFile.Load(_folder.File("nope.yaml"), _folder.Load().GetCatalogOrThrow()));

        Assert.Contains("docs/precheck.md", error.Message, StringComparison.Ordinal);
    }

    private ApplicationFileResult Load(string yaml)
    {
        _folder.With("application.yaml", yaml);
        return ApplicationFile.Load(_folder.File("application.yaml"), _folder.Load().GetCatalogOrThrow());
    }
}
