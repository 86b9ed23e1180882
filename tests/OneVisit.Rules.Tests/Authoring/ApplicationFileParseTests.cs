using OneVisit.Rules.Authoring;
using OneVisit.Rules.Diagnostics;
using OneVisit.Rules.Precheck;

namespace OneVisit.Rules.Tests.Authoring;

/// <summary>An application as text (an HTTP request's body): JSON or YAML, read and checked as an application file is.</summary>
public sealed class ApplicationFileParseTests
{
    private const string Body = "request body";

    [Fact]
    public void Parse_JsonBody_GivesTheRequestTheSameYamlGives()
    {
        var json = Parse("""
            {"procedure": "330100-SC-0004",
             "as_of": "2017-02-18",
             "facts": {"applicant.rents_home": true, "applicant.months_contributed": 14, "applicant.marital_status": null},
             "documents": [{"document": "resident_id_card", "issued_on": "2012-05-04", "electronic": true}]}
            """);
        var yaml = Parse("""
            procedure: 330100-SC-0004
            as_of: 2017-02-18
            facts:
              applicant.rents_home: true
              applicant.months_contributed: 14
              applicant.marital_status: ~
            documents:
              - document: resident_id_card
                issued_on: 2012-05-04
                electronic: true
            """);

        Assert.Empty(json.Diagnostics);
        Assert.Equal(Body, json.Path);
        var (fromJson, fromYaml) = (Assert.IsType<PrecheckRequest>(json.Request), Assert.IsType<PrecheckRequest>(yaml.Request));
        Assert.Equal((fromYaml.ProcedureCode, fromYaml.AsOf, fromYaml.WindowId), (fromJson.ProcedureCode, fromJson.AsOf, fromJson.WindowId));
        Assert.Equal(fromYaml.Facts.OrderBy(f => f.Key), fromJson.Facts.OrderBy(f => f.Key));
        Assert.Equal(14m, fromJson.Facts["applicant.months_contributed"]);
        Assert.Null(fromJson.Facts["applicant.marital_status"]);
        Assert.Equal(fromYaml.Documents[0] with { Location = null }, fromJson.Documents[0] with { Location = null });
        Assert.Equal(new SourceLocation(Body, 4, 16), fromJson.Documents[0].Location);
    }

    [Fact]
    public void Parse_SampleApplication_GivesWhatLoadGivesForItsFile()
    {
        var file = Path.Combine(RepositoryRoot.Path, "catalog", "hangzhou", "applications", "04-housing-fund-rent-withdrawal.yaml");

        var loaded = ApplicationFile.Load(file, SampleCatalogue.Catalog);
        var parsed = ApplicationFile.Parse(File.ReadAllText(file), Body, SampleCatalogue.Catalog);

        Assert.True(parsed.Succeeded);
        Assert.Equal(loaded.Request!.Facts.OrderBy(f => f.Key), parsed.Request!.Facts.OrderBy(f => f.Key));
        Assert.Equal(loaded.Request.Documents.Select(d => d with { Location = null }), parsed.Request.Documents.Select(d => d with { Location = null }));
    }

    [Fact]
    public void Parse_UnknownFactInJson_ReportsItsLineAndColumnWithASuggestion()
    {
        var result = Parse("""
            {"procedure": "330100-SC-0004",
             "facts": {"applicant.rent_home": true}}
            """);

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal((DiagnosticCodes.UnknownReference, new SourceLocation(Body, 2, 12)), (error.Code, error.Location));
        Assert.Contains("Did you mean 'applicant.rents_home'?", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ValueOfTheWrongType_SaysWhatToWriteAtTheValue()
    {
        var result = Parse("""
            {"procedure": "330100-SC-0004",
             "facts": {"applicant.rents_home": "yes", "applicant.months_contributed": "many"}}
            """);

        Assert.Collection(result.Diagnostics,
            d => Assert.Equal((DiagnosticCodes.TestValueWrongType, 2, 36, true), (d.Code, d.Location.Line, d.Location.Column, d.Message.Contains("true or false", StringComparison.Ordinal))),
            d => Assert.Equal((DiagnosticCodes.TestValueWrongType, 2, 75, true), (d.Code, d.Location.Line, d.Location.Column, d.Message.Contains("a number", StringComparison.Ordinal))));
    }

    [Fact]
    public void Parse_UnknownDocument_NamesItWithASuggestion()
    {
        var result = Parse("""
            procedure: 330100-SC-0004
            documents:
              - document: resident_id
            """);

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal((DiagnosticCodes.UnknownReference, new SourceLocation(Body, 3, 15)), (error.Code, error.Location));
        Assert.Contains("'resident_id_card'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NotAnApplication_SaysWhatShapeIsExpected()
    {
        var result = Parse("""["330100-SC-0004"]""");

        Assert.Equal(DiagnosticCodes.WrongShape, Assert.Single(result.Diagnostics).Code);
        Assert.Null(result.Request);
    }

    [Fact]
    public void Parse_TextOverTheFileLimit_IsRefusedUnread()
    {
        var padding = new string(' ', CatalogLoader.MaxFileBytes);
        var result = Parse("{\"procedure\": \"330100-SC-0004\"}" + padding);

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal((DiagnosticCodes.FileTooLarge, SourceLocation.StartOf(Body)), (error.Code, error.Location));
        Assert.Contains("1,048,576", error.Message, StringComparison.Ordinal);
        Assert.False(result.Succeeded);
    }

    [Fact]
    public void Parse_MultiByteTextOverTheLimitInUtf8_IsRefused()
    {
        // Fewer characters than the limit, more bytes: the limit is the file's, in UTF-8.
        var padding = new string('浙', (CatalogLoader.MaxFileBytes / 3) + 1);
        var result = Parse($"procedure: 330100-SC-0004\n# {padding}\n");

        Assert.Equal(DiagnosticCodes.FileTooLarge, Assert.Single(result.Diagnostics).Code);
    }

    private static ApplicationFileResult Parse(string text) => ApplicationFile.Parse(text, Body, SampleCatalogue.Catalog);
}
