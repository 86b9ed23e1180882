using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace OneVisit.Cli.Tests.WhatIf;

/// <summary>
/// <c>onevisit whatif</c>: the sample reforms over the sample population, as text, JSON and an HTML file, and how it
/// refuses a broken reform, a missing or broken population, a missing catalogue and a negative <c>--min-cell</c>.
/// </summary>
public sealed class WhatIfCommandTests
{
    private static readonly string Catalogue = RepositoryRoot.SampleCatalogue;

    private static readonly string[] ReformIds = ["share_title_certificate", "post_delivery", "identity_by_face_scan"];

    private static readonly string[] Reforms =
    [
        Path.Combine(Catalogue, "reforms", "2021-01-share-title-certificate.yaml"),
        Path.Combine(Catalogue, "reforms", "2021-03-post-delivery.yaml"),
        Path.Combine(Catalogue, "reforms", "2021-06-identity-by-face-scan.yaml"),
    ];

    private static readonly string SamplePopulation = Path.Combine(Catalogue, "populations", "hangzhou-2017.yaml");

    private static readonly string[] FigureNames = ["cases", "situations", "tripsBefore", "tripsAfter", "tripsSaved", "affected", "winners", "unchanged", "losers"];

    [Fact]
    public void WhatIf_SampleReformsAndPopulation_TripsSavedNobodyWorseOffSharesInOrderAndRecord()
    {
        var (exit, output, error) = Run("--lang", "en");

        Assert.True(exit == 0, $"exit {exit}: {error}");
        var saved = Regex.Match(output, @"(?m)^Trips saved a year: ([\d,.]+) \(([\d,.]+) → ([\d,.]+)\), in [\d,.]+ cases a year\.$");
        Assert.True(saved.Success, "No headline with the trips saved a year:\n" + output);
        Assert.True(Number(saved.Groups[1].Value) > 0, "The face-scan reform saves water and gas transfers' trips, yet the headline says " + saved.Value);
        Assert.Equal(Number(saved.Groups[2].Value) - Number(saved.Groups[3].Value), Number(saved.Groups[1].Value), 2);
        Assert.Matches(@"(?m)^Cases affected: [\d,.]+ — better off [\d,.]+, unchanged [\d,.]+, worse off 0\.$", output);
        Assert.Matches(@"(?m)^Worse off: nobody\.$", output);
        Assert.DoesNotContain("WORSE OFF", output, StringComparison.Ordinal);

        // The shares in the order the reforms were given: title certificate and post delivery spare documents and
        // pickups but no trip in this population; the face scan saves them all.
        var shares = Regex.Matches(output, @"(?m)^\s+([123])\s+(\w+): .*?\s{2,}([\d,.]+)\s{2,}([\d,.]+)$")
            .Select(m => (Row: m.Groups[1].Value, Id: m.Groups[2].Value, Saved: Number(m.Groups[3].Value)))
            .ToList();
        Assert.Equal(["1", "2", "3"], shares.Select(s => s.Row));
        Assert.Equal(ReformIds, shares.Select(s => s.Id));
        Assert.Equal([0d, 0d], shares.Take(2).Select(s => s.Saved));
        Assert.Equal(Number(saved.Groups[1].Value), shares[2].Saved, 2);
        Assert.True(output.IndexOf("Each reform's share", StringComparison.Ordinal) > output.IndexOf("Worse off: nobody.", StringComparison.Ordinal), "Who is worse off must come first, right after the headline.");

        Assert.Matches(@"(?m)^\s+330100-SC-0030\s+Transfer of the water account after a home sale\s+[\d,.]+\s+[\d,.]+\s+[\d,.]+\s+[1-9][\d,.]*\s", output);
        Assert.Contains("Real estate title certificate", output, StringComparison.Ordinal);

        Assert.Matches(@"(?m)^  catalogue   .+, sha256 [0-9a-f]{64}$", output);
        var reforms = Regex.Matches(output, @"(?m)^  reform      (\w+) from \d{4}-\d{2}-\d{2}, (.+), sha256 [0-9a-f]{64}$").Select(m => m.Groups[1].Value);
        Assert.Equal(ReformIds, reforms);
        Assert.Matches(@"(?m)^  population  Generated: hangzhou-2017: .*, sha256 [0-9a-f]{64}$", output);
        Assert.Matches(@"(?m)^  size        20,000 situations, [\d,.]+ cases a year", output);
        Assert.Matches(@"(?m)^  judged on   2021-06-01; cells under 10 cases suppressed; OneVisit \S+$", output);
    }

    [Fact]
    public void WhatIf_Json_RecordReformsInOrderWithHashesSharesAddUpToTheTotalNoLosers()
    {
        var (exit, output, error) = Run("--json");

        Assert.True(exit == 0, $"exit {exit}: {error}");
        using var json = JsonConvention.Parse(output);
        var root = json.RootElement;
        var record = root.GetProperty("record");
        var reforms = record.GetProperty("reforms").EnumerateArray().ToList();
        Assert.Equal(ReformIds, reforms.Select(r => r.GetProperty("id").GetString()));
        Assert.All(reforms, r => Assert.Matches("^[0-9a-f]{64}$", r.GetProperty("sha256").GetString()));
        Assert.Matches("^[0-9a-f]{64}$", record.GetProperty("catalogueSha256").GetString());
        Assert.Matches("^[0-9a-f]{64}$", record.GetProperty("population").GetProperty("sha256").GetString());
        Assert.Equal("generated", record.GetProperty("population").GetProperty("kind").GetString());
        Assert.Equal(20_000, record.GetProperty("situations").GetInt32());
        Assert.Equal("2021-06-01", record.GetProperty("asOf").GetString());

        var total = root.GetProperty("total");
        Assert.False(total.GetProperty("suppressed").GetBoolean());
        var saved = total.GetProperty("tripsSaved").GetDouble();
        Assert.True(saved > 0, $"total.tripsSaved is {saved}");
        Assert.Equal(0, total.GetProperty("losers").GetDouble());
        var shares = root.GetProperty("shares").EnumerateArray().ToList();
        Assert.Equal(ReformIds, shares.Select(s => s.GetProperty("reform").GetString()));
        Assert.Equal(saved, shares.Sum(s => s.GetProperty("tripsSaved").GetDouble()), 6);
        Assert.Equal(0, root.GetProperty("losers").GetArrayLength());
        var water = root.GetProperty("byProcedure").EnumerateArray().Single(c => c.GetProperty("key").GetString() == "330100-SC-0030");
        Assert.True(water.GetProperty("tripsSaved").GetDouble() > 0, "The water transfer saves trips under the face-scan reform.");
    }

    [Fact]
    public void WhatIf_Json_CellsUnderMinCell_SuppressedWithoutFiguresRecordAndLosersKept()
    {
        using var folder = new TempFolder();
        var population = SmallPopulation(folder);

        var (exit, output, error) = Cli.Run(["whatif", Catalogue, .. ReformArguments(), "--population", population, "--json", "--min-cell", "1000000"]);

        Assert.True(exit == 0, $"exit {exit}: {error}");
        using var json = JsonConvention.Parse(output);
        var root = json.RootElement;
        var cells = new[] { root.GetProperty("total") }
            .Concat(new[] { "byProcedure", "byConsumingDepartment", "byIssuingDepartment" }.SelectMany(name => root.GetProperty(name).EnumerateArray()))
            .ToList();
        Assert.True(cells.Count > 1, "The small population should still have cells by procedure and department.");
        Assert.All(cells, cell =>
        {
            var key = cell.GetProperty("key").GetString();
            Assert.True(cell.GetProperty("suppressed").GetBoolean(), $"cell {key} is not suppressed under --min-cell 1000000");
            foreach (var figure in FigureNames)
            {
                Assert.True(
                    cell.TryGetProperty(figure, out var value) && value.ValueKind == JsonValueKind.Null,
                    $"suppressed cell {key} should give {figure} as null (docs/whatif.md), not {(cell.TryGetProperty(figure, out var v) ? v.GetRawText() : "leave it out")}");
            }
        });
        Assert.All(root.GetProperty("materialsSpared").EnumerateArray(), m => Assert.Equal(JsonValueKind.Null, m.GetProperty("times").ValueKind));
        Assert.Equal(0, root.GetProperty("losers").GetArrayLength());
        var record = root.GetProperty("record");
        Assert.Equal(1_000_000, record.GetProperty("minimumCellSize").GetDouble());
        Assert.Equal(3, record.GetProperty("situations").GetInt32());
        Assert.Equal(ReformIds, record.GetProperty("reforms").EnumerateArray().Select(r => r.GetProperty("id").GetString()));
    }

    [Fact]
    public void WhatIf_Text_EverythingSuppressed_SaysSoAndShowsNoFigures()
    {
        using var folder = new TempFolder();

        var (exit, output, error) = Cli.Run(["whatif", Catalogue, .. ReformArguments(), "--population", SmallPopulation(folder), "--min-cell", "1000000", "--lang", "en"]);

        Assert.True(exit == 0, $"exit {exit}: {error}");
        Assert.Contains("The population describes fewer than 1,000,000 cases a year: no figures are shown.", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Trips saved a year", output, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^\s+330100-SC-0030\s+.+\s+suppressed$", output);
        Assert.Contains("Worse off: nobody.", output, StringComparison.Ordinal);
    }

    [Fact]
    public void WhatIf_Html_WritesTheSelfContainedPageAndSaysWhereOnStandardError()
    {
        using var folder = new TempFolder();
        var page = Path.Combine(folder.Path, "whatif.html");

        var (exit, output, error) = Cli.Run(["whatif", Catalogue, .. ReformArguments(), "--population", SmallPopulation(folder), "--html", page, "--lang", "en"]);

        Assert.True(exit == 0, $"exit {exit}: {error}");
        Assert.Contains($"onevisit whatif: wrote the HTML report to {page}.", error, StringComparison.Ordinal);
        Assert.DoesNotContain(page, output, StringComparison.Ordinal);
        Assert.Contains("Trips saved a year", output, StringComparison.Ordinal);
        var html = File.ReadAllText(page);
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Matches("<svg [^>]*role=\"img\"[^>]*><title id=\"chart-title\">[^<]+</title>", html);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch("(src|href)=", html);
    }

    [Fact]
    public void WhatIf_ReformWithAnError_DiagnosticAtItsLineNothingRun()
    {
        using var folder = new TempFolder();
        var reform = Path.Combine(folder.Path, "broken.yaml");
        File.WriteAllText(reform, """
            reform: broken
            name: 共享一份不存在的证明
            effective_from: 2021-01-01
            changes:
              - share_document:
                  document: real_estate_certificat
            """);

        var (exit, output, error) = Cli.Run("whatif", Catalogue, "--reform", reform, "--population", SamplePopulation);

        Assert.Equal(1, exit);
        Assert.Equal("", output);
        Assert.Contains($"{reform}:6:17: error OV2002: There is no document 'real_estate_certificat'. Did you mean 'real_estate_certificate'?", error, StringComparison.Ordinal);
        Assert.Contains("onevisit whatif: a reform has errors; nothing was run.", error, StringComparison.Ordinal);
    }

    [Fact]
    public void WhatIf_MissingPopulationOrReformFile_UsageWithThePathNamed()
    {
        var population = Cli.Run("whatif", Catalogue, "--reform", Reforms[0], "--population", "no/such/population.jsonl");
        var reform = Cli.Run("whatif", Catalogue, "--reform", "no/such/reform.yaml", "--population", SamplePopulation);
        var folder = Cli.Run("whatif", Catalogue, "--reform", Reforms[0], "--population", Catalogue);

        Assert.Equal(64, population.ExitCode);
        Assert.Equal("", population.Output);
        Assert.Contains("onevisit whatif: there is no population file 'no/such/population.jsonl'", population.Error, StringComparison.Ordinal);
        Assert.Equal(64, reform.ExitCode);
        Assert.Equal("", reform.Output);
        Assert.Contains("onevisit whatif: there is no reform file 'no/such/reform.yaml'", reform.Error, StringComparison.Ordinal);
        Assert.Equal(64, folder.ExitCode);
        Assert.Contains($"onevisit whatif: {Catalogue} is a folder, not a population file.", folder.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void WhatIf_PopulationLineWithAnUnknownFact_ErrorWithFileAndLine()
    {
        using var folder = new TempFolder();
        var population = Path.Combine(folder.Path, "situations.jsonl");
        File.WriteAllText(population, """
            {"code": "330100-SC-0030", "weight": 40, "facts": {"applicant.has_smartphone": true}}
            {"code": "330100-SC-0030", "weight": 10, "facts": {"applicant.has_smartfone": true}}

            """);

        var (exit, output, error) = Cli.Run("whatif", Catalogue, "--reform", Reforms[2], "--population", population);

        Assert.Equal(1, exit);
        Assert.Equal("", output);
        Assert.Contains($"onevisit whatif: {population}:2: 'applicant.has_smartfone' is not a fact", error, StringComparison.Ordinal);
    }

    [Fact]
    public void WhatIf_MissingCatalogue_Usage()
    {
        var (exit, output, error) = Cli.Run("whatif", "no/such/catalogue", "--reform", Reforms[0], "--population", SamplePopulation);

        Assert.Equal(64, exit);
        Assert.Equal("", output);
        Assert.Contains("onevisit whatif: there is no folder 'no/such/catalogue'.", error, StringComparison.Ordinal);
    }

    [Fact]
    public void WhatIf_NegativeMinCell_UsageSaysWhy()
    {
        var (exit, output, error) = Cli.Run("whatif", Catalogue, "--reform", Reforms[0], "--population", SamplePopulation, "--min-cell", "-1");

        Assert.Equal(64, exit);
        Assert.Equal("", output);
        Assert.Contains("--min-cell is a number of cases, 0 or more, not -1.", error, StringComparison.Ordinal);
    }

    /// <summary>The three sample reforms over the sample population, with <paramref name="extra"/> arguments.</summary>
    internal static (int ExitCode, string Output, string Error) Run(params string[] extra) =>
        Cli.Run(["whatif", Catalogue, .. ReformArguments(), "--population", SamplePopulation, .. extra]);

    internal static string[] ReformArguments() => [.. Reforms.SelectMany(r => new[] { "--reform", r })];

    /// <summary>Three situations of water and gas transfers, with and without a smartphone: a second's run, trips saved.</summary>
    internal static string SmallPopulation(TempFolder folder)
    {
        var path = Path.Combine(folder.Path, "small.jsonl");
        File.WriteAllText(path, """
            {"code": "330100-SC-0030", "weight": 400, "facts": {"property.transfer_registered": true, "applicant.has_smartphone": true}}
            {"code": "330100-SC-0030", "weight": 100, "facts": {"property.transfer_registered": true, "applicant.has_smartphone": false}}
            {"code": "330100-SC-0032", "weight": 300, "facts": {"property.transfer_registered": true, "applicant.has_smartphone": true}}

            """);
        return path;
    }

    private static double Number(string text) => double.Parse(text, NumberStyles.Number, CultureInfo.InvariantCulture);
}
