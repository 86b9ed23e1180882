using OneVisit.Cli.Common;
using OneVisit.Rules.Catalog;
using OneVisit.Rules.Expressions;
using OneVisit.Rules.Precheck;

namespace OneVisit.Cli.Tests.Common;

public sealed class CatalogueTermsTests
{
    [Theory]
    [InlineData(typeof(Verdict))]
    [InlineData(typeof(Truth))]
    [InlineData(typeof(MaterialStatus))]
    [InlineData(typeof(ExemptionKind))]
    [InlineData(typeof(AuthorityLevel))]
    [InlineData(typeof(PresenceReason))]
    [InlineData(typeof(ResultDelivery))]
    [InlineData(typeof(MemberInclusion))]
    [InlineData(typeof(FlowVia))]
    public void Chinese_EveryValueOfATranslatedEnum_HasAWordOfItsOwn(Type type)
    {
        var missing = Enum.GetValues(type).Cast<Enum>().Where(v => !CatalogueTerms.Chinese.Has(v)).ToList();

        Assert.True(missing.Count == 0, $"No Chinese word for {string.Join(", ", missing)}: the zh output would show the English one.");
    }

    [Fact]
    public void English_IsTheCataloguesOwnWord()
    {
        Assert.Equal("not_yet", CatalogueTerms.English.Of(Verdict.NotYet));
        Assert.Equal("暂不能办结", CatalogueTerms.Chinese.Of(Verdict.NotYet));
    }
}
