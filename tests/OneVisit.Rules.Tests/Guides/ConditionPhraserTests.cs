using OneVisit.Rules.Catalog;
using OneVisit.Rules.Diagnostics;
using OneVisit.Rules.Expressions;
using OneVisit.Rules.Guides.Internal;

namespace OneVisit.Rules.Tests.Guides;

/// <summary>A guide says when a material is needed in words a citizen reads: the fact's question and the answer.</summary>
public sealed class ConditionPhraserTests
{
    [Theory]
    [InlineData("applicant.is_agent", "您是受委托代为办理吗（不是法定代表人本人）？是")]
    [InlineData("not applicant.has_local_hukou", "您的户口是否在杭州市？否")]
    [InlineData("branch.premises_type = \"leased\"", "分公司营业场所是自有、租赁，还是没有产权证明？租赁")]
    [InlineData("branch.premises_type in [\"owned\", \"leased\"]", "分公司营业场所是自有、租赁，还是没有产权证明？自有或租赁")]
    [InlineData("applicant.months_contributed >= 3", "您的住房公积金已连续足额缴存多少个月？不少于3")]
    [InlineData("3 > applicant.months_contributed", "您的住房公积金已连续足额缴存多少个月？少于3")]
    [InlineData("enterprise.registered_capital < 1000万", "企业的注册资本是多少元？少于1000万元")]
    [InlineData("child.birth_date > 2011-08-31", "孩子的出生日期是哪一天？晚于2011年8月31日")]
    [InlineData("child.birth_date < as_of - 1 month", "孩子的出生日期是哪一天？早于申请之日前1个月")]
    [InlineData("applicant.has_e_id is unknown", "您是否已在浙江政务服务网完成实名认证？未提供")]
    public void Phrase_OneFact_IsItsQuestionAndTheAnswer(string condition, string expected)
    {
        Assert.Equal(expected, Chinese(condition));
    }

    [Fact]
    public void Phrase_AndInsideOr_BracketsEachSide()
    {
        var phrase = Chinese("(applicant.sex = \"male\" and applicant.is_agent) or partner.is_close_relative");

        Assert.Equal("（您的性别是？男，并且您是受委托代为办理吗（不是法定代表人本人）？是），或者你们双方是否为直系血亲或三代以内旁系血亲？是", phrase);
    }

    [Fact]
    public void Phrase_NotOfACompound_SaysNoneOfThem()
    {
        var phrase = English("not (applicant.is_agent or applicant.rents_home)");

        Assert.Equal("none of: Are you applying as an agent rather than as the legal representative? yes; or Do you rent the home you live in, in Hangzhou? yes", phrase);
    }

    [Fact]
    public void Phrase_NotOfAnAnd_SaysNotBoth()
    {
        var phrase = Chinese("not (applicant.is_agent and applicant.months_contributed >= 3)");

        Assert.Equal("不同时符合以下情形：您是受委托代为办理吗（不是法定代表人本人）？是，并且您的住房公积金已连续足额缴存多少个月？不少于3", phrase);
    }

    [Fact]
    public void Phrase_InEnglish_UsesEnglishQuestionsDatesAndValueNames()
    {
        Assert.Equal("What is your date of birth? after 22 years before the application date", English("applicant.birth_date > as_of - 22 years"));
        Assert.Equal("Are the branch's premises owned, leased, or without a title certificate? not no certificate", English("branch.premises_type != \"no_certificate\""));
        Assert.Equal("What is your date of birth? between 1 September 2010 and 31 August 2011", English("applicant.birth_date between 2010-09-01 and 2011-08-31"));
    }

    [Theory]
    [InlineData("applicant.months_contributed * 2 > applicant.months_resident_in_hangzhou")]
    [InlineData("applicant.is_agent and applicant.months_contributed + 1 > 3")]
    [InlineData("applicant.birth_date < partner.birth_date")]
    public void Phrase_FormWithoutWords_KeepsTheConditionAsWritten(string condition)
    {
        Assert.Equal(condition, Chinese(condition));
        Assert.Equal(condition, English(condition));
    }

    [Fact]
    public void Words_EveryEnumValueTheGuideShows_HasAWordInEachLanguage()
    {
        Enum[] shown =
        [
            .. Enum.GetValues<Channel>().Cast<Enum>(), .. Enum.GetValues<ResultDelivery>().Cast<Enum>(),
            .. Enum.GetValues<MaterialForm>().Cast<Enum>(), .. Enum.GetValues<OneVisit.Rules.Precheck.MaterialStatus>().Cast<Enum>(),
            .. Enum.GetValues<PresenceReason>().Cast<Enum>(), .. Enum.GetValues<AuthorityLevel>().Cast<Enum>(),
        ];

        Assert.All(shown, value => Assert.True(GuideLabels.Chinese.Words.ContainsKey(value) && GuideLabels.English.Words.ContainsKey(value), $"{value.GetType().Name}.{value} has no word"));
    }

    private static string Chinese(string text) => new ConditionPhraser(SampleCatalogue.Catalog.Facts, GuideLabels.Chinese.Phrases, english: false).Phrase(Parse(text));

    private static string English(string text) => new ConditionPhraser(SampleCatalogue.Catalog.Facts, GuideLabels.English.Phrases, english: true).Phrase(Parse(text));

    private static PolicyCondition Parse(string text)
    {
        var result = ConditionLanguage.Parse(text, SampleCatalogue.Catalog.Facts);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Message)));
        return new PolicyCondition(result.Condition!, new SourceLocation("test", 1, 1));
    }
}
