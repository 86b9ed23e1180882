using System.Text.RegularExpressions;
using OneVisit.Rules.Authoring;
using OneVisit.Rules.Precheck;
using OneVisit.Rules.Tests.Support;

namespace OneVisit.Rules.Tests.Readme;

/// <summary>Keeps the README's quick start compiling and true: the code between the markers is the README's, verbatim.</summary>
/// <remarks>It changes the current directory and Console.Out, so it runs alone.</remarks>
[Collection(nameof(ProcessWideState))]
public sealed partial class QuickStartTests
{
    [Fact]
    public void QuickStart_AgainstSampleCatalogue_PrintsTheBranchErrandsGaps()
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

        var text = output.ToString();
        Assert.StartsWith("NotYet; decided by hz_amr_shangcheng; 0 visits", text, StringComparison.Ordinal);
        Assert.Contains("  parent_articles: Fetched (Fetched from", text, StringComparison.Ordinal);
        Assert.Contains("  premises_lease_contract: Missing (Missing; bring 1 copy)", text, StringComparison.Ordinal);
        Assert.Contains("Notice of everything still missing", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Readme_CSharpBlock_IsTheTestedQuickStart()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "README.md"));
        var source = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "tests", "OneVisit.Rules.Tests", "Readme", "QuickStartTests.cs"));

        // The precheck's block, under its heading (the host quick start comes first and has a test of its own).
        var section = readme[readme.IndexOf("## For developers: precheck an application", StringComparison.Ordinal)..];
        var inReadme = CSharpBlock().Match(section).Groups["code"].Value;
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
        var engine = new PrecheckEngine(catalog);                                     // thread-safe: one per catalogue

        var result = engine.Check(new PrecheckRequest
        {
            ProcedureCode = "330100-SC-0001",                                         // registering a company branch
            AsOf = new DateOnly(2017, 2, 18),
            Facts = new Dictionary<string, object?>
            {
                ["applicant.is_agent"] = false,
                ["enterprise.registered_in_zhejiang"] = true,
                ["enterprise.is_foreign_invested"] = false,
                ["enterprise.has_digital_certificate"] = true,
                ["branch.district"] = "shangcheng",
                ["branch.premises_type"] = "leased",
                ["branch.scope_within_parent"] = true,
                ["branch.needs_prior_approval"] = false,
            },
            Documents = [new HeldDocument("branch_registration_application", IssuedOn: new DateOnly(2017, 2, 15))],
        });

        Console.WriteLine($"{result.Verdict}; decided by {result.Routing.Authority.Id}; {result.Visits.Count} visits");
        foreach (var material in result.Materials)
        {
            Console.WriteLine($"  {material.Id}: {material.Status} ({material.Note.EnglishOrText})");
        }

        Console.WriteLine(result.Notice?.ToEnglish());                                // every gap at once, or null
        // README:end
    }
}
