using System.Text.RegularExpressions;
using OneVisit.Rules.Authoring;
using OneVisit.Rules.Expressions;
using OneVisit.Rules.Tests.Support;

namespace OneVisit.Rules.Tests.Readme;

/// <summary>Keeps the README's quick start compiling and true: the code between the markers is the README's, verbatim.</summary>
/// <remarks>It changes the current directory and Console.Out, so it runs alone.</remarks>
[Collection(nameof(ProcessWideState))]
public sealed partial class QuickStartTests
{
    [Fact]
    public void QuickStart_AgainstSampleCatalogue_PrintsTheProvinceAuthority()
    {
        var output = new StringWriter();
        var previous = Directory.GetCurrentDirectory();
        var console = Console.Out;
        try
        {
            Directory.SetCurrentDirectory(RepositoryRoot.Path);
            Console.SetOut(output);
            QuickStart();
        }
        finally
        {
            Console.SetOut(console);
            Directory.SetCurrentDirectory(previous);
        }

        Assert.StartsWith("zj_amr: 冠\"浙江\"省名的企业名称由省工商行政管理局核准", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Readme_CSharpBlock_IsTheTestedQuickStart()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "README.md"));
        var source = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "tests", "OneVisit.Rules.Tests", "Readme", "QuickStartTests.cs"));

        var inReadme = CSharpBlock().Match(readme).Groups["code"].Value;
        var tested = Marked().Match(source).Groups["code"].Value;

        Assert.Equal(Normalise(inReadme), Normalise(tested));
    }

    private static string Normalise(string code) =>
        string.Join('\n', code.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith("using ", StringComparison.Ordinal)));

    [GeneratedRegex("```csharp\\n(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex CSharpBlock();

    [GeneratedRegex("// README:begin\\n(?<code>.*?)// README:end", RegexOptions.Singleline)]
    private static partial Regex Marked();

    private static void QuickStart()
    {
        // README:begin
        var catalog = CatalogLoader.Load("catalog/hangzhou").GetCatalogOrThrow();   // throws CatalogException listing every error
        var procedure = catalog.Procedures["330100-SC-0003"];

        var facts = catalog.Facts.CreateValues(asOf: new DateOnly(2017, 2, 18));
        facts.Set(catalog.Facts.Find("enterprise.name")!, "浙江某某科技有限公司");
        facts.Set(catalog.Facts.Find("enterprise.registered_capital")!, 20_000_000m);

        var rule = procedure.Jurisdiction.Rules.First(r => r.When.Condition.Evaluate(facts) == Truth.True);
        Console.WriteLine($"{rule.AuthorityId}: {rule.Because} ({rule.When.Location})");
        // README:end
    }
}
