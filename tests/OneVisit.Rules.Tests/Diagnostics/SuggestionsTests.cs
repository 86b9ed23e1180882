using OneVisit.Rules.Diagnostics;

namespace OneVisit.Rules.Tests.Diagnostics;

public sealed class SuggestionsTests
{
    private static readonly string[] Ids = ["resident_id_card", "resident_id_card_copy", "business_licence", "hz_amr", "zj_amr"];

    [Theory]
    [InlineData("busines_licence", "business_licence")]
    [InlineData("bsuiness_licence", "business_licence")]
    [InlineData("BUSINESS_LICENCE", "business_licence")]
    [InlineData("hz_amx", "hz_amr")]
    [InlineData("resident_id", "resident_id_card")]
    public void Closest_PlausibleSlip_SuggestsWhatWasMeant(string misspelt, string expected)
    {
        Assert.Equal(expected, Suggestions.Closest(misspelt, Ids));
    }

    [Theory]
    [InlineData("passport")]
    [InlineData("res")]
    [InlineData("")]
    public void Closest_NothingClose_SuggestsNothing(string misspelt)
    {
        Assert.Null(Suggestions.Closest(misspelt, Ids));
        Assert.Equal(string.Empty, Suggestions.DidYouMean(misspelt, Ids));
    }

    [Fact]
    public void DidYouMean_Hit_FormsASentence()
    {
        Assert.Equal(" Did you mean 'zj_amr'?", Suggestions.DidYouMean("zj_anr", Ids));
    }
}
