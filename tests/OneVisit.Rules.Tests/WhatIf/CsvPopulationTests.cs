using OneVisit.Rules.WhatIf;
using OneVisit.Rules.WhatIf.Populations;

namespace OneVisit.Rules.Tests.WhatIf;

public sealed class CsvPopulationTests : IDisposable
{
    private readonly TempFiles _files = new();

    [Fact]
    public void Read_RowsWithQuotingAndEmptyCells_GivesTypedFactsAndWeights()
    {
        var path = _files.Write("situations.csv",
            "code,weight,applicant.has_local_hukou,applicant.months_contributed,applicant.marital_status,enterprise.name,child.birth_date\r\n"
            + "330100-SC-0004,1200,false,14,single,,\r\n"
            + "330100-SC-0003,,,,,\"浙江某某, \"\"科技\"\"\n有限公司\",\r\n"
            + "\r\n"
            + "330100-YJS-0001,2.5,,,,,2017-07-12");

        var situations = new CsvPopulation(path).Read(SampleCatalogue.Catalog).ToList();

        Assert.Equal(3, situations.Count);
        Assert.Equal(("330100-SC-0004", 1200.0), (situations[0].Code, situations[0].Weight));
        Assert.Equal(false, situations[0].Facts["applicant.has_local_hukou"]);
        Assert.Equal(14m, situations[0].Facts["applicant.months_contributed"]);
        Assert.Equal("single", situations[0].Facts["applicant.marital_status"]);
        Assert.False(situations[0].Facts.ContainsKey("enterprise.name"));
        Assert.Equal(1, situations[1].Weight);
        Assert.Equal("浙江某某, \"科技\"\n有限公司", Assert.Single(situations[1].Facts).Value);
        Assert.Equal(2.5, situations[2].Weight);
        Assert.Equal(new DateOnly(2017, 7, 12), situations[2].Facts["child.birth_date"]);
    }

    [Fact]
    public void Read_NoWeightColumn_EveryRowWeighsOne()
    {
        var path = _files.Write("plain.csv", "applicant.has_local_hukou,code\ntrue,330100-SC-0004\n");

        var situation = Assert.Single(new CsvPopulation(path).Read(SampleCatalogue.Catalog));

        Assert.Equal(1, situation.Weight);
        Assert.Equal(true, situation.Facts["applicant.has_local_hukou"]);
    }

    [Theory]
    [InlineData("330100-SC-0004,1,yes,", 3, "column 'applicant.has_local_hukou': 'yes' is not a value applicant.has_local_hukou (bool) can take; write true or false")]
    [InlineData("330100-SC-0004,1,,1.5.0", 3, "column 'applicant.months_contributed': '1.5.0' is not a value")]
    [InlineData("330100-SC-0004,1,,14,", 3, "this row has 5 cells and the header 4")]
    [InlineData("330100-sc-0004,1,,", 3, "column 'code': '330100-sc-0004' is neither a procedure nor a bundle of the catalogue. Did you mean '330100-SC-0004'?")]
    [InlineData(",1,,", 3, "column 'code': empty")]
    [InlineData("330100-SC-0004,0,,", 3, "column 'weight': '0' is not a weight")]
    [InlineData("330100-SC-0004,many,,", 3, "column 'weight': 'many' is not a weight")]
    [InlineData("330100-SC-0004,1,\"true,", 3, "a quoted field starts here and never ends")]
    [InlineData("330100-SC-0004,1,\"true\"x,", 3, "text after a quoted field's closing quote")]
    [InlineData("330100-SC-0004,1,tr\"ue,", 3, "a double quote inside a field")]
    public void Read_BadRow_NamesFileLineAndColumn(string row, int line, string message)
    {
        var path = _files.Write("bad.csv", "code,weight,applicant.has_local_hukou,applicant.months_contributed\n330100-SC-0001,1,,\n" + row + "\n");

        var error = Assert.Throws<PopulationException>(() => new CsvPopulation(path).Read(SampleCatalogue.Catalog).ToList());

        Assert.StartsWith($"{path}:{line}: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("code,weight,applicant.has_local_hukuo", "column 'applicant.has_local_hukuo' is not a fact of the catalogue (facts.yaml). Did you mean 'applicant.has_local_hukou'?")]
    [InlineData("weight,applicant.has_local_hukou", "the header has no 'code' column")]
    [InlineData("code,code", "column 'code' appears twice")]
    [InlineData("code,,weight", "column 2 of the header has no name")]
    public void Read_BadHeader_NamesLineOneAndTheColumn(string header, string message)
    {
        var path = _files.Write("header.csv", header + "\n");

        var error = Assert.Throws<PopulationException>(() => new CsvPopulation(path).Read(SampleCatalogue.Catalog).ToList());

        Assert.StartsWith($"{path}:1: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ErrorAfterAQuotedLineBreak_CountsTheFileLine()
    {
        var path = _files.Write("lines.csv", "code,enterprise.name\n330100-SC-0003,\"two\nlines\"\nnope,x\n");

        var error = Assert.Throws<PopulationException>(() => new CsvPopulation(path).Read(SampleCatalogue.Catalog).ToList());

        Assert.StartsWith($"{path}:4: column 'code'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ContentHash_FileChanges_HashChanges()
    {
        var path = _files.Write("h.csv", "code\n330100-SC-0004\n");
        var before = new CsvPopulation(path).ContentHash;
        File.AppendAllText(path, "330100-SC-0001\n");

        Assert.NotEqual(before, new CsvPopulation(path).ContentHash);
    }

    [Fact]
    public void Description_AfterReading_SaysFormatAndCount()
    {
        var path = _files.Write("few.csv", "code\n330100-SC-0004\n330100-SC-0001\n330100-YJS-0002\n");
        var population = new CsvPopulation(path);
        _ = population.Read(SampleCatalogue.Catalog).Count();

        Assert.Equal("few.csv (CSV, 3 situations)", population.Description);
    }

    [Fact]
    public void Read_FileWithByteOrderMark_ReadsTheHeader()
    {
        var path = System.IO.Path.Combine(_files.Path, "bom.csv");
        File.WriteAllBytes(path, [0xEF, 0xBB, 0xBF, .. System.Text.Encoding.UTF8.GetBytes("code,applicant.is_agent\n330100-SC-0001,true\n")]);

        var situation = Assert.Single(new CsvPopulation(path).Read(SampleCatalogue.Catalog));

        Assert.Equal(true, situation.Facts["applicant.is_agent"]);
    }

    public void Dispose() => _files.Dispose();
}
