using NRules.Fluent.Dsl;
using OneVisit.Rules.Catalog;
using OneVisit.Rules.Expressions;
using OneVisit.Rules.Precheck;

namespace OneVisit.Rules.Tests.Precheck;

/// <summary>Integrators' own NRules.Fluent rules join a procedure's rule set and change the answer.</summary>
public sealed class CustomRuleTests : IDisposable
{
    private readonly CatalogFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Check_TaggedRuleDenies_ApplicantIsIneligibleWithThatReason()
    {
        var engine = Engine(new PrecheckOptions().AddRules(typeof(CreditRegisterRule)));

        var result = engine.Check(Request("失信测试有限公司", isAgent: false));

        Assert.Equal(Truth.False, result.Eligibility.Eligible);
        var denial = Assert.Single(result.Eligibility.Denials);
        Assert.Equal("own-credit-register", denial.Id);
        Assert.Equal(Verdict.NotEligible, result.Verdict);
        Assert.Equal(denial.Message, Assert.Single(result.Refusals).Statement); // no basis given: none is made up
        Assert.Contains(result.FiredRules, r => r.Name == "own-credit-register");
    }

    [Fact]
    public void Check_RuleOnRequiredMaterial_SuppliesItFromTheIntegratorsData()
    {
        var without = Engine(new PrecheckOptions()).Check(Request("杭州测试有限公司", isAgent: true));
        var with = Engine(new PrecheckOptions().AddRules(typeof(OwnAttorneyRegisterRule))).Check(Request("杭州测试有限公司", isAgent: true));

        Assert.Equal(MaterialStatus.AcceptWithGap, without.Material("attorney").Status);
        var attorney = with.Material("attorney");
        Assert.Equal(MaterialStatus.Fetched, attorney.Status);
        Assert.Equal("our register of powers of attorney", attorney.CustomSource?.English);
    }

    [Fact]
    public void Check_RuleOnRequiredMaterial_DoesNotFireWhenTheMaterialIsNotRequired()
    {
        var result = Engine(new PrecheckOptions().AddRules(typeof(OwnAttorneyRegisterRule))).Check(Request("杭州测试有限公司", isAgent: false));

        Assert.Equal(MaterialStatus.NotRequired, result.Material("attorney").Status);
        Assert.DoesNotContain(result.FiredRules, r => r.Name.Contains("custom", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(false, true)]
    [InlineData(true, false)]
    public void Check_RuleOnAnAbsentRequiredMaterial_SeesTheDerivedFacts(bool isAgent, bool fires)
    {
        var result = Engine(new PrecheckOptions().AddRules(typeof(NoAttorneyNeededRule))).Check(Request("杭州测试有限公司", isAgent));

        Assert.Equal(fires ? MaterialStatus.Fetched : MaterialStatus.Generated, result.Material("form").Status);
    }

    [Fact]
    public void Check_RuleTaggedForAnotherProcedure_DoesNotJoin()
    {
        var result = Engine(new PrecheckOptions().AddRules(typeof(OtherProcedureRule))).Check(Request("杭州测试有限公司", isAgent: false));

        Assert.Equal(Truth.True, result.Eligibility.Eligible);
    }

    [Fact]
    public void AddRules_TypeThatIsNotARule_IsRefused()
    {
        var error = Assert.Throws<ArgumentException>(() => new PrecheckOptions().AddRules(typeof(string)));

        Assert.Contains("System.String", error.Message, StringComparison.Ordinal);
    }

    private PrecheckEngine Engine(PrecheckOptions options) => new(_folder.Load().GetCatalogOrThrow(), options);

    private static PrecheckRequest Request(string name, bool isAgent) => new()
    {
        ProcedureCode = "P-1",
        AsOf = new DateOnly(2017, 2, 18),
        Facts = new Dictionary<string, object?>
        {
            ["enterprise.name"] = name,
            ["enterprise.registered_capital"] = 50000m,
            ["applicant.is_agent"] = isAgent,
        },
    };

    [Tag(PrecheckOptions.ProcedureTagPrefix + "P-1")]
    [Name("own-credit-register")]
    public sealed class CreditRegisterRule : Rule
    {
        public override void Define()
        {
            PrecheckApplication app = null!;
            When().Match(() => app, a => (string?)a.Facts.Get(a.Facts.Schema.Find("enterprise.name")!) == "失信测试有限公司");
            Then().Do(ctx => app.Deny("own-credit-register", new LocalizedText("申请人列入严重失信名单", "The applicant is on the serious dishonesty list"), null));
        }
    }

    public sealed class OwnAttorneyRegisterRule : Rule
    {
        public override void Define()
        {
            RequiredMaterial material = null!;
            When().Match(() => material, m => m.Material.Id == "attorney", m => m.Required == Truth.True);
            Then().Do(ctx => material.Application.Supply(material.Material.Id, new LocalizedText("本单位委托登记库", "our register of powers of attorney")));
        }
    }

    // Matches the absence of a derived fact: chaining must be on although no RequiredMaterial is exported.
    public sealed class NoAttorneyNeededRule : Rule
    {
        public override void Define()
        {
            PrecheckApplication app = null!;
            When()
                .Match(() => app)
                .Not<RequiredMaterial>(m => m.Application == app, m => m.Material.Id == "attorney");
            Then().Do(ctx => app.Supply("form", new LocalizedText("无需委托", "no attorney needed")));
        }
    }

    [Tag(PrecheckOptions.ProcedureTagPrefix + "OTHER-1")]
    public sealed class OtherProcedureRule : Rule
    {
        public override void Define()
        {
            PrecheckApplication app = null!;
            When().Match(() => app);
            Then().Do(ctx => app.Deny("other", new LocalizedText("不适用"), null));
        }
    }
}
