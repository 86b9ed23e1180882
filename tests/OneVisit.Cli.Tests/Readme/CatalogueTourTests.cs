using System.Text.RegularExpressions;

namespace OneVisit.Cli.Tests.Readme;

/// <summary>The README's tour for policy staff shows a procedure file that really loads: it is linted here.</summary>
public sealed partial class CatalogueTourTests
{
    [Fact]
    public void The_tours_abridged_procedure_lints_clean_in_the_sample_catalogue()
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

    [GeneratedRegex("```yaml\\n(?<yaml>.*?)```", RegexOptions.Singleline)]
    private static partial Regex YamlBlock();
}
