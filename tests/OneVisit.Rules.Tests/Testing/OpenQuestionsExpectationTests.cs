using OneVisit.Rules.Expressions;
using OneVisit.Rules.Testing;
using static OneVisit.Rules.Tests.Bundles.BirthBundle;

namespace OneVisit.Rules.Tests.Testing;

/// <summary>
/// <c>open_questions</c>, when a case gives it, is the exact set of questions in any order: <c>[]</c> asserts that
/// nothing is left to ask, and a list that names only some of them fails. Procedure and bundle cases alike.
/// </summary>
public sealed class OpenQuestionsExpectationTests
{
    [Fact]
    public void Run_ProcedureCaseWithEmptyListButQuestionsAsked_FailsNamingThem()
    {
        var (testCase, asked) = ProcedureCaseWithQuestions(1);

        var outcome = Run(testCase, []);

        var mismatch = Assert.Single(outcome.Mismatches);
        Assert.Equal(("open_questions", "none", string.Join(", ", asked)), (mismatch.What, mismatch.Expected, mismatch.Actual));
    }

    [Fact]
    public void Run_ProcedureCaseListingOnlySomeQuestions_FailsNamingTheOthers()
    {
        var (testCase, asked) = ProcedureCaseWithQuestions(2);

        var outcome = Run(testCase, [Fact(asked[0])]);

        var mismatch = Assert.Single(outcome.Mismatches);
        Assert.Equal(("open_questions", $"only {asked[0]}", $"also {string.Join(", ", asked.Skip(1))}"), (mismatch.What, mismatch.Expected, mismatch.Actual));
    }

    [Fact]
    public void Run_ProcedureCaseListingAQuestionNotAsked_FailsNamingIt()
    {
        var (testCase, asked) = ProcedureCaseWithQuestions(1);
        var other = SampleCatalogue.Catalog.Facts.Facts.First(f => !asked.Contains(f.Path)).Path;

        var outcome = Run(testCase, [.. asked.Select(Fact), Fact(other)]);

        var mismatch = Assert.Single(outcome.Mismatches);
        Assert.Equal(("open_questions", $"to include {other}", string.Join(", ", asked)), (mismatch.What, mismatch.Expected, mismatch.Actual));
    }

    [Fact]
    public void Run_ProcedureCaseListingEveryQuestionInAnotherOrder_Passes()
    {
        var (testCase, asked) = ProcedureCaseWithQuestions(2);

        var outcome = Run(testCase, [.. asked.AsEnumerable().Reverse().Select(Fact)]);

        Assert.True(outcome.Passed, string.Join("; ", outcome.Mismatches));
    }

    [Fact]
    public void Run_ProcedureCaseWithoutOpenQuestions_DoesNotCheckThem()
    {
        var (testCase, _) = ProcedureCaseWithQuestions(1);

        var outcome = Run(testCase, null);

        Assert.DoesNotContain(outcome.Mismatches, m => m.What == "open_questions");
    }

    [Fact]
    public void Run_BundleCaseWithEmptyListAndNothingToAsk_Passes()
    {
        var outcome = PolicyTestRunner.Run(Engine(Define()), BundlePolicyTestRunnerTests.Case(new PolicyExpectation { OpenQuestions = [] }));

        Assert.True(outcome.Passed, string.Join("; ", outcome.Mismatches));
    }

    [Fact]
    public void Run_BundleCaseWithEmptyListButAFactUnknown_FailsNamingTheQuestion()
    {
        var testCase = BundlePolicyTestRunnerTests.Case(new PolicyExpectation { OpenQuestions = [] }, ("child.father_recorded", null));

        var outcome = PolicyTestRunner.Run(Engine(Define()), testCase);

        var mismatch = Assert.Single(outcome.Mismatches);
        Assert.Equal(("open_questions", "none"), (mismatch.What, mismatch.Expected));
        Assert.Contains("child.father_recorded", mismatch.Actual, StringComparison.Ordinal);
    }

    // A sample procedure case whose precheck leaves at least `count` questions open, with those questions.
    private static (PolicyTestCase Case, List<string> Asked) ProcedureCaseWithQuestions(int count)
    {
        foreach (var testCase in SampleCatalogue.ProcedureTests)
        {
            var result = SampleCatalogue.Engine.Check(PolicyTestRunner.ToRequest(testCase, SampleCatalogue.Catalog.Info));
            if (result.OpenQuestions.Count >= count)
            {
                return (testCase, [.. result.OpenQuestions.Select(q => q.Path)]);
            }
        }

        throw new InvalidOperationException($"No sample case leaves {count} questions open.");
    }

    // Only open_questions is expected, so any mismatch is about them.
    private static PolicyTestOutcome Run(PolicyTestCase testCase, IReadOnlyList<FactSymbol>? questions) =>
        PolicyTestRunner.Run(SampleCatalogue.Engine, testCase with { Expect = new PolicyExpectation { OpenQuestions = questions } });

    private static FactSymbol Fact(string path) => SampleCatalogue.Catalog.Facts.Find(path)!;
}
