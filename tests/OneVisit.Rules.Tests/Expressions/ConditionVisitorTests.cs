using System.Globalization;
using OneVisit.Rules.Expressions;

namespace OneVisit.Rules.Tests.Expressions;

/// <summary>The public visitor hands a reader every node kind with typed values, as written.</summary>
public sealed class ConditionVisitorTests
{
    [Theory]
    [InlineData("applicant.is_married and not applicant.has_local_hukou", "(and applicant.is_married (not applicant.has_local_hukou))")]
    [InlineData("applicant.is_married or applicant.has_local_hukou or true", "(or (or applicant.is_married applicant.has_local_hukou) Truth:True)")]
    [InlineData("3 > applicant.months_paid", "(Greater Decimal:3 applicant.months_paid)")]
    [InlineData("enterprise.registered_capital >= 1000万", "(GreaterOrEqual enterprise.registered_capital Decimal:10000000)")]
    [InlineData("applicant.marital_status not in [\"single\", \"widowed\"]", "(not-in applicant.marital_status [String:single String:widowed])")]
    [InlineData("applicant.birth_date between 2010-09-01 and as_of - 1 month", "(between applicant.birth_date DateOnly:2010-09-01 (shift as_of -1 Months))")]
    [InlineData("enterprise.name contains \"浙江\"", "(contains enterprise.name String:浙江)")]
    [InlineData("applicant.is_married is unknown", "(unknown applicant.is_married)")]
    [InlineData("applicant.months_paid * 2 > 6", "(Greater (Multiply applicant.months_paid Decimal:2) Decimal:6)")]
    public void Visit_EveryNodeKind_ArrivesWithItsPartsAsWritten(string condition, string expected)
    {
        Assert.Equal(expected, new Printer().Visit(TestFacts.Parse(condition)));
    }

    [Fact]
    public void Visit_KindNotOverridden_GoesToDefaultVisit()
    {
        var reader = new FactsOnly();

        Assert.Equal("applicant.is_married", reader.Visit(TestFacts.Parse("applicant.is_married")));
        Assert.Equal("?", reader.Visit(TestFacts.Parse("not applicant.is_married")));
        Assert.Equal("?", reader.Visit(default(ConditionNode)));
    }

    /// <summary>Writes the tree as an S-expression so a test can see every part a reader is given.</summary>
    private sealed class Printer : ConditionVisitor<string>
    {
        protected override string VisitLiteral(object value) =>
            $"{value.GetType().Name}:{(value is DateOnly date ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : Convert.ToString(value, CultureInfo.InvariantCulture))}";

        protected override string VisitFact(FactSymbol fact) => fact.Path;

        protected override string VisitAsOf() => "as_of";

        protected override string VisitNot(ConditionNode operand) => $"(not {Visit(operand)})";

        protected override string VisitAnd(ConditionNode left, ConditionNode right) => $"(and {Visit(left)} {Visit(right)})";

        protected override string VisitOr(ConditionNode left, ConditionNode right) => $"(or {Visit(left)} {Visit(right)})";

        protected override string VisitComparison(ComparisonOperator op, ConditionNode left, ConditionNode right) => $"({op} {Visit(left)} {Visit(right)})";

        protected override string VisitIn(ConditionNode operand, IReadOnlyList<object> values, bool negated) =>
            $"({(negated ? "not-in" : "in")} {Visit(operand)} [{string.Join(" ", values.Select(VisitLiteral))}])";

        protected override string VisitBetween(ConditionNode operand, ConditionNode low, ConditionNode high) => $"(between {Visit(operand)} {Visit(low)} {Visit(high)})";

        protected override string VisitContains(ConditionNode text, ConditionNode part) => $"(contains {Visit(text)} {Visit(part)})";

        protected override string VisitIsKnown(FactSymbol fact, bool known) => $"({(known ? "known" : "unknown")} {fact.Path})";

        protected override string VisitArithmetic(ArithmeticOperator op, ConditionNode left, ConditionNode right) => $"({op} {Visit(left)} {Visit(right)})";

        protected override string VisitNegate(ConditionNode operand) => $"(- {Visit(operand)})";

        protected override string VisitDateShift(ConditionNode date, int amount, DurationUnit unit) => $"(shift {Visit(date)} {amount} {unit})";

        protected override string DefaultVisit() => "unexpected";
    }

    private sealed class FactsOnly : ConditionVisitor<string>
    {
        protected override string VisitFact(FactSymbol fact) => fact.Path;

        protected override string DefaultVisit() => "?";
    }
}
