using OneVisit.Rules.Catalog;
using OneVisit.Rules.Precheck;
using OneVisit.Rules.Testing;

namespace OneVisit.Rules.Tests.Precheck;

/// <summary>The public worst case and material classes are what the service guide builds on; integrators may too.</summary>
public sealed class WorstCaseTests
{
    [Fact]
    public void WorstCase_EveryPolicyTest_IsNeverBelowThePrecheck()
    {
        var catalog = SampleCatalogue.Catalog;

        foreach (var testCase in SampleCatalogue.ProcedureTests)
        {
            var precheck = SampleCatalogue.Engine.Check(PolicyTestRunner.ToRequest(testCase, catalog.Info));

            var worst = VisitPrediction.WorstCase(catalog, catalog.Procedures[testCase.ProcedureCode!]);

            Assert.True(worst.Count >= precheck.Visits.Count, $"{testCase.Name}: worst case {worst.Count}, precheck {precheck.Visits.Count}.");
        }
    }

    [Fact]
    public void Class_EveryStatus_HasOneAndOnlyToSupplyIsAGap()
    {
        var material = SampleCatalogue.Engine.Check(new PrecheckRequest { ProcedureCode = "330100-SC-0001", AsOf = SampleCatalogue.Morning }).Materials[0];

        foreach (var status in Enum.GetValues<MaterialStatus>())
        {
            var result = material with { Status = status };

            Assert.Equal(result.Class == MaterialClass.ToSupply, result.IsGap);
        }
    }
}
