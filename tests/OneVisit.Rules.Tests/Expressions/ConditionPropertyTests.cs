using System.Globalization;
using System.Linq.Expressions;
using System.Text;
using CsCheck;
using OneVisit.Rules.Expressions;
using OneVisit.Rules.Tests.Support;

namespace OneVisit.Rules.Tests.Expressions;

/// <summary>
/// Random conditions: anything a policy officer can type either parses to a usable condition or yields typed
/// errors inside the text — never another exception — and three-valued logic never guesses.
/// </summary>
public sealed class ConditionPropertyTests
{
    private static readonly string[] Tokens =
    [
        "applicant.is_married", "applicant.birth_date", "applicant.marital_status", "applicant.months_paid",
        "enterprise.name", "enterprise.registered_capital", "enterprise.nmae", "as_of", "x.y", "applicant.",
        "and", "or", "not", "in", "not in", "between", "contains", "is", "known", "unknown", "true", "false",
        "=", "==", "!=", "<", "<=", ">", ">=", "+", "-", "*", "/", "(", ")", "[", "]", ",", ".",
        "0", "18", "1000万", "2.5", "10_000", "2017-02-18", "2017-02-30", "years", "days", "\"married\"", "\"浙江\"",
        "“浙江”", "\"", "\\", "&&", "'", "浙江", "\u0000", "\t", "99999999999999999999999999999999",
    ];

    private static readonly Gen<string> TokenSoup = Gen.OneOf(Tokens).Array[0, 24].Select(t => string.Join(" ", t));

    [Fact]
    public void Parse_AnySequenceOfTokens_GivesConditionOrPositionedErrors()
    {
        TokenSoup.Sample(text => AssertTotal(text), iter: 20_000);
    }

    [Fact]
    public void Parse_AnyCharacters_GivesConditionOrPositionedErrors()
    {
        Gen.String[0, 80].Sample(text => AssertTotal(text), iter: 20_000);
    }

    [Fact]
    public void Parse_WellTypedConditions_AlwaysSucceedAndEvaluate()
    {
        Gen.Int.Select(seed => new ConditionWriter(new Random(seed)).Bool(depth: 4)).Sample(text =>
        {
            var result = ConditionLanguage.Parse(text, TestFacts.Schema);
            Assert.True(result.Succeeded, $"{text}: {string.Join("; ", result.Errors)}");
            _ = result.Condition!.Evaluate(TestFacts.Values());
        }, iter: 5_000);
    }

    /// <summary>Kleene soundness: if an answer is decided with some facts unknown, learning them cannot change it.</summary>
    [Fact]
    public void Evaluate_DecidedWithUnknownFacts_StaysDecidedWhenTheyBecomeKnown()
    {
        Gen.Int.Select(seed => seed).Sample(seed =>
        {
            var random = new Random(seed);
            var condition = TestFacts.Parse(new ConditionWriter(random, withIsKnown: false).Bool(depth: 4));
            var partial = TestFacts.Values();
            RandomFacts(random, partial, probability: 0.5);
            var decided = condition.Evaluate(partial);
            if (decided == Truth.Unknown)
            {
                return;
            }

            for (var completion = 0; completion < 4; completion++)
            {
                var full = partial.Clone();
                RandomFacts(random, full, probability: 1.0, onlyUnknown: true);
                Assert.Equal(decided, condition.Evaluate(full));
            }
        }, iter: 3_000);
    }

    /// <summary>
    /// The interpreter a condition starts with and the delegate it compiles to once used often give the same answer on
    /// any condition and any facts, unknown ones included: a what-if run mixes the two across a million situations.
    /// </summary>
    [Fact]
    public void Evaluate_Interpreted_AgreesWithCompiled()
    {
        Gen.Int.Select(seed => seed).Sample(seed =>
        {
            var random = new Random(seed);
            var condition = TestFacts.Parse(new ConditionWriter(random).Bool(depth: 5));
            var compiled = condition.ToExpression().Compile();
            for (var round = 0; round < 8; round++)
            {
                var facts = TestFacts.Values();
                RandomFacts(random, facts, probability: 0.7);
                Assert.Equal(compiled(facts), OneVisit.Rules.Expressions.Internal.Interpreter.Truth(condition.Root, facts));
            }
        }, iter: 3_000);
    }

    /// <summary>Policy text cannot reach any method but OneVisit's own operators and fact readers.</summary>
    [Fact]
    public void ToExpression_AnyCondition_CallsOnlyOneVisitOperators()
    {
        Gen.Int.Select(seed => new ConditionWriter(new Random(seed)).Bool(depth: 5)).Sample(text =>
        {
            var tree = TestFacts.Parse(text).ToExpression();
            new OnlyOwnCalls().Visit(tree);
        }, iter: 2_000);
    }

    private static void AssertTotal(string text)
    {
        var result = ConditionLanguage.Parse(text, TestFacts.Schema);
        if (result.Succeeded)
        {
            Assert.Empty(result.Errors);
            _ = result.Condition!.Evaluate(TestFacts.Values());
            return;
        }

        Assert.NotEmpty(result.Errors);
        foreach (var error in result.Errors)
        {
            Assert.StartsWith("OV3", error.Code, StringComparison.Ordinal);
            Assert.InRange(error.Offset, 0, text.Length);
            Assert.True(error.Length >= 1);
            Assert.False(string.IsNullOrWhiteSpace(error.Message));
        }
    }

    private static void RandomFacts(Random random, FactValues values, double probability, bool onlyUnknown = false)
    {
        foreach (var fact in TestFacts.Schema.Facts)
        {
            if ((onlyUnknown && values.IsKnown(fact)) || random.NextDouble() >= probability)
            {
                continue;
            }

            _ = fact.Type.Kind switch
            {
                FactKind.Bool => values.Set(fact, random.Next(2) == 0),
                FactKind.Number or FactKind.Money => values.Set(fact, random.Next(-5, 30_000_000) / (decimal)random.Next(1, 4)),
                FactKind.Date => values.Set(fact, new DateOnly(1950, 1, 1).AddDays(random.Next(40_000))),
                FactKind.Enum => values.Set(fact, fact.Type.Values[random.Next(fact.Type.Values.Count)]),
                _ => values.Set(fact, random.Next(2) == 0 ? "浙江某某有限公司" : "杭州某某有限公司"),
            };
        }
    }

    /// <summary>Writes random well-typed conditions over <see cref="TestFacts"/>.</summary>
    /// <remarks>
    /// <paramref name="withIsKnown"/> false leaves out 'is known', the one operator that is deliberately not
    /// monotonic: it asks about knowledge itself, so learning a fact may change its answer.
    /// </remarks>
    private sealed class ConditionWriter(Random random, bool withIsKnown = true)
    {
        public string Bool(int depth)
        {
            var choice = random.Next(depth <= 0 ? 6 : 12);
            return choice switch
            {
                0 => Pick("applicant.is_married", "applicant.has_local_hukou", "true", "false"),
                1 => $"{Number(depth - 1)} {Pick("=", "!=", "<", "<=", ">", ">=")} {Number(depth - 1)}",
                2 => $"{Date(depth - 1)} {Pick("=", "<", ">=")} {Date(depth - 1)}",
                3 => $"enterprise.name {Pick("contains", "=", "!=")} {Pick("\"浙江\"", "\"杭州某某有限公司\"")}",
                4 => $"applicant.marital_status {Pick("= \"married\"", "!= \"single\"", "in [\"divorced\", \"widowed\"]", "not in [\"single\"]")}",
                5 when withIsKnown => $"{Pick(TestFacts.Schema.Facts.Select(f => f.Path).ToArray())} {Pick("is known", "is unknown")}",
                5 => "applicant.has_local_hukou",
                6 => $"not {Bool(depth - 1)}",
                7 or 8 => $"{Bool(depth - 1)} {Pick("and", "or")} {Bool(depth - 1)}",
                9 => $"({Bool(depth - 1)})",
                10 => $"{Number(depth - 1)} between {Number(depth - 1)} and {Number(depth - 1)}",
                _ => $"({Bool(depth - 1)}) {Pick("=", "!=")} ({Bool(depth - 1)})",
            };
        }

        private string Number(int depth) => random.Next(depth <= 0 ? 3 : 6) switch
        {
            0 => Pick("applicant.months_paid", "enterprise.registered_capital"),
            1 => random.Next(0, 100_000).ToString(CultureInfo.InvariantCulture),
            2 => Pick("1000万", "0.5", "10_000", "2亿"),
            3 => $"({Number(depth - 1)} {Pick("+", "-", "*", "/")} {Number(depth - 1)})",
            4 => $"-{Number(depth - 1)}",
            _ => $"{Number(depth - 1)} * {Number(depth - 1)}",
        };

        private string Date(int depth) => random.Next(depth <= 0 ? 3 : 4) switch
        {
            0 => Pick("applicant.birth_date", "enterprise.founded_on", "as_of"),
            1 => new DateOnly(1990, 1, 1).AddDays(random.Next(15_000)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            2 => "as_of",
            _ => $"{Date(depth - 1)} {Pick("+", "-")} {random.Next(0, 200)} {Pick("days", "weeks", "months", "years", "year")}",
        };

        private string Pick(params string[] options) => options[random.Next(options.Length)];
    }

    private sealed class OnlyOwnCalls : ExpressionVisitor
    {
        private static readonly HashSet<string> Allowed = ["ConditionRuntime", nameof(FactValues)];

        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            Assert.Contains(node.Method.DeclaringType!.Name, Allowed);
            return base.VisitMethodCall(node);
        }

        protected override Expression VisitMember(MemberExpression node)
        {
            Assert.Equal(typeof(FactValues), node.Member.DeclaringType);
            return base.VisitMember(node);
        }

        protected override Expression VisitNew(NewExpression node) => throw new Xunit.Sdk.XunitException($"Constructor call in a condition: {node}");

        protected override Expression VisitInvocation(InvocationExpression node) => throw new Xunit.Sdk.XunitException($"Delegate invocation in a condition: {node}");
    }
}
