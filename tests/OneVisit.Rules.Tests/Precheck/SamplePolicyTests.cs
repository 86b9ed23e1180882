using OneVisit.Rules.Testing;

namespace OneVisit.Rules.Tests.Precheck;

/// <summary>Every policy test in <c>catalog/hangzhou/tests/</c> passes, each as its own xunit case.</summary>
public sealed class SamplePolicyTests
{
    public static TheoryData<string> CaseNames => [.. SampleCatalogue.Tests.Select(t => t.Name)];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void PolicyTest_FromSampleCatalogue_Passes(string name)
    {
        var testCase = SampleCatalogue.Tests.Single(t => t.Name == name);

        var outcome = PolicyTestRunner.Run(SampleCatalogue.Engine, testCase);

        Assert.True(outcome.Passed, $"{testCase.Location}: {outcome.Error}{string.Join("; ", outcome.Mismatches)}"
            + Environment.NewLine + string.Join(Environment.NewLine, outcome.FiredRules));
    }
}
