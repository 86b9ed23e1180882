using System.Text.Json;
using OneVisit.Cli.Visits;

namespace OneVisit.Cli.Tests.Visits;

/// <summary><c>onevisit visits</c>: every procedure's and bundle's visits, as text, JSON and an HTML page.</summary>
public sealed class VisitsCommandTests
{
    private static readonly string Catalogue = RepositoryRoot.SampleCatalogue;

    [Fact]
    public void Visits_English_EveryProcedureMostVisitsFirstBundlesBesideNaiveSumAndSummary()
    {
        var (exit, output, error) = Cli.Run("visits", Catalogue, "--lang", "en");

        Assert.True(exit == 0, error);
        Assert.Contains("generated", output, StringComparison.Ordinal);
        Assert.Contains("not real volumes", output, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^\s+code\s+worst\s+typical\s+best\s+name$", output);
        Assert.Matches(@"(?m)^\s+330100-YJS-0001\s+1\s+4\s+3\s+\d\s+\d\s+Newborn$", output);
        Assert.Matches(@"(?m)^\d+ procedures need at most one visit; \d+ need two or more\.$", output);
        var codes = System.Text.RegularExpressions.Regex.Matches(output, @"(?m)^\s+(330100-SC-\d{4})\s").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(32, codes.Count);
    }

    [Fact]
    public void Visits_Chinese_NoEnglishLabelsLeft()
    {
        var (exit, chinese, error) = Cli.Run("visits", Catalogue);
        var (_, english, _) = Cli.Run("visits", Catalogue, "--lang", "en");

        Assert.True(exit == 0, error);
        Assert.Contains("个事项最多跑一次", chinese, StringComparison.Ordinal);
        // The population's description is the source's own words (a file name, a generator's spec), not a label.
        var description = new OneVisit.Rules.WhatIf.Populations.UniformPopulation().Description;
        Assert.Empty(LabelScan.EnglishIn(LabelScan.Without(chinese, [description]), LabelScan.Wordings(VisitsLabels.English)));
        Assert.Empty(LabelScan.ChineseIn(english, LabelScan.Wordings(VisitsLabels.Chinese)));
    }

    [Fact]
    public void Visits_Json_ConventionWorstBesideNaiveSumAndThePopulationNamed()
    {
        var (exit, output, error) = Cli.Run("visits", Catalogue, "--json");

        Assert.True(exit == 0, error);
        using var json = JsonConvention.Parse(output);
        var root = json.RootElement;
        Assert.Equal("generated", root.GetProperty("population").GetProperty("kind").GetString());
        Assert.Equal(64 * 36, root.GetProperty("population").GetProperty("situations").GetInt32());
        var birth = root.GetProperty("bundles").EnumerateArray().Single(b => b.GetProperty("code").GetString() == "330100-YJS-0001");
        Assert.Equal(1, birth.GetProperty("worst").GetInt32());
        Assert.Equal(4, birth.GetProperty("naiveSum").GetInt32());
        Assert.Equal(3, birth.GetProperty("saved").GetInt32());
        Assert.Equal(4, birth.GetProperty("members").GetArrayLength());
        var procedures = root.GetProperty("procedures").EnumerateArray().ToList();
        Assert.Equal(32, procedures.Count);
        Assert.All(procedures, p => Assert.True(p.GetProperty("typical").GetInt32() <= p.GetProperty("worst").GetInt32(), p.GetProperty("code").GetString()));
        var totals = root.GetProperty("totals").GetProperty("proceduresWorst");
        Assert.Equal(32, totals.GetProperty("zero").GetInt32() + totals.GetProperty("one").GetInt32() + totals.GetProperty("twoOrMore").GetInt32());
    }

    [Fact]
    public void Visits_SameSeed_SameJson_OtherSeed_OtherPopulationHash()
    {
        var first = Cli.Run("visits", Catalogue, "--json", "--situations", "8", "--seed", "42").Output;
        var second = Cli.Run("visits", Catalogue, "--json", "--situations", "8", "--seed", "42").Output;
        var other = Cli.Run("visits", Catalogue, "--json", "--situations", "8", "--seed", "43").Output;

        Assert.Equal(first, second);
        Assert.NotEqual(Hash(first), Hash(other));

        static string? Hash(string output) => JsonDocument.Parse(output).RootElement.GetProperty("population").GetProperty("contentHash").GetString();
    }

    [Fact]
    public void Visits_Html_WritesThePageAndSaysWhere()
    {
        using var folder = new TempFolder();
        var page = Path.Combine(folder.Path, "visits.html");

        var (exit, output, error) = Cli.Run("visits", Catalogue, "--html", page, "--lang", "en");

        Assert.True(exit == 0, error);
        Assert.Contains($"Wrote the HTML report to {page}.", output, StringComparison.Ordinal);
        var html = File.ReadAllText(page);
        Assert.Contains("<html lang=\"en\">", html, StringComparison.Ordinal);
        Assert.Matches("<svg role=\"img\" aria-labelledby=\"procedures-chart-title procedures-chart-desc\"[^>]*><title id=\"procedures-chart-title\">[^<]+</title><desc", html);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Visits_MissingFolder_UsageWithTheFolderNamed()
    {
        var (exit, output, error) = Cli.Run("visits", "no/such/catalogue");

        Assert.Equal(64, exit);
        Assert.Equal("", output);
        Assert.Contains("onevisit visits: there is no folder 'no/such/catalogue'.", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Visits_BadOptions_Usage()
    {
        var none = Cli.Run("visits", Catalogue, "--situations", "0");
        var seed = Cli.Run("visits", Catalogue, "--seed", "-1");
        var language = Cli.Run("visits", Catalogue, "--lang", "fr");

        Assert.Equal(64, none.ExitCode);
        Assert.Contains("--situations must be between 1 and 100000.", none.Error, StringComparison.Ordinal);
        Assert.Equal(64, seed.ExitCode);
        Assert.Equal(64, language.ExitCode);
    }

    [Fact]
    public void Visits_BrokenCatalogue_ErrorsNotAReport()
    {
        using var copy = new CatalogueCopy();
        File.WriteAllText(Path.Combine(copy.Path, "facts.yaml"), "entities: [");

        var (exit, output, error) = Cli.Run("visits", copy.Path);

        Assert.Equal(1, exit);
        Assert.Equal("", output);
        Assert.Contains("fix them first", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Visits_PopulationFile_TypicalFromItAndSmallCellsWithheld()
    {
        var folder = Directory.CreateTempSubdirectory("onevisit-visits-population-").FullName;
        var file = Path.Combine(folder, "cases.jsonl");
        File.WriteAllLines(file,
        [
            "{\"code\": \"330100-SC-0004\", \"weight\": 500, \"facts\": {\"applicant.has_smartphone\": true}}",
            "{\"code\": \"330100-SC-0003\", \"weight\": 3}",
        ]);

        var (exit, output, error) = Cli.Run("visits", Catalogue, "--population", file, "--json");

        Assert.True(exit == 0, error);
        using var json = JsonDocument.Parse(output);
        var procedures = json.RootElement.GetProperty("procedures").EnumerateArray().ToDictionary(p => p.GetProperty("code").GetString()!);
        var rent = procedures["330100-SC-0004"];
        var name = procedures["330100-SC-0003"];
        Assert.Equal((false, 500.0), (rent.GetProperty("suppressed").GetBoolean(), rent.GetProperty("weight").GetDouble()));
        Assert.True(name.GetProperty("suppressed").GetBoolean());
        Assert.Equal(JsonValueKind.Null, name.GetProperty("typical").ValueKind);
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public void Visits_MissingPopulationFile_Usage()
    {
        var (exit, _, error) = Cli.Run("visits", Catalogue, "--population", Path.Combine(Path.GetTempPath(), "no-such-population.jsonl"));

        Assert.Equal(64, exit);
        Assert.Contains("there is no population file", error, StringComparison.Ordinal);
    }
}
