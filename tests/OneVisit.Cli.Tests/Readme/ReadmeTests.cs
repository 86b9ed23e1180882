using System.Text.RegularExpressions;

namespace OneVisit.Cli.Tests.Readme;

/// <summary>The README's promises to a new reader: its first commands, and a tour whose procedure file really loads.</summary>
public sealed partial class ReadmeTests
{
    [Fact]
    public void Lint_ToursAbridgedProcedureInTheSampleCatalogue_IsClean()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "README.md"));
        var tour = readme[readme.IndexOf("## For policy staff", StringComparison.Ordinal)..];
        var yaml = YamlBlock().Match(tour);
        Assert.True(yaml.Success, "The README's tour has no ```yaml block.");
        using var catalogue = new CatalogueCopy();
        // The tour abridges errand 4's procedure, so the policy tests of the full one name materials it leaves out.
        File.Delete(Path.Combine(catalogue.Path, "tests", "04-housing-fund-rent-withdrawal.yaml"));
        File.WriteAllText(Path.Combine(catalogue.Path, "procedures", "330100-sc-0004-housing-fund-rent-withdrawal.yaml"), yaml.Groups["yaml"].Value);

        var (exit, output, error) = Cli.Run("lint", catalogue.Path);

        Assert.True(exit == ExitCodes.Ok, output + error);
    }

    [Fact]
    public void Readme_Start_IsTheDemoAndTheTestCommand()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "README.md"));
        var first = FirstBlock().Match(readme);

        Assert.True(first.Success, "The README does not start with a title and a shell block.");
        var lines = first.Groups["commands"].Value.Trim().Split('\n');
        // Each line is a command, then a comment saying what it is for.
        Assert.Equal(["dotnet run --project src/OneVisit.Cli -- demo", "dotnet test OneVisit.sln"], lines.Select(l => l.Split('#')[0].Trim()));
        Assert.Contains("the main job", lines[0], StringComparison.Ordinal);
        Assert.Contains("every test", lines[1], StringComparison.Ordinal);
    }

    [GeneratedRegex("\\A# OneVisit\n\n```sh\n(?<commands>.*?)```", RegexOptions.Singleline)]
    private static partial Regex FirstBlock();

    [GeneratedRegex("```yaml\\n(?<yaml>.*?)```", RegexOptions.Singleline)]
    private static partial Regex YamlBlock();
}
