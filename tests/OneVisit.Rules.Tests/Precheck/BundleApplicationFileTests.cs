using OneVisit.Rules.Authoring;
using OneVisit.Rules.Diagnostics;
using OneVisit.Rules.Tests.Authoring;

namespace OneVisit.Rules.Tests.Precheck;

/// <summary>An application for a bundle names 'bundle' instead of 'procedure', and each party's documents say whose they are.</summary>
public sealed class BundleApplicationFileTests : IDisposable
{
    private readonly CatalogFolder _folder = BundleFolder.With();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Load_BundleApplication_GivesTheBundleItDescribes()
    {
        var result = Load("""
            bundle: B-1
            as_of: 2019-07-01
            window: hz_general
            left_out: [Q-2]
            facts:
              enterprise.name: 浙江测试有限公司
            documents:
              - document: power_of_attorney
                party: mother
            """);

        Assert.Empty(result.Diagnostics);
        Assert.Null(result.Request);
        Assert.True(result.Succeeded);
        var bundle = result.Bundle!;
        Assert.Equal(("B-1", new DateOnly(2019, 7, 1), "hz_general"), (bundle.BundleCode, bundle.AsOf, bundle.WindowId));
        Assert.Equal(["Q-2"], bundle.LeftOut);
        Assert.Equal("浙江测试有限公司", bundle.Facts["enterprise.name"]);
        Assert.Equal("mother", Assert.Single(bundle.Documents).Party);
    }

    [Fact]
    public void Load_LeavingOutAMemberThatIsNotOptional_SaysWhichAreOptional()
    {
        var result = Load("""
            bundle: B-1
            left_out: [Q-1]
            """);

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCodes.InvalidValue, diagnostic.Code);
        Assert.Equal(new SourceLocation(_folder.File("application.yaml"), 2, 12), diagnostic.Location);
        Assert.Equal("Q-1 is not an optional member of bundle B-1, so it cannot be left out. Its optional members: Q-2.", diagnostic.Message);
        Assert.False(result.Succeeded);
    }

    [Theory]
    [InlineData("bundle: B-2", 1, 9, "There is no bundle 'B-2'. Did you mean 'B-1'?")]
    [InlineData("procedure: Q-2\ndocuments:\n  - document: power_of_attorney\n    party: mothr", 4, 12, "There is no party 'mothr'. Did you mean 'mother'?")]
    public void Load_UnknownBundleOrParty_SuggestsTheNearest(string yaml, int line, int column, string message)
    {
        var result = Load(yaml);

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(new SourceLocation(_folder.File("application.yaml"), line, column), diagnostic.Location);
        Assert.Equal(message, diagnostic.Message);
    }

    private ApplicationFileResult Load(string yaml)
    {
        _folder.With("application.yaml", yaml);
        return ApplicationFile.Load(_folder.File("application.yaml"), _folder.Load().GetCatalogOrThrow());
    }
}
