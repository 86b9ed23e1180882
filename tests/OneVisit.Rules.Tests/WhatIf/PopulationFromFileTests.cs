using OneVisit.Rules.WhatIf;
using OneVisit.Rules.WhatIf.Populations;

namespace OneVisit.Rules.Tests.WhatIf;

public sealed class PopulationFromFileTests : IDisposable
{
    private readonly TempFiles _files = new();

    [Theory]
    [InlineData("p.jsonl", typeof(JsonLinesPopulation))]
    [InlineData("p.CSV", typeof(CsvPopulation))]
    [InlineData("p.yaml", typeof(GeneratedPopulation))]
    [InlineData("p.yml", typeof(GeneratedPopulation))]
    public void FromFile_ByExtension_ChoosesTheFormat(string name, Type expected)
    {
        var population = Population.FromFile(_files.Write(name, ""));

        Assert.IsType(expected, population);
    }

    [Fact]
    public void FromFile_OtherExtension_SaysWhichAreRead()
    {
        var error = Assert.Throws<PopulationException>(() => Population.FromFile(_files.Write("p.json", "")));

        Assert.Contains("(.json)", error.Message, StringComparison.Ordinal);
        Assert.Contains(".jsonl (JSON Lines) or .csv", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromFile_Missing_SaysThereIsNoSuchFile()
    {
        var error = Assert.Throws<PopulationException>(() => Population.FromFile(Path.Combine(_files.Path, "none.csv")));

        Assert.Contains("There is no population file", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _files.Dispose();
}
