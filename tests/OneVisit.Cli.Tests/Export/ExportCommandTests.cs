using System.Text.Json;

namespace OneVisit.Cli.Tests.Export;

/// <summary><c>onevisit export cpsv-ap</c>: the catalogue as CPSV-AP JSON-LD, to standard output or a file.</summary>
public sealed class ExportCommandTests
{
    private static readonly string Catalogue = RepositoryRoot.SampleCatalogue;

    [Fact]
    public void ExportCpsvAp_NoOut_JsonLdOnStandardOutputOnly()
    {
        var (exit, output, error) = Cli.Run("export", "cpsv-ap", Catalogue);

        Assert.True(exit == ExitCodes.Ok, error);
        Assert.Equal("", error);
        using var document = JsonDocument.Parse(output);
        Assert.Equal("http://data.europa.eu/m8g/", document.RootElement.GetProperty("@context").GetProperty("cv").GetString());
        var services = document.RootElement.GetProperty("@graph").EnumerateArray().Where(n => n.GetProperty("@type").ValueKind == JsonValueKind.String && n.GetProperty("@type").GetString() == "cpsv:PublicService");
        Assert.Equal(32, services.Count());
        Assert.Contains("\"https://example.org/onevisit/service/330100-SC-0004\"", output, StringComparison.Ordinal);
    }

    [Fact]
    public void ExportCpsvAp_Out_WritesTheSameDocumentAndSaysWhere()
    {
        using var folder = new TempFolder();
        var file = Path.Combine(folder.Path, "catalogue.jsonld");

        var (exit, output, error) = Cli.Run("export", "cpsv-ap", Catalogue, "--out", file);

        Assert.True(exit == ExitCodes.Ok, error);
        Assert.Matches(@"^Wrote CPSV-AP 3\.2\.0 JSON-LD of 32 services and 4 events \([\d,]+ bytes\) to .+catalogue\.jsonld\.\s*$", output);
        Assert.Equal(Cli.Run("export", "cpsv-ap", Catalogue).Output.TrimEnd(), File.ReadAllText(file));
    }

    [Fact]
    public void ExportCpsvAp_BaseIriAndTypicalVisits_NodesUnderItWithPopulationFigures()
    {
        var (exit, output, error) = Cli.Run("export", "cpsv-ap", Catalogue, "--base-iri", "https://data.example.gov.cn/hangzhou", "--typical-visits");

        Assert.True(exit == ExitCodes.Ok, error);
        Assert.Contains("\"https://data.example.gov.cn/hangzhou/service/330100-SC-0004\"", output, StringComparison.Ordinal);
        Assert.DoesNotContain("example.org", output, StringComparison.Ordinal);
        Assert.Contains("\"ov:typicalVisits\"", output, StringComparison.Ordinal);
        Assert.Contains("not real volumes", output, StringComparison.Ordinal);
    }

    [Fact]
    public void ExportCpsvAp_BrokenCatalogue_LintErrorsWithPositionsAndNoDocument()
    {
        using var copy = new CatalogueCopy();
        var procedure = Path.Combine(copy.Path, "procedures", "330100-sc-0004-housing-fund-rent-withdrawal.yaml");
        File.WriteAllText(procedure, File.ReadAllText(procedure).Replace("default: hz_housing_fund", "default: hz_housing_fnd", StringComparison.Ordinal));

        var (exit, output, error) = Cli.Run("export", "cpsv-ap", copy.Path);

        Assert.Equal(ExitCodes.Errors, exit);
        Assert.Equal("", output);
        Assert.Matches(@"330100-sc-0004-housing-fund-rent-withdrawal\.yaml:\d+:\d+: error OV\d{4}: .*hz_housing_fnd", error);
        Assert.Contains("fix them first", error, StringComparison.Ordinal);
    }

    [Fact]
    public void ExportCpsvAp_OutInAFolderThatIsNotThere_UsageErrorAndNoFile()
    {
        using var folder = new TempFolder();
        var file = Path.Combine(folder.Path, "missing", "catalogue.jsonld");

        var (exit, output, error) = Cli.Run("export", "cpsv-ap", Catalogue, "--out", file);

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Equal("", output);
        Assert.Contains($"cannot write '{file}'", error, StringComparison.Ordinal);
        Assert.Contains("Give --out a file in a folder you can write to", error, StringComparison.Ordinal);
        Assert.False(File.Exists(file));
    }

    [Fact]
    public void ExportCpsvAp_OutIsAFolder_UsageError()
    {
        using var folder = new TempFolder();

        var (exit, _, error) = Cli.Run("export", "cpsv-ap", Catalogue, "--out", folder.Path);

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("cannot write", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ftp://data.example.gov.cn/", "not http or https")]
    [InlineData("services/", "is not an absolute IRI")]
    [InlineData("https://data.example.gov.cn/?page=1", "has a query or a fragment")]
    public void ExportCpsvAp_BadBaseIri_UsageErrorBeforeReadingTheCatalogue(string iri, string problem)
    {
        var (exit, output, error) = Cli.Run("export", "cpsv-ap", "no-such-folder", "--base-iri", iri);

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Equal("", output);
        Assert.Contains(problem, error, StringComparison.Ordinal);
        Assert.DoesNotContain("no-such-folder", error, StringComparison.Ordinal);
    }

    [Fact]
    public void ExportCpsvAp_NoSuchFolder_UsageError()
    {
        var (exit, _, error) = Cli.Run("export", "cpsv-ap", "no-such-folder");

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("there is no folder 'no-such-folder'", error, StringComparison.Ordinal);
    }
}
