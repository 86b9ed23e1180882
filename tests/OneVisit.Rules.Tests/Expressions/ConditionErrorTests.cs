using OneVisit.Rules.Diagnostics;
using OneVisit.Rules.Expressions;
using OneVisit.Rules.Tests.Support;

namespace OneVisit.Rules.Tests.Expressions;

public sealed class ConditionErrorTests
{
    private static ExpressionError SingleError(string text)
    {
        var result = ConditionLanguage.Parse(text, TestFacts.Schema);
        Assert.False(result.Succeeded);
        return Assert.Single(result.Errors);
    }

    [Theory]
    [InlineData("enterprise.name contains", DiagnosticCodes.ExpressionSyntax, 24, "ends too early")]
    [InlineData("(applicant.is_married", DiagnosticCodes.ExpressionSyntax, 21, "')' to close")]
    [InlineData("applicant.is_married and and true", DiagnosticCodes.ExpressionSyntax, 25, "found 'and'")]
    [InlineData("married = applicant.marital_status", DiagnosticCodes.ExpressionSyntax, 0, "text goes in double quotes")]
    [InlineData("enterprise.name = \"浙江", DiagnosticCodes.ExpressionSyntax, 18, "no closing quote")]
    [InlineData("enterprise.name contains 浙江", DiagnosticCodes.ExpressionSyntax, 25, "cannot stand outside quotes")]
    [InlineData("a.b && true", DiagnosticCodes.ExpressionSyntax, 4, "write 'and' or 'or'")]
    [InlineData("1 < 2 < 3", DiagnosticCodes.ExpressionSyntax, 6, "do not chain")]
    [InlineData("18years > 1", DiagnosticCodes.ExpressionSyntax, 0, "Put a space")]
    [InlineData("[1] = 1", DiagnosticCodes.ExpressionSyntax, 0, "may only follow 'in'")]
    [InlineData("", DiagnosticCodes.ExpressionSyntax, 0, "empty")]
    [InlineData("as_of = 2017-02-30", DiagnosticCodes.InvalidLiteral, 8, "not a date that exists")]
    [InlineData("enterprise.registered_capital > 99999999999999999999999999999999", DiagnosticCodes.InvalidLiteral, 32, "too large")]
    public void Parse_SyntaxError_ReportsCodeAndOffset(string text, string code, int offset, string message)
    {
        var error = SingleError(text);

        Assert.Equal(code, error.Code);
        Assert.Equal(offset, error.Offset);
        Assert.Contains(message, error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("enterprise.nmae = \"x\"", DiagnosticCodes.UnknownFact, 0, "Did you mean 'enterprise.name'?")]
    [InlineData("true and aplicant.is_married", DiagnosticCodes.UnknownFact, 9, "Did you mean 'applicant.is_married'?")]
    [InlineData("enterprise.name > 5", DiagnosticCodes.TypeMismatch, 0, "compares values of one kind")]
    [InlineData("enterprise.name < \"b\"", DiagnosticCodes.TypeMismatch, 0, "orders numbers and dates")]
    [InlineData("enterprise.registered_capital + 1", DiagnosticCodes.TypeMismatch, 0, "must be true or false")]
    [InlineData("not enterprise.name", DiagnosticCodes.TypeMismatch, 4, "'not' needs true or false")]
    [InlineData("applicant.is_married and 5", DiagnosticCodes.TypeMismatch, 25, "Each side of 'and'")]
    [InlineData("applicant.birth_date - applicant.birth_date > 1", DiagnosticCodes.TypeMismatch, 0, "cannot be subtracted")]
    [InlineData("applicant.months_paid + 1 year > 1", DiagnosticCodes.TypeMismatch, 0, "only be added to or taken from a date")]
    [InlineData("as_of - 0.5 years < as_of", DiagnosticCodes.InvalidLiteral, 8, "whole number")]
    [InlineData("18 years > 1", DiagnosticCodes.TypeMismatch, 0, "duration")]
    [InlineData("applicant.marital_status = \"maried\"", DiagnosticCodes.UnknownEnumValue, 27, "Did you mean 'married'?")]
    [InlineData("applicant.marital_status in [\"single\", \"widower\"]", DiagnosticCodes.UnknownEnumValue, 39, "Did you mean 'widowed'?")]
    [InlineData("applicant.marital_status contains \"m\"", DiagnosticCodes.TypeMismatch, 0, "'contains' looks inside text")]
    [InlineData("enterprise.name in [\"a\", 1]", DiagnosticCodes.TypeMismatch, 25, "The list holds a number")]
    [InlineData("enterprise.name in [enterprise.name]", DiagnosticCodes.TypeMismatch, 20, "values written out")]
    [InlineData("(1 + 2) is known", DiagnosticCodes.TypeMismatch, 0, "apply to a fact")]
    [InlineData("enterprise.registered_capital between 1 and as_of", DiagnosticCodes.TypeMismatch, 44, "bounds of 'between'")]
    public void Parse_TypeError_ReportsCodeOffsetAndAdvice(string text, string code, int offset, string message)
    {
        var error = SingleError(text);

        Assert.Equal(code, error.Code);
        Assert.Equal(offset, error.Offset);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SeveralTypeErrors_ReportsEachOnce()
    {
        var result = ConditionLanguage.Parse("enterprise.nmae = \"x\" or applicant.marital_status = \"maried\" or enterprise.name > 1", TestFacts.Schema);

        Assert.Equal([DiagnosticCodes.UnknownFact, DiagnosticCodes.UnknownEnumValue, DiagnosticCodes.TypeMismatch], result.Errors.Select(e => e.Code));
    }

    [Fact]
    public void Parse_HundredThousandCharacters_RefusedBeforeReading()
    {
        var text = string.Join(" or ", Enumerable.Repeat("applicant.is_married", 5_000));

        var error = SingleError(text);

        Assert.Equal(DiagnosticCodes.ExpressionTooLong, error.Code);
        Assert.True(text.Length > 100_000);
    }

    [Fact]
    public void Parse_DeepNesting_ReportsTooDeepAtTheLevelThatCrossesTheLimit()
    {
        var text = new string('(', 900) + "true" + new string(')', 900);

        var error = SingleError(text);

        Assert.Equal(DiagnosticCodes.ExpressionTooDeep, error.Code);
        Assert.Equal(ConditionLanguage.MaxDepth, error.Offset);
    }

    [Fact]
    public void Parse_NestingAtTheLimit_IsAccepted()
    {
        var depth = ConditionLanguage.MaxDepth;
        var text = new string('(', depth - 1) + "not true" + new string(')', depth - 1);

        Assert.True(ConditionLanguage.Parse(text, TestFacts.Schema).Succeeded);
    }

    [Theory]
    [InlineData("and")]
    [InlineData("days")]
    [InlineData("as_of")]
    public void IsReservedWord_LanguageWords_AreReserved(string word)
    {
        Assert.True(ConditionLanguage.IsReservedWord(word));
    }
}
