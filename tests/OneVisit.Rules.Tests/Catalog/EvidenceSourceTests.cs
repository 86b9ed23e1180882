using OneVisit.Rules.Catalog;
using OneVisit.Rules.Diagnostics;

namespace OneVisit.Rules.Tests.Catalog;

public sealed class EvidenceSourceTests
{
    private static readonly EvidenceSource Zhejiang = new("zj_amr", ["zhejiang", "shanghai/pudong"], SourceLocation.StartOf("documents.yaml"));

    [Theory]
    [InlineData("zhejiang", true)]
    [InlineData("zhejiang/hangzhou/shangcheng", true)]
    [InlineData("shanghai/pudong", true)]
    [InlineData("shanghai", false)]
    [InlineData("zhejiangxi", false)]
    [InlineData("jiangsu/zhejiang", false)]
    public void Covers_Region_CoversItselfAndItsSubRegionsOnly(string region, bool covered)
    {
        Assert.Equal(covered, Zhejiang.Covers(region));
    }
}
