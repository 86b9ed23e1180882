using OneVisit.Rules.WhatIf;
using OneVisit.Rules.WhatIf.Populations;

namespace OneVisit.Rules.Tests.WhatIf;

public sealed class GeneratedPopulationTests
{
    // The first situation of Spec(situations: 3): a change of generator (or of how entries draw) would silently
    // change every seeded population, and the run records that name them.
    private const string PinnedFirst =
        "330100-SC-0004 60000 applicant.birth_date=1997-11-30 applicant.has_local_hukou=True applicant.marital_status=single applicant.months_contributed=82 applicant.rents_home=True";

    private static PopulationSpec Spec(ulong seed = 42, long situations = 20_000) => new()
    {
        Name = "test",
        Seed = seed,
        Situations = situations,
        Entries =
        [
            new PopulationEntry("330100-SC-0004", 120_000,
            [
                new FactShares("applicant.has_local_hukou", [new ValueShare(true, 0.3), new ValueShare(false, 0.7)]),
                new FactShares("applicant.marital_status", [new ValueShare("single", 0.4), new ValueShare("married", 0.5), new ValueShare(null, 0.1)]),
                new NumberRange("applicant.months_contributed", 1, 120),
                new DateRange("applicant.birth_date", new DateOnly(1960, 1, 1), new DateOnly(2000, 12, 31)),
                new FixedFact("applicant.rents_home", true),
            ]),
            new PopulationEntry("330100-YJS-0001", 60_000, []),
        ],
    };

    private static List<Situation> Draw(PopulationSpec spec) => [.. new GeneratedPopulation(spec).Read(SampleCatalogue.Catalog)];

    [Fact]
    public void Read_SharesAndRanges_ComeOutInProportionWithinTolerance()
    {
        var rent = Draw(Spec()).Where(s => s.Code == "330100-SC-0004").ToList();

        Assert.Equal(13_333, rent.Count);
        Assert.InRange(rent.Count(s => (bool)s.Facts["applicant.has_local_hukou"]!) / (double)rent.Count, 0.28, 0.32);
        Assert.InRange(rent.Count(s => s.Facts.GetValueOrDefault("applicant.marital_status") is "married") / (double)rent.Count, 0.48, 0.52);
        Assert.InRange(rent.Count(s => !s.Facts.ContainsKey("applicant.marital_status")) / (double)rent.Count, 0.09, 0.11);
        var months = rent.Select(s => (decimal)s.Facts["applicant.months_contributed"]!).ToList();
        Assert.All(months, m => Assert.True(m is >= 1 and <= 120 && m == decimal.Truncate(m)));
        Assert.Equal(120, months.Distinct().Count());
        Assert.InRange(months.Average(), 58m, 63m);
        var births = rent.Select(s => (DateOnly)s.Facts["applicant.birth_date"]!).ToList();
        Assert.All(births, d => Assert.InRange(d, new DateOnly(1960, 1, 1), new DateOnly(2000, 12, 31)));
        Assert.InRange(births.Count(d => d.Year < 1980) / (double)births.Count, 0.46, 0.51);
        Assert.All(rent, s => Assert.Equal(true, s.Facts["applicant.rents_home"]));
    }

    [Fact]
    public void Read_EachEntry_WeightsSumToItsVolumeAndRowsSplitByVolume()
    {
        var situations = Draw(Spec());

        Assert.Equal(20_000, situations.Count);
        Assert.Equal(120_000, situations.Where(s => s.Code == "330100-SC-0004").Sum(s => s.Weight), 6);
        var bundle = situations.Where(s => s.Code == "330100-YJS-0001").ToList();
        Assert.Equal(6_667, bundle.Count);
        Assert.Equal(60_000, bundle.Sum(s => s.Weight), 6);
        Assert.All(bundle, s => Assert.Empty(s.Facts));
    }

    [Fact]
    public void Read_TinyEntry_StillGetsOneSituation()
    {
        var spec = Spec(situations: 10) with
        {
            Entries = [new PopulationEntry("330100-SC-0004", 1_000_000, []), new PopulationEntry("330100-SC-0001", 1, [])],
        };

        var situations = Draw(spec);

        var branch = Assert.Single(situations, s => s.Code == "330100-SC-0001");
        Assert.Equal(1, branch.Weight);
    }

    [Fact]
    public void Read_SameSeedTwice_GivesIdenticalSituations()
    {
        var first = Draw(Spec(seed: 7, situations: 2_000));
        var again = Draw(Spec(seed: 7, situations: 2_000));

        Assert.Equal(Flatten(first), Flatten(again));
    }

    [Fact]
    public void Read_DifferentSeed_GivesDifferentSituations()
    {
        Assert.NotEqual(Flatten(Draw(Spec(seed: 7, situations: 2_000))), Flatten(Draw(Spec(seed: 8, situations: 2_000))));
    }

    [Fact]
    public void Read_Seed42_GivesThePinnedFirstSituation()
    {
        var first = Draw(Spec(situations: 3))[0];

        Assert.Equal(PinnedFirst, Flatten([first]));
    }

    [Fact]
    public void Read_AddingAnEntryAtTheEnd_LeavesTheOthersAsTheyWere()
    {
        var spec = Spec(situations: 1_000);
        var longer = spec with { Situations = 1_001, Entries = [.. spec.Entries, new PopulationEntry("330100-SC-0001", 1, [])] };

        var before = Draw(spec).Where(s => s.Code == "330100-SC-0004");
        var after = Draw(longer).Where(s => s.Code == "330100-SC-0004");

        Assert.Equal(Flatten(before), Flatten(after));
    }

    [Fact]
    public void Read_IsLazy_AMillionSituationsStream()
    {
        var spec = Spec(situations: 1_000_000);

        var first = new GeneratedPopulation(spec).Read(SampleCatalogue.Catalog).Take(5).ToList();

        Assert.Equal(5, first.Count);
    }

    [Fact]
    public void Read_SpecWithErrors_ListsEveryErrorByEntry()
    {
        var spec = Spec() with
        {
            Entries =
            [
                new PopulationEntry("330100-sc-0004", 10, []),
                new PopulationEntry("330100-SC-0004", 0,
                [
                    new FactShares("applicant.has_local_hukou", [new ValueShare(true, 0.3), new ValueShare(false, 0.6)]),
                    new FixedFact("applicant.months_contributed", 14),
                    new FixedFact("applicant.has_local_hukuo", true),
                    new NumberRange("applicant.months_contributed", 10, 1),
                    new NumberRange("applicant.rents_home", 1, 2),
                    new DateRange("child.birth_date", new DateOnly(2018, 1, 1), new DateOnly(2017, 1, 1)),
                    new FactShares("applicant.marital_status", [new ValueShare("maried", 1)]),
                ]),
            ],
        };

        var error = Assert.Throws<PopulationException>(() => new GeneratedPopulation(spec).Read(SampleCatalogue.Catalog));

        Assert.Contains("entry 1 (330100-sc-0004): '330100-sc-0004' is neither a procedure nor a bundle of the catalogue. Did you mean '330100-SC-0004'?", error.Message, StringComparison.Ordinal);
        Assert.Contains("entry 2 (330100-SC-0004): The volume of 330100-SC-0004 is 0", error.Message, StringComparison.Ordinal);
        Assert.Contains("The shares of applicant.has_local_hukou sum to 0.9, not 1", error.Message, StringComparison.Ordinal);
        Assert.Contains("14 (Int32) is not a value applicant.months_contributed (number) can take; give a number (a decimal)", error.Message, StringComparison.Ordinal);
        Assert.Contains("'applicant.has_local_hukuo' is not a fact of the catalogue (facts.yaml). Did you mean 'applicant.has_local_hukou'?", error.Message, StringComparison.Ordinal);
        Assert.Contains("'applicant.months_contributed' is given twice", error.Message, StringComparison.Ordinal);
        Assert.Contains("applicant.rents_home is a bool; 'between' draws numbers or dates", error.Message, StringComparison.Ordinal);
        Assert.Contains("The range of child.birth_date runs backwards", error.Message, StringComparison.Ordinal);
        Assert.Contains("'maried' is not a value applicant.marital_status (enum) can take", error.Message, StringComparison.Ordinal);
        Assert.Contains("has 9 error(s)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ContentHash_SpecBuiltInCode_ChangesWithSeedAndShares()
    {
        var spec = Spec();
        var hash = new GeneratedPopulation(spec).ContentHash;

        Assert.Matches("^[0-9a-f]{64}$", hash);
        Assert.Equal(hash, new GeneratedPopulation(Spec()).ContentHash);
        Assert.NotEqual(hash, new GeneratedPopulation(spec with { Seed = 43 }).ContentHash);
        Assert.NotEqual(hash, new GeneratedPopulation(spec with { Entries = [spec.Entries[0] with { Volume = 120_001 }, spec.Entries[1]] }).ContentHash);
    }

    [Fact]
    public void Description_SpecBuiltInCode_SaysNameCountAndSeed()
    {
        var population = new GeneratedPopulation(Spec());

        Assert.Equal(PopulationKind.Generated, population.Kind);
        Assert.Contains("test: 20,000 situations generated from a spec built in code, seed 42", population.Description, StringComparison.Ordinal);
    }

    internal static string Flatten(IEnumerable<Situation> situations) => string.Join("\n", situations.Select(s =>
        FormattableString.Invariant($"{s.Code} {s.Weight:R} ") + string.Join(" ", s.Facts.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"{f.Key}={Text(f.Value)}"))));

    private static string Text(object? value) => value switch
    {
        DateOnly d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        decimal n => n.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => $"{value}",
    };
}
