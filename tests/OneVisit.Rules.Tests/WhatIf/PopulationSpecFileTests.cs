using OneVisit.Rules.Diagnostics;
using OneVisit.Rules.WhatIf;
using OneVisit.Rules.WhatIf.Populations;

namespace OneVisit.Rules.Tests.WhatIf;

public sealed class PopulationSpecFileTests : IDisposable
{
    private const string Valid = """
        population: test
        seed: 42
        situations: 1_000
        entries:
          - code: 330100-SC-0004
            volume: 120000
            facts:
              applicant.has_local_hukou: {true: 0.3, false: 0.7}
              applicant.marital_status: {single: 0.4, married: 0.5, ~: 0.1}
              applicant.months_contributed: {between: [1, 120]}
              applicant.birth_date: {between: [1960-01-01, 2000-12-31]}
              applicant.rents_home: true
              applicant.has_fund_joint_card: ~
          - code: 330100-YJS-0001
            volume: 90000
        """;

    private readonly TempFiles _files = new();

    [Fact]
    public void Load_ValidSpec_ReadsEveryKindOfDistributionWithPositions()
    {
        var result = PopulationSpecFile.Load(_files.Write("spec.yaml", Valid), SampleCatalogue.Catalog);

        Assert.Empty(result.Diagnostics);
        var spec = result.GetSpecOrThrow();
        Assert.Equal(("test", 42UL, 1_000L), (spec.Name, spec.Seed, spec.Situations));
        var rent = spec.Entries[0];
        Assert.Equal(("330100-SC-0004", 120_000.0, 5), (rent.Code, rent.Volume, rent.Location!.Value.Line));
        Assert.Equal([new ValueShare(true, 0.3), new ValueShare(false, 0.7)], ((FactShares)rent.Facts[0]).Shares);
        Assert.Null(((FactShares)rent.Facts[1]).Shares[2].Value);
        Assert.Equal(new NumberRange("applicant.months_contributed", 1, 120), rent.Facts[2] with { Location = null });
        Assert.Equal(new DateRange("applicant.birth_date", new DateOnly(1960, 1, 1), new DateOnly(2000, 12, 31)), rent.Facts[3] with { Location = null });
        Assert.Equal(new FixedFact("applicant.rents_home", true), rent.Facts[4] with { Location = null });
        Assert.Equal(new FixedFact("applicant.has_fund_joint_card", null), rent.Facts[5] with { Location = null });
        Assert.Equal(11, rent.Facts[3].Location!.Value.Line);
        Assert.Equal("330100-YJS-0001", spec.Entries[1].Code);
    }

    [Theory]
    [InlineData("applicant.has_local_hukou: {true: 0.3, false: 0.7}", "applicant.has_local_hukou: {true: 0.3, false: 0.6}", 8, DiagnosticCodes.InvalidValue, "The shares of applicant.has_local_hukou sum to 0.9, not 1")]
    [InlineData("applicant.has_local_hukou: {true: 0.3, false: 0.7}", "applicant.has_local_hukou: {yes: 0.3, false: 0.7}", 8, DiagnosticCodes.InvalidValue, "'yes' is not a value applicant.has_local_hukou (bool) can take; write true or false")]
    [InlineData("applicant.has_local_hukou: {true: 0.3, false: 0.7}", "applicant.has_local_hukuo: {true: 0.3, false: 0.7}", 8, DiagnosticCodes.UnknownReference, "'applicant.has_local_hukuo' is not a fact of the catalogue (facts.yaml). Did you mean 'applicant.has_local_hukou'?")]
    [InlineData("single: 0.4, married", "single: 0.4, maried", 9, DiagnosticCodes.InvalidValue, "Did you mean 'married'?")]
    [InlineData("{between: [1, 120]}", "{between: [1, 12.5]}", 10, DiagnosticCodes.InvalidValue, "'12.5' is not a valid largest value of applicant.months_contributed: write a whole number")]
    [InlineData("{between: [1, 120]}", "{between: [120, 1]}", 10, DiagnosticCodes.InvalidValue, "The range of applicant.months_contributed runs backwards")]
    [InlineData("{between: [1, 120]}", "{between: 1}", 10, DiagnosticCodes.WrongShape, "'between' takes the smallest and the largest value in brackets")]
    [InlineData("[1960-01-01, 2000-12-31]", "[1960-01-01, 2000-02-30]", 11, DiagnosticCodes.InvalidValue, "'2000-02-30' is not a valid last day of applicant.birth_date")]
    [InlineData("applicant.rents_home: true", "applicant.rents_home: [true]", 12, DiagnosticCodes.WrongShape, "applicant.rents_home takes one value, shares of its values")]
    [InlineData("code: 330100-YJS-0001", "code: 330100-YJS-001", 14, DiagnosticCodes.UnknownReference, "'330100-YJS-001' is neither a procedure nor a bundle of the catalogue. Did you mean '330100-YJS-0001'?")]
    [InlineData("volume: 90000", "volume: -1", 14, DiagnosticCodes.InvalidValue, "The volume of 330100-YJS-0001 is -1")]
    [InlineData("volume: 90000", "volume: lots", 15, DiagnosticCodes.InvalidValue, "'lots' is not a valid volume")]
    [InlineData("seed: 42", "seed: -1", 2, DiagnosticCodes.InvalidValue, "'-1' is not a valid seed")]
    [InlineData("seed: 42", "sead: 42", 1, DiagnosticCodes.MissingKey, "needs 'seed'")]
    public void Load_OneMistake_ReportsItAtItsLine(string original, string replacement, int line, string code, string message)
    {
        Assert.Contains(original, Valid, StringComparison.Ordinal);
        var path = _files.Write("spec.yaml", Valid.Replace(original, replacement, StringComparison.Ordinal));

        var result = PopulationSpecFile.Load(path, SampleCatalogue.Catalog);

        var error = Assert.Single(result.Diagnostics, d => d.IsError);
        Assert.Equal((code, line, path), (error.Code, error.Location.Line, error.Location.File));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Null(result.Spec);
    }

    [Fact]
    public void Read_SpecFileWithErrors_ThrowsListingThemWithPositions()
    {
        var path = _files.Write("spec.yaml", Valid.Replace("false: 0.7", "false: 0.6", StringComparison.Ordinal)
            .Replace("code: 330100-YJS-0001", "code: nope", StringComparison.Ordinal));

        var error = Assert.Throws<PopulationException>(() => GeneratedPopulation.FromFile(path).Read(SampleCatalogue.Catalog));

        Assert.Contains("has 2 error(s)", error.Message, StringComparison.Ordinal);
        Assert.Contains($"{path}:8:", error.Message, StringComparison.Ordinal);
        Assert.Contains($"{path}:14:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_SpecFile_DrawsLikeTheSameSpecBuiltInCodeAndHashesTheFile()
    {
        var path = _files.Write("spec.yaml", Valid);
        var fromFile = GeneratedPopulation.FromFile(path);
        var spec = PopulationSpecFile.Load(path, SampleCatalogue.Catalog).GetSpecOrThrow();

        var drawn = GeneratedPopulationTests.Flatten(fromFile.Read(SampleCatalogue.Catalog));

        Assert.Equal(GeneratedPopulationTests.Flatten(new GeneratedPopulation(spec).Read(SampleCatalogue.Catalog)), drawn);
        var hash = fromFile.ContentHash;
        File.WriteAllText(path, Valid.Replace("seed: 42", "seed: 43", StringComparison.Ordinal));
        Assert.NotEqual(hash, GeneratedPopulation.FromFile(path).ContentHash);
        Assert.Equal("test: 1,000 situations generated from spec.yaml, seed 42", fromFile.Description);
    }

    [Fact]
    public void Read_SpecFileWithAMisspeltKey_KeepsTheWarningForTheRun()
    {
        var path = _files.Write("spec.yaml", Valid.Replace("    facts:", "    fatcs:", StringComparison.Ordinal));
        var population = GeneratedPopulation.FromFile(path);

        var situations = population.Read(SampleCatalogue.Catalog).ToList();

        var warning = Assert.Single(population.Warnings);
        Assert.Equal((DiagnosticCodes.UnknownKey, 7), (warning.Code, warning.Location.Line));
        Assert.Contains("Did you mean 'facts'?", warning.Message, StringComparison.Ordinal);
        Assert.All(situations, s => Assert.Empty(s.Facts));
    }

    public void Dispose() => _files.Dispose();
}
