using System.Text.Json;
using System.Text.RegularExpressions;

namespace OneVisit.Rules.Tests.Authoring;

/// <summary>The editor schemas ship with the repository; every sample file must point at one that exists.</summary>
public sealed partial class JsonSchemaTests
{
    private static readonly string SchemaFolder = Path.Combine(RepositoryRoot.Path, "docs", "schema");

    [Theory]
    [InlineData("catalog")]
    [InlineData("facts")]
    [InlineData("authorities")]
    [InlineData("documents")]
    [InlineData("procedure")]
    [InlineData("bundle")]
    [InlineData("tests")]
    [InlineData("application")]
    [InlineData("reform")]
    [InlineData("population")]
    public void Schema_EachFileKind_IsDraft07JsonWithTitleAndStrictObjects(string kind)
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(SchemaFolder, kind + ".schema.json")));
        var root = schema.RootElement;

        Assert.Equal("http://json-schema.org/draft-07/schema#", root.GetProperty("$schema").GetString());
        Assert.False(string.IsNullOrWhiteSpace(root.GetProperty("title").GetString()));
        Assert.False(root.GetProperty("additionalProperties").GetBoolean());
    }

    [Fact]
    public void SampleCatalogue_EveryFile_PointsAtAnExistingSchema()
    {
        var catalogue = Path.Combine(RepositoryRoot.Path, "catalog", "hangzhou");
        var files = Directory.EnumerateFiles(catalogue, "*.yaml", SearchOption.AllDirectories).ToList();

        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var match = Modeline().Match(File.ReadLines(file).First());
            Assert.True(match.Success, $"{file} has no yaml-language-server modeline on its first line.");
            var schema = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, match.Groups["path"].Value));
            Assert.True(File.Exists(schema), $"{file} points at {schema}, which does not exist.");
        }
    }

    // The loader never reads applications/, so a wrong modeline there would go unnoticed but for this check.
    [Theory]
    [InlineData("procedures", "procedure.schema.json")]
    [InlineData("bundles", "bundle.schema.json")]
    [InlineData("tests", "tests.schema.json")]
    [InlineData("applications", "application.schema.json")]
    [InlineData("reforms", "reform.schema.json")]
    [InlineData("populations", "population.schema.json")]
    public void SampleCatalogue_FilesOfAFolder_PointAtTheSchemaForTheirKind(string folder, string schema)
    {
        var files = Directory.EnumerateFiles(Path.Combine(RepositoryRoot.Path, "catalog", "hangzhou", folder), "*.yaml").ToList();

        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var match = Modeline().Match(File.ReadLines(file).First());
            Assert.True(match.Success, $"{file} has no yaml-language-server modeline on its first line.");
            Assert.Equal(schema, Path.GetFileName(match.Groups["path"].Value));
        }
    }

    [GeneratedRegex(@"^# yaml-language-server: \$schema=(?<path>\S+)$")]
    private static partial Regex Modeline();
}
