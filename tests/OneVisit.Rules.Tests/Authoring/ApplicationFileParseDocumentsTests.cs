using OneVisit.Rules.Authoring;
using OneVisit.Rules.Diagnostics;
using OneVisit.Rules.Precheck;

namespace OneVisit.Rules.Tests.Authoring;

/// <summary>Documents handed in on their own, <c>{documents: [...]}</c>: each item read and checked as an application's.</summary>
public sealed class ApplicationFileParseDocumentsTests
{
    private const string Body = "request body";

    private static readonly DateOnly Today = new(2017, 2, 20);

    [Fact]
    public void ParseDocuments_JsonBody_GivesTheDocumentsInOrder()
    {
        var result = ParseDocuments("""
            {"documents": [
              {"document": "resident_id_card", "issued_on": "2012-05-04", "expires_on": "2032-05-04", "electronic": true},
              {"document": "housing_fund_withdrawal_form"}]}
            """);

        Assert.True(result.Succeeded);
        Assert.Empty(result.Diagnostics);
        Assert.Collection(result.Documents!,
            d => Assert.Equal(new HeldDocument("resident_id_card", null, new DateOnly(2012, 5, 4), new DateOnly(2032, 5, 4), true, new SourceLocation(Body, 2, 3)), d),
            d => Assert.Equal(new HeldDocument("housing_fund_withdrawal_form", Location: new SourceLocation(Body, 3, 3)), d));
    }

    [Fact]
    public void ParseDocuments_Yaml_ReadsTheSameItems()
    {
        var result = ParseDocuments("""
            documents:
              - document: vehicle_transfer_form
                form_version: "2008"
                issued_on: 2017-02-10
            """);

        var document = Assert.Single(result.Documents!);
        Assert.Equal(("vehicle_transfer_form", "2008", new DateOnly(2017, 2, 10)), (document.DocumentId, document.FormVersion, document.IssuedOn));
    }

    [Fact]
    public void ParseDocuments_UnknownDocumentAndFormEdition_ReportsEachAtItsPosition()
    {
        var result = ParseDocuments("""
            {"documents": [
              {"document": "resident_idcard"},
              {"document": "vehicle_transfer_form", "form_version": "2009"}]}
            """);

        Assert.Null(result.Documents);
        Assert.Collection(result.Diagnostics,
            d => Assert.Equal((DiagnosticCodes.UnknownReference, new SourceLocation(Body, 2, 16), true), (d.Code, d.Location, d.Message.Contains("Did you mean 'resident_id_card'?", StringComparison.Ordinal))),
            d => Assert.Equal((DiagnosticCodes.UnknownReference, new SourceLocation(Body, 3, 57), true), (d.Code, d.Location, d.Message.Contains("'2009'", StringComparison.Ordinal))));
    }

    [Fact]
    public void ParseDocuments_IssuedAfterTheDayHandedIn_IsAnErrorAtTheDate()
    {
        var result = ParseDocuments("""
            {"documents": [{"document": "resident_id_card", "issued_on": "2017-02-21"}]}
            """);

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal((DiagnosticCodes.InvalidDateRange, new SourceLocation(Body, 1, 62)), (error.Code, error.Location));
        Assert.Contains("2017-02-20", error.Message, StringComparison.Ordinal);
        Assert.False(result.Succeeded);
    }

    [Fact]
    public void ParseDocuments_WrongValues_SayWhatToWrite()
    {
        var result = ParseDocuments("""
            {"documents": [{"document": "resident_id_card", "issued_on": "4 May 2012", "electronic": "yes"}]}
            """);

        Assert.Collection(result.Diagnostics,
            d => Assert.Contains("YYYY-MM-DD", d.Message, StringComparison.Ordinal),
            d => Assert.Contains("true or false", d.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void ParseDocuments_NoDocumentsKey_SaysItIsNeeded()
    {
        var result = ParseDocuments("""{"document": "resident_id_card"}""");

        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.MissingKey && d.Message.Contains("'documents'", StringComparison.Ordinal));
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.UnknownKey && d.Message.Contains("Did you mean 'documents'?", StringComparison.Ordinal));
        Assert.False(result.Succeeded);
    }

    [Fact]
    public void ParseDocuments_TextOverTheFileLimit_IsRefusedUnread()
    {
        var result = ParseDocuments("{\"documents\": []}" + new string('\n', CatalogLoader.MaxFileBytes));

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal((DiagnosticCodes.FileTooLarge, SourceLocation.StartOf(Body)), (error.Code, error.Location));
        Assert.Null(result.Documents);
    }

    private static HeldDocumentsResult ParseDocuments(string text) => ApplicationFile.ParseDocuments(text, Body, SampleCatalogue.Catalog, Today);
}
