using OneVisit.Rules.Expressions;
using OneVisit.Rules.Tests.Support;

namespace OneVisit.Rules.Tests.Expressions;

public sealed class ConditionEvaluationTests
{
    private readonly FactValues _facts = TestFacts.Values();

    private Truth Eval(string text) => TestFacts.Parse(text).Evaluate(_facts);

    private ConditionEvaluationTests Given(string path, object value)
    {
        var fact = TestFacts.Fact(path);
        _ = value switch
        {
            bool b => _facts.Set(fact, b),
            int i => _facts.Set(fact, (decimal)i),
            decimal d => _facts.Set(fact, d),
            DateOnly date => _facts.Set(fact, date),
            string s => _facts.Set(fact, s),
            _ => throw new ArgumentException(value.GetType().Name),
        };
        return this;
    }

    [Theory]
    [InlineData("applicant.is_married and false", Truth.False)]
    [InlineData("false and applicant.is_married", Truth.False)]
    [InlineData("applicant.is_married and true", Truth.Unknown)]
    [InlineData("applicant.is_married or true", Truth.True)]
    [InlineData("true or applicant.is_married", Truth.True)]
    [InlineData("applicant.is_married or false", Truth.Unknown)]
    [InlineData("not applicant.is_married", Truth.Unknown)]
    [InlineData("applicant.is_married = true", Truth.Unknown)]
    [InlineData("applicant.is_married is known", Truth.False)]
    [InlineData("applicant.is_married is unknown", Truth.True)]
    [InlineData("applicant.is_married is not known", Truth.True)]
    [InlineData("enterprise.registered_capital >= 1000万", Truth.Unknown)]
    [InlineData("enterprise.name contains \"浙江\"", Truth.Unknown)]
    public void Evaluate_UnknownFacts_FollowsKleeneLogic(string text, Truth expected)
    {
        Assert.Equal(expected, Eval(text));
    }

    [Theory]
    [InlineData("enterprise.name contains \"浙江\" and enterprise.registered_capital >= 10000000", Truth.True)]
    [InlineData("enterprise.name contains “浙江” and enterprise.registered_capital >= 1000万", Truth.True)]
    [InlineData("enterprise.registered_capital >= 0.2亿", Truth.True)]
    [InlineData("enterprise.registered_capital > 2000万", Truth.False)]
    [InlineData("enterprise.registered_capital between 1_000_000 and 20_000_000", Truth.True)]
    [InlineData("enterprise.registered_capital * 0.5 = 1000万", Truth.True)]
    [InlineData("enterprise.registered_capital / 2 - 1 < 1000万", Truth.True)]
    [InlineData("-enterprise.registered_capital < 0", Truth.True)]
    [InlineData("enterprise.registered_capital - 2000万 in [-1, 0]", Truth.True)]
    [InlineData("enterprise.name = \"浙江某某科技有限公司\"", Truth.True)]
    [InlineData("enterprise.name != \"浙江某某科技有限公司\"", Truth.False)]
    [InlineData("enterprise.name in [\"a\", \"浙江某某科技有限公司\"]", Truth.True)]
    [InlineData("enterprise.name not in [\"a\", \"浙江某某科技有限公司\"]", Truth.False)]
    [InlineData("not (enterprise.name contains \"杭州\")", Truth.True)]
    public void Evaluate_KnownEnterprise_Decides(string text, Truth expected)
    {
        Given("enterprise.name", "浙江某某科技有限公司").Given("enterprise.registered_capital", 20_000_000m);

        Assert.Equal(expected, Eval(text));
    }

    [Theory]
    [InlineData(1999, 2, 18, Truth.True)]
    [InlineData(1999, 2, 19, Truth.False)]
    public void Evaluate_AgeFromBirthDate_UsesAsOf(int year, int month, int day, Truth adult)
    {
        Given("applicant.birth_date", new DateOnly(year, month, day));

        Assert.Equal(adult, Eval("applicant.birth_date <= as_of - 18 years"));
    }

    [Theory]
    [InlineData("as_of = 2017-02-18", Truth.True)]
    [InlineData("as_of + 1 day = 2017-02-19", Truth.True)]
    [InlineData("as_of - 2 weeks = 2017-02-04", Truth.True)]
    [InlineData("as_of + 6 months = 2017-08-18", Truth.True)]
    [InlineData("as_of between 2017-01-01 and 2017-12-31", Truth.True)]
    [InlineData("as_of in [2017-02-18, 2018-02-18]", Truth.True)]
    [InlineData("enterprise.founded_on < as_of", Truth.Unknown)]
    public void Evaluate_DateArithmetic_MovesByCalendarUnits(string text, Truth expected)
    {
        Assert.Equal(expected, Eval(text));
    }

    [Theory]
    [InlineData("\"married\"", Truth.True)]
    [InlineData("\"single\"", Truth.False)]
    public void Evaluate_EnumFact_ComparesWithDeclaredValues(string literal, Truth expected)
    {
        Given("applicant.marital_status", "married");

        Assert.Equal(expected, Eval($"applicant.marital_status = {literal}"));
        Assert.Equal(expected, Eval($"applicant.marital_status in [{literal}, \"widowed\"]"));
    }

    [Theory]
    [InlineData("applicant.months_paid / 0 > 1")]
    [InlineData("applicant.months_paid * 79228162514264337593543950335 > 1")]
    [InlineData("applicant.birth_date + 10000 years > as_of")]
    public void Evaluate_OverflowOrDivisionByZero_IsUnknownNotAnException(string text)
    {
        Given("applicant.months_paid", 3).Given("applicant.birth_date", new DateOnly(9000, 1, 1));

        Assert.Equal(Truth.Unknown, Eval(text));
    }

    [Fact]
    public void Facts_ListsReadFactsInWrittenOrder()
    {
        var condition = TestFacts.Parse("enterprise.registered_capital > 1 and (applicant.is_married or enterprise.registered_capital < 5) and applicant.birth_date is known");

        Assert.Equal(["enterprise.registered_capital", "applicant.is_married", "applicant.birth_date"], condition.Facts.Select(f => f.Path));
    }

    [Fact]
    public void Evaluate_FactsOfAnotherSchema_Throws()
    {
        var condition = TestFacts.Parse("applicant.is_married");
        var other = new OneVisit.Rules.Catalog.FactSchema([]);

        Assert.Throws<ArgumentException>(() => condition.Evaluate(other.CreateValues(new DateOnly(2017, 1, 1))));
    }

    [Fact]
    public void Set_ValueOfWrongKind_ThrowsWithDeclaredType()
    {
        var error = Assert.Throws<ArgumentException>(() => _facts.Set(TestFacts.Fact("enterprise.name"), 5m));

        Assert.Contains("enterprise.name is declared as text", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Set_EnumValueNotDeclared_ThrowsListingAllowedValues()
    {
        var error = Assert.Throws<ArgumentException>(() => _facts.Set(TestFacts.Fact("applicant.marital_status"), "maried"));

        Assert.Contains("single, married, divorced, widowed", error.Message, StringComparison.Ordinal);
    }
}
