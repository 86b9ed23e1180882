using OneVisit.Rules.WhatIf;
using OneVisit.Rules.WhatIf.Populations;

namespace OneVisit.Rules.Tests.WhatIf;

public sealed class JsonLinesPopulationTests : IDisposable
{
    private readonly TempFiles _files = new();

    [Fact]
    public void Read_ProcedureAndBundleLines_GivesTypedFactsWeightsAndDocuments()
    {
        var path = _files.Write("situations.jsonl", """
            {"code":"330100-SC-0004","weight":1200,"facts":{"applicant.has_local_hukou":false,"applicant.months_contributed":14,"applicant.marital_status":"single","applicant.authorises_property_query":null}}

            {"code":"330100-YJS-0001","facts":{"child.birth_date":"2017-07-12"},"documents":[{"document":"resident_id_card","electronic":true,"issued_on":"2012-05-04"}]}
            """);

        var situations = new JsonLinesPopulation(path).Read(SampleCatalogue.Catalog).ToList();

        Assert.Equal(2, situations.Count);
        var rent = situations[0];
        Assert.Equal("330100-SC-0004", rent.Code);
        Assert.Equal(1200, rent.Weight);
        Assert.Equal(false, rent.Facts["applicant.has_local_hukou"]);
        Assert.Equal(14m, rent.Facts["applicant.months_contributed"]);
        Assert.Equal("single", rent.Facts["applicant.marital_status"]);
        Assert.False(rent.Facts.ContainsKey("applicant.authorises_property_query"));
        var birth = situations[1];
        Assert.Equal(1, birth.Weight);
        Assert.Equal(new DateOnly(2017, 7, 12), birth.Facts["child.birth_date"]);
        var held = Assert.Single(birth.Documents);
        Assert.Equal(("resident_id_card", true, new DateOnly(2012, 5, 4)), (held.DocumentId, held.Electronic, held.IssuedOn));
    }

    [Theory]
    [InlineData("""{"code":"330100-SC-0004","facts":{"applicant.has_local_hukuo":false}}""", "'applicant.has_local_hukuo' is not a fact of the catalogue", "Did you mean 'applicant.has_local_hukou'?")]
    [InlineData("""{"code":"330100-SC-0004","facts":{"applicant.months_contributed":"14"}}""", "applicant.months_contributed (number) takes a JSON number", "not the string \"14\"")]
    [InlineData("""{"code":"330100-SC-0004","facts":{"applicant.has_local_hukou":"yes"}}""", "applicant.has_local_hukou (bool) takes true or false", "")]
    [InlineData("""{"code":"330100-SC-0004","facts":{"applicant.marital_status":"maried"}}""", "'maried' is not a value applicant.marital_status (enum) can take", "Did you mean 'married'?")]
    [InlineData("""{"code":"330100-SC-0004","facts":{"child.birth_date":"2017-02-30"}}""", "'2017-02-30' is not a value child.birth_date (date) can take", "YYYY-MM-DD")]
    [InlineData("""{"code":"330100-sc-0004"}""", "'330100-sc-0004' is neither a procedure nor a bundle", "Did you mean '330100-SC-0004'?")]
    [InlineData("""{"code":"330100-YJS-001"}""", "neither a procedure nor a bundle", "Did you mean '330100-YJS-0001'?")]
    [InlineData("""{"code":"330100-SC-0004","weight":0}""", "\"weight\" is 0", "positive")]
    [InlineData("""{"code":"330100-SC-0004","weight":-3}""", "\"weight\" is -3", "positive")]
    [InlineData("""{"code":"330100-SC-0004","weight":"12"}""", "\"weight\" is how many cases a year", "not the string \"12\"")]
    [InlineData("""{"code":"330100-SC-0004","wieght":12}""", "'wieght' is not a key of a situation", "Did you mean 'weight'?")]
    [InlineData("""{"weight":12}""", "has no \"code\"", "")]
    [InlineData("""{"code":"330100-SC-0004",""", "not valid JSON", "")]
    [InlineData("""{"code":"330100-SC-0004","documents":[{"document":"resident_id_crad"}]}""", "'resident_id_crad' is not a document type", "Did you mean 'resident_id_card'?")]
    public void Read_BadLine_NamesFileLineAndWhatToWrite(string line, string message, string hint)
    {
        var path = _files.Write("bad.jsonl", "{\"code\":\"330100-SC-0001\"}\n\n" + line + "\n");

        var error = Assert.Throws<PopulationException>(() => new JsonLinesPopulation(path).Read(SampleCatalogue.Catalog).ToList());

        Assert.StartsWith($"{path}:3: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Contains(hint, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_BadLineFarIn_StreamsTheGoodLinesFirst()
    {
        var path = _files.Write("late.jsonl", "{\"code\":\"330100-SC-0004\"}\n{\"code\":\"nope\"}\n");
        using var situations = new JsonLinesPopulation(path).Read(SampleCatalogue.Catalog).GetEnumerator();

        Assert.True(situations.MoveNext());
        Assert.Throws<PopulationException>(() => situations.MoveNext());
    }

    [Fact]
    public void ContentHash_FileChanges_HashChanges()
    {
        var path = _files.Write("h.jsonl", "{\"code\":\"330100-SC-0004\",\"weight\":1}\n");
        var before = new JsonLinesPopulation(path).ContentHash;
        File.WriteAllText(path, "{\"code\":\"330100-SC-0004\",\"weight\":2}\n");
        var after = new JsonLinesPopulation(path).ContentHash;

        Assert.Matches("^[0-9a-f]{64}$", before);
        Assert.NotEqual(before, after);
        Assert.Equal(after, new JsonLinesPopulation(path).ContentHash);
    }

    [Fact]
    public void Description_AfterReading_SaysFormatAndCount()
    {
        var path = _files.Write("count.jsonl", "{\"code\":\"330100-SC-0004\"}\n{\"code\":\"330100-SC-0001\"}\n");
        var population = new JsonLinesPopulation(path);

        Assert.Equal("count.jsonl (JSON Lines)", population.Description);
        _ = population.Read(SampleCatalogue.Catalog).Count();
        Assert.Equal("count.jsonl (JSON Lines, 2 situations)", population.Description);
        Assert.Equal(PopulationKind.File, population.Kind);
    }

    [Fact]
    public void Read_NotUtf8_SaysSoAndWhatToDo()
    {
        var path = System.IO.Path.Combine(_files.Path, "latin1.jsonl");
        File.WriteAllBytes(path, [.. System.Text.Encoding.UTF8.GetBytes("{\"code\":\"330100-SC-0003\",\"facts\":{\"enterprise.name\":\""), 0xE9, .. "\"}}\n"u8.ToArray()]);

        var error = Assert.Throws<PopulationException>(() => new JsonLinesPopulation(path).Read(SampleCatalogue.Catalog).ToList());

        Assert.Contains("not valid UTF-8", error.Message, StringComparison.Ordinal);
        Assert.Contains("Save it as UTF-8", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _files.Dispose();
}
