using System.Security.Cryptography;
using System.Text;
using OneVisit.Rules.Expressions;
using OneVisit.Rules.WhatIf;
using OneVisit.Rules.WhatIf.Internal;
using OneVisit.Rules.WhatIf.Populations;

namespace OneVisit.Rules.Tests.WhatIf;

/// <summary>The made-up population: every fact a procedure's rules read, drawn evenly, the same on every machine.</summary>
public sealed class UniformPopulationTests
{
    [Fact]
    public void Read_SeedOne_SameSituationsAsWhenFirstWritten()
    {
        // Pins SplitMix64 and the order of draws: a change here changes every report's "typical", so it must be deliberate
        // (and the generator's version in the hash bumped).
        var situations = new UniformPopulation(8, seed: 1).Read(SampleCatalogue.Catalog);

        var hash = Hash(situations);
        Assert.True(hash == PinnedHash, $"The uniform population of seed 1 hashes to {hash} now, {PinnedHash} when it was written.");
    }

    [Fact]
    public void Read_TwiceOrWithAnotherSeed_SameOrDifferentSituations()
    {
        var population = new UniformPopulation(16, seed: 3);

        Assert.Equal(Hash(population.Read(SampleCatalogue.Catalog)), Hash(population.Read(SampleCatalogue.Catalog)));
        Assert.NotEqual(Hash(population.Read(SampleCatalogue.Catalog)), Hash(new UniformPopulation(16, seed: 4).Read(SampleCatalogue.Catalog)));
        Assert.NotEqual(population.ContentHash, new UniformPopulation(16, seed: 4).ContentHash);
    }

    [Fact]
    public void Read_EveryProcedure_DrawsEachYesNoFactBothWaysAndEnumsWithinTheirValues()
    {
        var catalog = SampleCatalogue.Catalog;
        var situations = new UniformPopulation().Read(catalog).ToList();

        foreach (var group in situations.GroupBy(s => s.Code))
        {
            Assert.Equal(UniformPopulation.DefaultSituationsPerCode, group.Count());
            foreach (var path in group.SelectMany(s => s.Facts.Keys).Distinct())
            {
                var type = catalog.Facts.Find(path)!.Type;
                var values = group.Select(s => s.Facts[path]).ToList();
                if (type.Kind == FactKind.Bool)
                {
                    Assert.True(values.Contains(true) && values.Contains(false), $"{group.Key}: {path} is never {(values.Contains(true) ? "no" : "yes")} in 64 draws");
                }
                else
                {
                    Assert.Equal(FactKind.Enum, type.Kind);
                    Assert.All(values, v => Assert.True(type.Allows((string)v!), $"{group.Key}: {path} = {v}"));
                }
            }
        }

        Assert.Contains(situations, s => s.Facts.Count > 0);
        Assert.All(situations, s => Assert.Equal(1, s.Weight));
    }

    [Fact]
    public void SplitMix64_SeedZero_PublishedReferenceOutputs()
    {
        // The reference implementation's first outputs for seed 0 (Vigna's splitmix64.c).
        var random = new SplitMix64(0);

        Assert.Equal(0xE220A8397B1DCDAFUL, random.Next());
        Assert.Equal(0x6E789E6AA1B965F4UL, random.Next());
        Assert.Equal(0x06C45D188009454FUL, random.Next());
    }

    [Fact]
    public void Create_NoSituations_Refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new UniformPopulation(0));
    }

    private const string PinnedHash = "bb0a0863b3cc4574563d3ba0a4ac388e64a3fd6972c9e4f0794ffd484fd6ec8d";

    private static string Hash(IEnumerable<Situation> situations)
    {
        var text = new StringBuilder();
        foreach (var s in situations)
        {
            text.Append(s.Code).Append(':').AppendJoin(',', s.Facts.Select(f => $"{f.Key}={f.Value}")).Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
