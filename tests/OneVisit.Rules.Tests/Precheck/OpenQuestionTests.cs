using OneVisit.Rules.Expressions;
using OneVisit.Rules.Precheck;

namespace OneVisit.Rules.Tests.Precheck;

/// <summary>Unknown facts lead to questions, never to guesses, and only when the answer would change something.</summary>
public sealed class OpenQuestionTests
{
    [Fact]
    public void Check_IndustryUnknownForAProvinceName_AsksForItInsteadOfGuessingEligibility()
    {
        var result = SampleCatalogue.Engine.Check(FoundingErrandTests.FromTestCase("冠\"浙江\"省名但行业未知，须先回答行业问题"));

        Assert.Equal(Truth.Unknown, result.Eligibility.Eligible);
        Assert.Equal(Verdict.NotYet, result.Verdict);
        var first = result.OpenQuestions[0];
        Assert.Equal("enterprise.industry", first.Path);
        Assert.Equal(SampleCatalogue.Catalog.Facts.Definition("enterprise.industry")!.Question, first.Question);
        Assert.Contains("330100-SC-0003/eligibility/financial_capital_too_low", first.Affects);
    }

    [Fact]
    public void Check_AgentUnknown_LeavesTheAgentsPapersUndecidedAndAsks()
    {
        var request = FoundingErrandTests.FromTestCase("分公司设立登记，缺两项材料，一次性告知");
        var facts = new Dictionary<string, object?>(request.Facts) { ["applicant.is_agent"] = null };

        var result = SampleCatalogue.Engine.Check(request with { Facts = facts });

        Assert.Equal(MaterialStatus.Undecided, result.Material("agent_authorisation").Status);
        Assert.Equal(MaterialStatus.Undecided, result.Material("agent_id_card").Status);
        Assert.Contains(result.OpenQuestions, q => q.Path == "applicant.is_agent");
        Assert.DoesNotContain(result.Notice!.Items, i => i.Id.StartsWith("agent_", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_UnknownFactThatCannotChangeTheAnswer_IsNotAsked()
    {
        // Capital below 10 million: the province rule is false whatever the name, so the name is not asked.
        var result = CheckTestProcedure(new() { ["enterprise.registered_capital"] = 50000m, ["applicant.is_agent"] = false });

        Assert.Equal("hz_amr", result.Routing.Authority.Id);
        Assert.True(result.Routing.Decided);
        Assert.DoesNotContain(result.OpenQuestions, q => q.Path == "enterprise.name");
    }

    [Fact]
    public void Check_RoutingUndecided_NamesTheDefaultButSaysItIsNotDecided()
    {
        var result = CheckTestProcedure(new() { ["enterprise.name"] = "浙江测试有限公司", ["applicant.is_agent"] = false });

        Assert.False(result.Routing.Decided);
        Assert.Equal("hz_amr", result.Routing.Authority.Id);
        var capital = Assert.Single(result.OpenQuestions, q => q.Path == "enterprise.registered_capital");
        Assert.Contains("P-1/jurisdiction/1", capital.Affects);
        Assert.Contains("P-1/eligibility/capital_too_low", capital.Affects);
    }

    [Fact]
    public void Check_NothingKnown_AsksAboutEligibilityFirstThenRoutingThenMaterials()
    {
        var result = CheckTestProcedure([]);

        // Capital decides eligibility and routing, the name only routing, the agent question only a material.
        Assert.Equal(["enterprise.registered_capital", "enterprise.name", "applicant.is_agent"], result.OpenQuestions.Select(q => q.Path));
        Assert.True(result.OpenQuestions[0].Weight > result.OpenQuestions[1].Weight);
        Assert.True(result.OpenQuestions[1].Weight > result.OpenQuestions[2].Weight);
    }

    private static PrecheckResult CheckTestProcedure(Dictionary<string, object?> facts)
    {
        using var folder = new CatalogFolder();
        var engine = new PrecheckEngine(folder.Load().GetCatalogOrThrow());
        return engine.Check(new PrecheckRequest { ProcedureCode = "P-1", AsOf = new DateOnly(2017, 2, 18), Facts = facts });
    }
}
