using OneVisit.Rules.Precheck;

namespace OneVisit.Rules.Tests.Precheck;

/// <summary>A refusal is a final answer that names its legal basis, never "not yet" and never without a basis when one exists.</summary>
public sealed class NotEligibleTests : IDisposable
{
    private readonly CatalogFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Check_RuleWithItsOwnBasis_StatementCitesThatBasis()
    {
        var result = Check(_folder);

        Assert.Equal(Verdict.NotEligible, result.Verdict);
        var refusal = Assert.Single(result.Refusals);
        Assert.Equal("capital_too_low", refusal.Id);
        Assert.Equal("注册资本不足（公司法 第二十六条）", refusal.Statement.Text);
        Assert.Equal(["注册资本不足（公司法 第二十六条）"], result.Obstacles.Select(o => o.Text));
    }

    [Fact]
    public void Check_RuleWithoutBasis_StatementCitesTheProceduresLegalBasis()
    {
        _folder.With("procedures/p1.yaml", CatalogFolder.ProcedureYaml.Replace("    basis: {law: 公司法, article: 第二十六条}\n", "", StringComparison.Ordinal));

        var refusal = Assert.Single(Check(_folder).Refusals);

        Assert.Equal("企业名称登记管理规定 第四条", Assert.Single(refusal.Basis).ToString());
        Assert.Equal("注册资本不足（企业名称登记管理规定 第四条）", refusal.Statement.Text);
    }

    [Fact]
    public void Check_Eligible_HasNoRefusals()
    {
        var result = Check(_folder, capital: 50_000m);

        Assert.NotEqual(Verdict.NotEligible, result.Verdict);
        Assert.Empty(result.Refusals);
    }

    private static PrecheckResult Check(CatalogFolder folder, decimal capital = 10_000m) =>
        new PrecheckEngine(folder.Load().GetCatalogOrThrow()).Check(new PrecheckRequest
        {
            ProcedureCode = "P-1",
            AsOf = new DateOnly(2017, 2, 18),
            Facts = new Dictionary<string, object?>
            {
                ["enterprise.name"] = "杭州测试有限公司",
                ["enterprise.registered_capital"] = capital,
                ["applicant.is_agent"] = false,
            },
        });
}
